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

    /// <summary>The compilation's model of the Supabase SDK, with its value-flow resolver (one per compilation).</summary>
    public SupabaseSdk.SupabaseModel Sdk => SupabaseSdk.SupabaseModel.For(start.Compilation, start.Options);

    /// <summary>The compilation's Supabase clients, or null when it references none.</summary>
    public SupabaseSdk.SupabaseClients? Clients => SupabaseSdk.SupabaseClients.For(start.Compilation, start.Options);

    /// <summary>The project kind and the test-project switch (computed once per compilation, on first use).</summary>
    public ProjectContext Project => ProjectContext.GetOrCreate(start.Compilation, start.Options);

    /// <summary>
    /// Runs <paramref name="action"/> on every operation of <paramref name="kinds"/> in the trees <paramref name="gate"/>
    /// admits. A gated rule registers its operation actions per operation block (a method body, an initializer), and
    /// only in the blocks of admitted trees (and, for a gate made with <see cref="TreeGate.InMatchedCode"/>, only in
    /// the blocks that name one of its words): elsewhere the rule costs one callback per block, not one per operation.
    /// The actions still report from the operation's own callback, so the IDE shows each diagnostic and its fix when it
    /// analyzes that line.
    /// </summary>
    public void RegisterOperationAction(Action<OperationContext> action, TreeGate gate, params OperationKind[] kinds)
    {
        var operationKinds = ImmutableArray.Create(kinds);
        if (gate.AdmitsEverything)
        {
            start.RegisterOperationAction(
                context =>
                {
                    if (RazorCode.ShouldAnalyze(context.Operation.Syntax.SyntaxTree, IsGeneratedCode(context)))
                    {
                        action(new OperationContext(context));
                    }
                },
                operationKinds);
            return;
        }

        // One delegate for every block: a block of an admitted tree registers it, and allocates nothing of its own.
        Action<OperationAnalysisContext> run = context => action(new OperationContext(context));
#pragma warning disable RS1012 // The block registers its operation action only in the trees the gate admits.
        start.RegisterOperationBlockStartAction(block =>
        {
            if (!block.OperationBlocks.IsEmpty
                && RazorCode.ShouldAnalyze(block.OperationBlocks[0].Syntax.SyntaxTree, IsGeneratedCode(block))
                && gate.AdmitsBlock(block.OperationBlocks, block.CancellationToken))
            {
                block.RegisterOperationAction(run, operationKinds);
            }
        });
#pragma warning restore RS1012
    }

    /// <summary>Runs <paramref name="action"/> once per analyzed tree that <paramref name="gate"/> admits.</summary>
    public void RegisterSemanticModelAction(Action<SemanticModelContext> action, TreeGate gate)
        => start.RegisterSemanticModelAction(context =>
        {
            if (Analyzes(context.SemanticModel.SyntaxTree, IsGeneratedCode(context), gate, context.CancellationToken))
            {
                action(new SemanticModelContext(context));
            }
        });

    /// <summary>Runs <paramref name="action"/> on every AdditionalFile (Razor files, shipped files, settings files).</summary>
    public void RegisterAdditionalFileAction(Action<AdditionalFileContext> action)
#if ROSLYN_3_7
        // Roslyn 3.7 has no additional-file actions: the files are read once the compilation is analyzed.
        => start.RegisterCompilationEndAction(context =>
        {
            foreach (var file in context.Options.AdditionalFiles)
            {
                action(new AdditionalFileContext(file, context.Options, context.ReportDiagnostic, context.CancellationToken));
            }
        });
#else
        => start.RegisterAdditionalFileAction(context => action(new AdditionalFileContext(context.AdditionalFile, context.Options, context.ReportDiagnostic, context.CancellationToken)));
#endif

#pragma warning disable RS1012 // These read the context; the actions are registered by the Register* methods above.
#if ROSLYN_3_7 || ROSLYN_4_3
    // These compilers do not tell an action whether its code is generated: the file's name, its <auto-generated>
    // header and the generated_code option decide, as the compiler itself decides.
    private bool IsGeneratedCode(OperationAnalysisContext context) => GeneratedCode.IsGenerated(context.Operation.Syntax.SyntaxTree, start.Options);

    private bool IsGeneratedCode(OperationBlockStartAnalysisContext context) => context.OperationBlocks.IsEmpty || GeneratedCode.IsGenerated(context.OperationBlocks[0].Syntax.SyntaxTree, start.Options);

    private bool IsGeneratedCode(SemanticModelAnalysisContext context) => GeneratedCode.IsGenerated(context.SemanticModel.SyntaxTree, start.Options);
#else
    private static bool IsGeneratedCode(OperationAnalysisContext context) => context.IsGeneratedCode;

    private static bool IsGeneratedCode(OperationBlockStartAnalysisContext context) => context.IsGeneratedCode;

    private static bool IsGeneratedCode(SemanticModelAnalysisContext context) => context.IsGeneratedCode;
#endif
#pragma warning restore RS1012

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

    /// <summary>The owner of the operation block being analyzed (the method, property accessor or field).</summary>
    public ISymbol ContainingSymbol => context.ContainingSymbol;

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
    private readonly Action<Diagnostic> report;

    public AdditionalFileContext(AdditionalText file, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        AdditionalFile = file;
        Options = options;
        this.report = report;
        CancellationToken = cancellationToken;
    }

    public AdditionalText AdditionalFile { get; }

    /// <summary>True for a <c>.razor</c> or <c>.cshtml</c> file: its C# is analyzed as generated code too, its markup only here.</summary>
    public bool IsRazorSource => RazorCode.IsRazorFile(AdditionalFile.Path);

    public AnalyzerOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public void Report(Diagnostic diagnostic) => report(diagnostic);
}
