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

    /// <summary>
    /// Runs <paramref name="action"/> at the start of every operation block (a method body, an initializer) in the trees
    /// <paramref name="gate"/> admits. For findings that lie elsewhere in the block than the operation that reveals them
    /// (an options write a few lines above the client it configures): the IDE analyzes a block at a time, and shows a
    /// diagnostic and its fixes only when it is reported by an action on the code it analyzed.
    /// </summary>
    public void RegisterOperationBlockStartAction(Action<OperationBlockContext> action, TreeGate gate)
        => start.RegisterOperationBlockStartAction(context =>
        {
            var tree = context.OperationBlocks.IsEmpty ? null : context.OperationBlocks[0].Syntax.SyntaxTree;
            if (tree is not null && Analyzes(tree, context.IsGeneratedCode, gate, context.CancellationToken))
            {
                action(new OperationBlockContext(context));
            }
        });

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

/// <summary>One operation block being analyzed: its operations of the kinds asked for, then its end, where findings are reported.</summary>
internal readonly struct OperationBlockContext
{
    private readonly OperationBlockStartAnalysisContext context;

#pragma warning disable RS1012 // The actions are registered on 'context' by the Register* methods below, on the rule's behalf.
    public OperationBlockContext(OperationBlockStartAnalysisContext context) => this.context = context;
#pragma warning restore RS1012

    public CancellationToken CancellationToken => context.CancellationToken;

    /// <summary>Runs <paramref name="action"/> on every operation of <paramref name="kinds"/> in the block.</summary>
    public void RegisterOperationAction(Action<IOperation> action, params OperationKind[] kinds)
        => context.RegisterOperationAction(c => action(c.Operation), ImmutableArray.Create(kinds));

    /// <summary>Runs <paramref name="action"/> when the whole block has been seen; it reports through the action it is handed.</summary>
    public void RegisterEndAction(Action<Action<Diagnostic>, CancellationToken> action)
        => context.RegisterOperationBlockEndAction(end => action(
            diagnostic =>
            {
                if (RazorCode.IsReportable(diagnostic.Location))
                {
                    end.ReportDiagnostic(diagnostic);
                }
            },
            end.CancellationToken));
}
