using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers;

/// <summary>
/// The base of every rule: concurrent, skips generated code, and hands each compilation's
/// <see cref="SupabaseContext"/> (project kind, resolved symbols) to the rule, which registers only what it needs.
/// </summary>
public abstract class SupabaseAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => OnCompilationStart(start, SupabaseContext.Create(start.Compilation, start.Options)));
    }

    /// <summary>Registers the rule's actions for one compilation, or nothing when the compilation offers nothing to check.</summary>
    internal abstract void OnCompilationStart(CompilationStartAnalysisContext start, SupabaseContext supabase);
}
