namespace SupabaseKeyAnalyzers.Projects;

/// <summary>A project kind and the evidence it was decided from (for messages and docs).</summary>
public readonly struct ProjectKindResolution
{
    public ProjectKindResolution(ProjectKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    public ProjectKind Kind { get; }

    /// <summary>What decided the kind, e.g. <c>UseMaui=true</c>.</summary>
    public string Reason { get; }

    public override string ToString() => Kind + " (" + Reason + ")";
}
