using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers;

/// <summary>
/// The base of every rule: concurrent, skips generated code, and hands each compilation's shared
/// <see cref="ProjectContext"/> to the rule, which builds its own context and registers only what it needs.
/// </summary>
public abstract class SupabaseAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => OnCompilationStart(start, ProjectContext.GetOrCreate(start.Compilation, start.Options)));
    }

    /// <summary>Registers the rule's actions for one compilation, or nothing when the compilation offers nothing to check.</summary>
    internal abstract void OnCompilationStart(CompilationStartAnalysisContext start, ProjectContext project);
}
