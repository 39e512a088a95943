using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers;

/// <summary>
/// The base of every rule that looks at code. Its sealed <see cref="Initialize"/> owns what every rule must get right
/// and none may forget: concurrent execution, which code is analyzed (user code, and the C# generated from Razor
/// files, nothing else generated), where a finding may be reported (in Razor-generated C# only at mapped lines), and,
/// for rules that name a <see cref="Internals.NameGate"/>, which operations are worth any work at all. A rule
/// overrides <see cref="OnCompilationStart"/> and registers its actions on the <see cref="SupabaseCompilationStart"/>
/// it is handed; every action it registers there is gated and every diagnostic goes through the gate's report.
/// </summary>
public abstract class SupabaseAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Razor components compile to generated C#: it is analyzed, and the gate skips every other generated file.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start => OnCompilationStart(new SupabaseCompilationStart(start)));
    }

    /// <summary>Registers the rule's actions for one compilation, or nothing when the compilation offers nothing to check.</summary>
    internal abstract void OnCompilationStart(SupabaseCompilationStart start);
}
