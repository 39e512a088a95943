namespace SupabaseKeyAnalyzers.Resolution;

/// <summary>What a value resolves to: a known string, a read of an environment variable, or nothing known.</summary>
internal readonly struct ResolvedValue
{
    private ResolvedValue(string? text, string? environmentVariable)
    {
        Text = text;
        EnvironmentVariable = environmentVariable;
    }

    public static ResolvedValue Unknown => default;

    /// <summary>The string the value always holds, when known.</summary>
    public string? Text { get; }

    /// <summary>The name of the environment variable the value is read from, when it is one.</summary>
    public string? EnvironmentVariable { get; }

    public static ResolvedValue FromText(string? text) => new(text, null);

    public static ResolvedValue FromEnvironment(string name) => new(null, name);
}
