using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Configuration;

namespace SupabaseKeyAnalyzers.Projects;

/// <summary>
/// What every rule shares about one compilation: the project kind, the test-project switch and the analyzer options.
/// Computed once per compilation, whichever analyzer asks first; the symbols a rule matches live in that rule's own
/// context, never here.
/// </summary>
internal sealed class ProjectContext
{
    /// <summary>Set to <c>true</c> to run SBK001/SBK004 and SBK008 in test projects too (they are skipped there by default).</summary>
    public const string AnalyzeTestProjectsOption = "supabase_key_analyzers.analyze_test_projects";

    private static readonly ConditionalWeakTable<Compilation, ProjectContext> Cache = new();

    private ProjectContext(Compilation compilation, AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        Project = ProjectKindResolver.Resolve(compilation, global);
        AnalyzeTestProjects = global.TryGetValue(AnalyzeTestProjectsOption, out var value) && OptionValue.Is(value, "true");
    }

    public ProjectKindResolution Project { get; }

    public bool AnalyzeTestProjects { get; }

    public static ProjectContext GetOrCreate(Compilation compilation, AnalyzerOptions options)
        => Cache.GetValue(compilation, c => new ProjectContext(c, options));

    /// <summary>The project kind for one file: an <c>.editorconfig</c> override for that file wins.</summary>
    public ProjectKind KindOf(SyntaxTree tree, AnalyzerOptions options)
        => ProjectKindResolver.ForTree(Project.Kind, options.AnalyzerConfigOptionsProvider.GetOptions(tree));

    /// <summary>
    /// True when leak rules (SBK001/SBK004) and SBK008 look at code of this kind: everywhere but test projects (they
    /// hold fake keys, and mint tokens for a local stack), unless <see cref="AnalyzeTestProjectsOption"/> asks for them
    /// too. Misuse rules (SBK002, SBK003, SBK005, SBK006) run in test projects.
    /// </summary>
    public bool ReportsLeaksIn(ProjectKind kind) => kind != ProjectKind.Test || AnalyzeTestProjects;
}
