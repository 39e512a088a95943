using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// The floor: registers the same callbacks as the package's analyzers (syntax nodes, operations, additional files)
/// and does nothing in them. What the analyzers cost above this is their own work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("EMPTY001", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringExpression, SyntaxKind.AddExpression);
            start.RegisterAdditionalFileAction(_ => { });
            start.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        });
    }
}
