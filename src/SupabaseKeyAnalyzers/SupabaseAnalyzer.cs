using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers;

/// <summary>
/// The base of every rule: concurrent, analyzes user code and the C# generated from Razor files (see
/// <see cref="RazorCode"/>; every action starts with <see cref="RazorCode.ShouldAnalyze"/>), and hands each compilation's
/// shared <see cref="ProjectContext"/> to the rule, which builds its own context and registers only what it needs.
/// </summary>
public abstract class SupabaseAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Razor components compile to generated C#: it is analyzed, and each action skips other generated code itself.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start => OnCompilationStart(start, ProjectContext.GetOrCreate(start.Compilation, start.Options)));
    }

    /// <summary>Registers the rule's actions for one compilation, or nothing when the compilation offers nothing to check.</summary>
    internal abstract void OnCompilationStart(CompilationStartAnalysisContext start, ProjectContext project);
}
