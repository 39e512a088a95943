using SupabaseKeyAnalyzers.Testing;
namespace SupabaseKeyAnalyzers.Tests.EndToEnd;

/// <summary>
/// Packs SupabaseKeyAnalyzers.nupkg once, with a version of its own (so no stale copy in the NuGet cache is used),
/// into a local folder feed inside a temporary workspace whose nuget.config lists that feed.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Workspace = Directory.CreateTempSubdirectory("sbk-e2e-").FullName;
        Feed = Path.Combine(Workspace, "feed");
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        DotnetCli.RunChecked(DotnetCli.RepositoryRoot, "pack", Path.Combine("src", "SupabaseKeyAnalyzers.Package"), "-c", "Release", "-p:Version=" + Version, "-o", Feed);
        File.WriteAllText(Path.Combine(Workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);

        // Keep the repository's Directory.Build.props and central package management away from the test projects.
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Workspace, "Directory.Packages.props"), "<Project />");
    }

    public string Workspace { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath => Path.Combine(Feed, $"SupabaseKeyAnalyzers.{Version}.nupkg");

    /// <summary>Creates a project from a template and adds the packed package to it.</summary>
    public string CreateProject(string template, string name)
    {
        DotnetCli.RunChecked(Workspace, "new", template, "-o", name, "--no-restore");
        var directory = Path.Combine(Workspace, name);
        DotnetCli.RunChecked(directory, "add", "package", "SupabaseKeyAnalyzers", "--version", Version);
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
