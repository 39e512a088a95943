using System.Text.RegularExpressions;
using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// Packs the package, writes the generated corpus as a real class library that references it from a local folder feed,
/// builds it with <c>-p:ReportAnalyzer=true</c>, and prints the compiler's own analyzer timing for the package.
/// </summary>
public static partial class ReportAnalyzer
{
    public static int Run(int files)
    {
        // The generated project is kept for inspection: the feed is not disposed.
        var feed = LocalPackageFeed.Pack("report");
        var version = feed.Version;
        var project = Path.Combine(feed.Workspace, "Bench");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Bench.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);CS1998</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SupabaseKeyAnalyzers" Version="{version}" PrivateAssets="all" />
                {string.Concat(StubAssemblies.Paths.Select(p => $"<Reference Include=\"{p}\" />"))}
              </ItemGroup>
            </Project>
            """);
        foreach (var (path, text) in Corpus.Generate(files, SupabaseShape.Realistic))
        {
            var full = Path.Combine(project, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        DotnetCli.RunChecked(project, "restore");
        var output = DotnetCli.RunChecked(project, "build", "--no-restore", "-p:ReportAnalyzer=true", "-v:d", "-nologo", "-clp:PerformanceSummary");
        Console.WriteLine($"Generated project: {files} files in {project}");
        foreach (var line in output.Split('\n').Where(l => TimingLine().IsMatch(l)))
        {
            Console.WriteLine(line.TrimEnd());
        }

        return 0;
    }

    [GeneratedRegex(@"Total analyzer execution time|Total generator execution time|SupabaseKeyAnalyzers, Version|SupabaseKeyAnalyzers\.Rules|Microsoft\.CodeAnalysis\.NetAnalyzers, Version|Time Elapsed|^\s+\d+ ms\s+(Csc|CoreCompile)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimingLine();
}
