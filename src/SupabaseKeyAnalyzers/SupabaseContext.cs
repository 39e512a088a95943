using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Projects;

namespace SupabaseKeyAnalyzers;

/// <summary>
/// What a compilation offers the rules, built once at compilation start: the project kind and the symbols the rules
/// match against. A rule whose symbols are absent registers nothing, so unrelated code costs nothing.
/// </summary>
internal sealed class SupabaseContext
{
    /// <summary>Set to <c>true</c> to analyze test projects too (they are skipped by default).</summary>
    public const string AnalyzeTestProjectsOption = "supabase_key_analyzers.analyze_test_projects";

    private SupabaseContext(Compilation compilation, AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        Project = ProjectKindResolver.Resolve(compilation, global);
        AnalyzeTestProjects = global.TryGetValue(AnalyzeTestProjectsOption, out var value) && value.Trim().Equals("true", System.StringComparison.OrdinalIgnoreCase);

        AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
        HttpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
        HttpRequestHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpRequestHeaders");
        GenericDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
        SupabaseClient = compilation.GetTypeByMetadataName("Supabase.Client");
        GotrueClient = compilation.GetTypeByMetadataName("Supabase.Gotrue.Client");
        GotrueClientInterface = compilation.GetTypeByMetadataName("Supabase.Gotrue.Interfaces.IGotrueClient`2");
        GotrueClientOptions = compilation.GetTypeByMetadataName("Supabase.Gotrue.ClientOptions");
        FunctionsClient = compilation.GetTypeByMetadataName("Supabase.Functions.Client");
        FunctionsClientInterface = compilation.GetTypeByMetadataName("Supabase.Functions.Interfaces.IFunctionsClient");
    }

    public ProjectKindResolution Project { get; }

    public bool AnalyzeTestProjects { get; }

    public INamedTypeSymbol? AuthenticationHeaderValue { get; }

    public INamedTypeSymbol? HttpHeaders { get; }

    public INamedTypeSymbol? HttpRequestHeaders { get; }

    public INamedTypeSymbol? GenericDictionary { get; }

    public INamedTypeSymbol? SupabaseClient { get; }

    public INamedTypeSymbol? GotrueClient { get; }

    public INamedTypeSymbol? GotrueClientInterface { get; }

    public INamedTypeSymbol? GotrueClientOptions { get; }

    public INamedTypeSymbol? FunctionsClient { get; }

    public INamedTypeSymbol? FunctionsClientInterface { get; }

    public static SupabaseContext Create(Compilation compilation, AnalyzerOptions options)
        => new(compilation, options);

    /// <summary>The project kind for one file: an <c>.editorconfig</c> override for that file wins.</summary>
    public ProjectKind KindOf(SyntaxTree tree, AnalyzerOptions options)
        => ProjectKindResolver.ForTree(Project.Kind, options.AnalyzerConfigOptionsProvider.GetOptions(tree));
}
