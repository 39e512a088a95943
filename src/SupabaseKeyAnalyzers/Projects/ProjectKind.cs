namespace SupabaseKeyAnalyzers.Projects;

/// <summary>Where a compilation's output runs.</summary>
public enum ProjectKind
{
    /// <summary>A console app or class library: may run anywhere.</summary>
    Unknown,

    /// <summary>Ships to users' devices: browser, mobile, desktop, game or a CLI handed to users.</summary>
    Client,

    /// <summary>Runs on a trusted server: web app, worker, Azure Functions, Unity dedicated server.</summary>
    Server,

    /// <summary>A test project: never ships.</summary>
    Test,
}
