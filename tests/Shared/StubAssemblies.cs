namespace SupabaseKeyAnalyzers.Testing;

/// <summary>
/// Where the compile-only Supabase stubs were built (tests/SupabaseStubs*): the umbrella <c>Supabase</c> assembly,
/// <c>Supabase.Core</c> and <c>Supabase.Functions</c>, as separate assemblies like the real packages. Shared as a linked
/// file by the projects that reference the stubs.
/// </summary>
public static class StubAssemblies
{
    /// <summary>The paths of the three stub assemblies.</summary>
    public static IReadOnlyList<string> Paths { get; } = new[]
    {
        typeof(global::Supabase.Client).Assembly.Location,
        typeof(global::Supabase.Core.Interfaces.IGettableHeaders).Assembly.Location,
        typeof(global::Supabase.Functions.Client).Assembly.Location,
    };
}
