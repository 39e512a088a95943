using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// The floor: registers the same callbacks as the package's analyzers (a semantic-model action per tree, operations of
/// the kinds the rules ask for, additional files, a compilation action) with the same
/// generated-code setting, and does nothing in them. What the analyzers cost above this is their own work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The id of its one (never reported) diagnostic.</summary>
    public const string Id = "EMPTY001";

    private static readonly DiagnosticDescriptor Rule = new(Id, "Empty", "Empty", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationAction(_ => { });
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSemanticModelAction(_ => { });
            start.RegisterAdditionalFileAction(_ => { });
            start.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            start.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation);
        });
    }
}
