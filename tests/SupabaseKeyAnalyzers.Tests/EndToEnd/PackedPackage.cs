using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Tests.EndToEnd;

/// <summary>The package packed once for the end-to-end tests, with a fresh version, in a feed of its own.</summary>
public sealed class PackedPackage : IDisposable
{
    private readonly LocalPackageFeed feed = LocalPackageFeed.Pack("e2e");

    public string Workspace => feed.Workspace;

    public string Version => feed.Version;

    public string PackagePath => feed.PackagePath;

    public string PackagesFolder => feed.PackagesFolder;

    /// <summary>Creates a project from a template and adds the packed package to it.</summary>
    public string CreateProject(string template, string name, params string[] templateOptions)
    {
        DotnetCli.RunChecked(Workspace, new[] { "new", template, "-o", name, "--no-restore" }.Concat(templateOptions).ToArray());
        var directory = Path.Combine(Workspace, name);
        DotnetCli.RunChecked(directory, "add", "package", "SupabaseKeyAnalyzers", "--version", Version);
        return directory;
    }

    public void Dispose() => feed.Dispose();
}
