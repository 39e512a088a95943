using System.Globalization;

namespace SupabaseKeyAnalyzers.Testing;

/// <summary>
/// Packs SupabaseKeyAnalyzers.nupkg with a version of its own (so no stale copy is ever used) into a folder feed inside
/// a temporary workspace. Projects created in the workspace restore from that feed into an isolated packages folder
/// (<c>artifacts/isolated-packages/</c>), so they never read or write the machine-wide NuGet cache. Shared (as a linked
/// file) by the end-to-end tests and the benchmarks.
/// </summary>
public sealed class LocalPackageFeed : IDisposable
{
    private LocalPackageFeed(string purpose)
    {
        Workspace = Directory.CreateTempSubdirectory("sbk-" + purpose + "-").FullName;
        Feed = Path.Combine(Workspace, "feed");
        Version = "0.0.0-" + purpose + "." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        PackagesFolder = Path.Combine(DotnetCli.RepositoryRoot, "artifacts", "isolated-packages");
        DotnetCli.RunChecked(DotnetCli.RepositoryRoot, "pack", Path.Combine("src", "SupabaseKeyAnalyzers.Package"), "-c", "Release", "-p:Version=" + Version, "-o", Feed);
        File.WriteAllText(Path.Combine(Workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{PackagesFolder}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);

        // Keep the repository's Directory.Build.props and central package management away from the workspace's projects.
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Workspace, "Directory.Packages.props"), "<Project />");
    }

    public string Workspace { get; }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>Where the workspace's projects restore packages to: never <c>~/.nuget/packages</c>.</summary>
    public string PackagesFolder { get; }

    public string PackagePath => Path.Combine(Feed, $"SupabaseKeyAnalyzers.{Version}.nupkg");

    /// <summary>Packs the package for one purpose (<c>e2e</c>, <c>report</c>): the purpose names the version and the workspace.</summary>
    public static LocalPackageFeed Pack(string purpose) => new(purpose);

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
