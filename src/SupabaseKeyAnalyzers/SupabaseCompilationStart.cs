using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.Projects;

namespace SupabaseKeyAnalyzers;

/// <summary>
/// What a rule registers its actions on, for one compilation (see <see cref="SupabaseAnalyzer"/>). Each action is run
/// only on code the package analyzes (<see cref="RazorCode.ShouldAnalyze"/>) and, when the rule names a
/// <see cref="TreeGate"/>, only in trees that gate admits; each report is dropped where it cannot be shown
/// (<see cref="RazorCode.IsReportable"/>). The project kind is computed only for rules that ask for <see cref="Project"/>.
/// </summary>
internal sealed class SupabaseCompilationStart
{
    private readonly CompilationStartAnalysisContext start;

#pragma warning disable RS1012 // The actions are registered on 'start' by the Register* methods below, on the rule's behalf.
    public SupabaseCompilationStart(CompilationStartAnalysisContext start) => this.start = start;
#pragma warning restore RS1012

    public Compilation Compilation => start.Compilation;

    public AnalyzerOptions Options => start.Options;

    /// <summary>The project kind and the test-project switch (computed once per compilation, on first use).</summary>
    public ProjectContext Project => ProjectContext.GetOrCreate(start.Compilation, start.Options);

    /// <summary>Runs <paramref name="action"/> on every operation of <paramref name="kinds"/> in the trees <paramref name="gate"/> admits.</summary>
    public void RegisterOperationAction(Action<OperationContext> action, TreeGate gate, params OperationKind[] kinds)
        => start.RegisterOperationAction(
            context =>
            {
                if (Analyzes(context.Operation.Syntax.SyntaxTree, context.IsGeneratedCode, gate, context.CancellationToken))
                {
                    action(new OperationContext(context));
                }
            },
            ImmutableArray.Create(kinds));

    /// <summary>Runs <paramref name="action"/> once per analyzed tree that <paramref name="gate"/> admits.</summary>
    public void RegisterSemanticModelAction(Action<SemanticModelContext> action, TreeGate gate)
        => start.RegisterSemanticModelAction(context =>
        {
            if (Analyzes(context.SemanticModel.SyntaxTree, context.IsGeneratedCode, gate, context.CancellationToken))
            {
                action(new SemanticModelContext(context));
            }
        });

    /// <summary>Runs <paramref name="action"/> on every AdditionalFile (Razor files, shipped files, settings files).</summary>
    public void RegisterAdditionalFileAction(Action<AdditionalFileContext> action)
        => start.RegisterAdditionalFileAction(context => action(new AdditionalFileContext(context)));

    private static bool Analyzes(SyntaxTree tree, bool isGeneratedCode, TreeGate gate, CancellationToken cancellationToken)
        => RazorCode.ShouldAnalyze(tree, isGeneratedCode) && gate.Admits(tree, cancellationToken);
}

/// <summary>One operation to analyze; <see cref="Report"/> drops what cannot be shown.</summary>
internal readonly struct OperationContext
{
    private readonly OperationAnalysisContext context;

    public OperationContext(OperationAnalysisContext context) => this.context = context;

    public IOperation Operation => context.Operation;

    public Compilation Compilation => context.Compilation;

    public CancellationToken CancellationToken => context.CancellationToken;

    public void Report(Diagnostic diagnostic)
    {
        if (RazorCode.IsReportable(diagnostic.Location))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}

/// <summary>One syntax tree to analyze, with its semantic model; <see cref="Report"/> drops what cannot be shown.</summary>
internal readonly struct SemanticModelContext
{
    private readonly SemanticModelAnalysisContext context;

    public SemanticModelContext(SemanticModelAnalysisContext context) => this.context = context;

    public SemanticModel SemanticModel => context.SemanticModel;

    public AnalyzerOptions Options => context.Options;

    public CancellationToken CancellationToken => context.CancellationToken;

    public void Report(Diagnostic diagnostic)
    {
        if (RazorCode.IsReportable(diagnostic.Location))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}

/// <summary>One AdditionalFile to analyze: a Razor source file (<see cref="IsRazorSource"/>), a shipped file, a settings file.</summary>
internal readonly struct AdditionalFileContext
{
    private readonly AdditionalFileAnalysisContext context;

    public AdditionalFileContext(AdditionalFileAnalysisContext context) => this.context = context;

    public AdditionalText AdditionalFile => context.AdditionalFile;

    /// <summary>True for a <c>.razor</c> or <c>.cshtml</c> file: its C# is analyzed as generated code too, its markup only here.</summary>
    public bool IsRazorSource => RazorCode.IsRazorFile(context.AdditionalFile.Path);

    public AnalyzerOptions Options => context.Options;

    public CancellationToken CancellationToken => context.CancellationToken;

    public void Report(Diagnostic diagnostic) => context.ReportDiagnostic(diagnostic);
}
