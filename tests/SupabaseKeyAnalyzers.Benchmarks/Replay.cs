using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// The analyzers' own work, without the driver: their callbacks are recorded and then called on one thread, tree by
/// tree, over every operation of every body, on a compilation with new trees, and timed by that thread's CPU time. In
/// the driver (<see cref="BindingRatios"/>) a callback's time also holds what happens to the process while it runs:
/// the pauses the compiler's allocations cause, the compiler binding on the other core, the host taking the virtual
/// CPU away. A rule that works in its callbacks is exposed to those for longer than the floor, whose callbacks return
/// at once, and the per-run spread shows it. Here each pass measures the work alone, on the same corpora, against the
/// floor replayed the same way and the same binding. A pass reports the diagnostics the driver reports (the count is
/// printed, to compare with the driver's), so the replay does the rules' whole work. A third pass calls the package's
/// registrations with empty callbacks: the floor for the package's own number of callbacks (the empty analyzer
/// registers one per operation kind, the package's rules one each).
/// </summary>
public static class Replay
{
    /// <summary>Passes of the package and of the floor on 1,000 files; three on 4,000.</summary>
    public const int Passes = 9;

    /// <param name="only">One corpus: <c>1000</c>, <c>4000</c>, <c>worst</c> or <c>none</c>.</param>
    /// <param name="byAnalyzer">
    /// Also what each analyzer's callbacks took in the package's passes: wall time (a stopwatch around each callback,
    /// which adds its own cost to every figure) and allocated bytes, median per pass. Work the rules share (the key scan,
    /// the SDK model, the resolver's caches) is charged to whichever asks first.
    /// </param>
    /// <param name="passes">Passes of each on 1,000 files (<see cref="Passes"/> by default; a third of it on 4,000).</param>
    public static int Run(string? only, bool byAnalyzer = false, int passes = Passes)
    {
        var package = PackageAnalyzers.Create();
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        var options = CorpusCompilation.Options("build_property.UsingMicrosoftNETSdkBlazorWebAssembly", "true");

        // Warm up: every path of the rules compiled to its final tier before anything is timed.
        foreach (var shape in new[] { SupabaseShape.Everywhere, SupabaseShape.Realistic })
        {
            var warmUp = CorpusCompilation.Create(Corpus.Generate(300, shape));
            for (var i = 0; i < 5; i++)
            {
                Pass(warmUp, package, options, null);
                Pass(warmUp, floor, options, null);
            }
        }

        Console.WriteLine("| corpus | binding, one thread's CPU | binding, 2 cores, wall | package CPU, median (best–worst) | floor CPU | package's callbacks emptied, CPU | package / binding | (package − floor) / binding | (package − emptied) / binding | (package − floor) / 2-core binding | package wall less pauses | package allocated | floor allocated | emptied allocated | diagnostics |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, key, files, shape) in new[]
        {
            ("1,000 files, a client in 1 file of 50", "1000", 1000, SupabaseShape.Realistic),
            ("4,000 files, a client in 1 file of 50", "4000", 4000, SupabaseShape.Realistic),
            ("1,000 files, keys and misused clients in every file", "worst", 1000, SupabaseShape.Everywhere),
            ("1,000 files, no Supabase code", "none", 1000, SupabaseShape.None),
        })
        {
            if (only is not null && only != key)
            {
                continue;
            }

            var compilation = CorpusCompilation.Create(Corpus.Generate(files, shape));
            // The passes are timed by the thread's CPU time: so is the one-thread binding they are set against.
            var (_, binding, parallelBinding) = BindingRatios.Binding(3, compilation);
            var packagePasses = new List<PassTime>();
            var floorPasses = new List<PassTime>();
            var emptiedPasses = new List<PassTime>();
            var meters = byAnalyzer ? package.AddRange(floor).ToDictionary(a => a, _ => new List<(TimeSpan Wall, long Allocated)>()) : null;
            for (var i = 0; i < (files <= 1000 ? passes : Math.Max(1, passes / 3)); i++)
            {
                // Interleaved, so that the package and the floors see the same state of the process.
                var passMeters = meters?.Keys.ToDictionary(a => a, _ => new Meter());
                packagePasses.Add(Pass(compilation, package, options, passMeters));
                floorPasses.Add(Pass(compilation, floor, options, passMeters));
                emptiedPasses.Add(Pass(compilation, package, options, null, emptied: true));
                foreach (var (analyzer, meter) in passMeters ?? new())
                {
                    meters![analyzer].Add((Stopwatch.GetElapsedTime(0, meter.Ticks), meter.Allocated));
                }
            }

            foreach (var (analyzer, figures) in meters ?? new())
            {
                Console.WriteLine($"    {analyzer.GetType().Name}: wall {Spread(figures.Select(f => f.Wall))}, allocated {Median(figures.Select(f => f.Allocated)) / 1048576.0:F2} MB");
            }

            var packageCpu = Median(packagePasses.Select(p => p.Cpu));
            var floorCpu = Median(floorPasses.Select(p => p.Cpu));
            var emptiedCpu = Median(emptiedPasses.Select(p => p.Cpu));
            Console.WriteLine(
                $"| {name} | {binding.TotalMilliseconds:F0} ms | {parallelBinding.TotalMilliseconds:F0} ms | {Spread(packagePasses.Select(p => p.Cpu))} | {Spread(floorPasses.Select(p => p.Cpu))} | {Spread(emptiedPasses.Select(p => p.Cpu))} | {100 * packageCpu / binding:F2} % | {100 * (packageCpu - floorCpu) / binding:F2} % | {100 * (packageCpu - emptiedCpu) / binding:F2} % | {100 * (packageCpu - floorCpu) / parallelBinding:F2} % | {Spread(packagePasses.Select(p => p.Wall))} | {packagePasses[0].Allocated / 1048576.0:F1} MB | {floorPasses[0].Allocated / 1048576.0:F1} MB | {emptiedPasses[0].Allocated / 1048576.0:F1} MB | {packagePasses[0].Diagnostics} |");
        }

        return 0;
    }

    /// <summary>The wall time (stopwatch ticks) and bytes one analyzer's callbacks took.</summary>
    private sealed class Meter
    {
        public long Ticks { get; private set; }

        public long Allocated { get; private set; }

        public Action<T> Around<T>(Action<T> action) => context =>
        {
            var (started, allocated) = (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
            action(context);
            Ticks += Stopwatch.GetTimestamp() - started;
            Allocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
        };
    }

    private readonly record struct PassTime(TimeSpan Cpu, TimeSpan Wall, long Allocated, int Diagnostics);

    /// <summary>The calling thread's CPU time, wall time, collection pauses and allocated bytes between each Start and Stop, summed.</summary>
    private sealed class Timer
    {
        private (TimeSpan Cpu, long Wall, TimeSpan Paused, long Allocated) started;

        public TimeSpan Cpu { get; private set; }

        public TimeSpan Wall { get; private set; }

        public TimeSpan Paused { get; private set; }

        public long Allocated { get; private set; }

        public void Start() => started = (ThreadCpu(), Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration(), GC.GetAllocatedBytesForCurrentThread());

        public void Stop()
        {
            Wall += Stopwatch.GetElapsedTime(started.Wall);
            Cpu += ThreadCpu() - started.Cpu;
            Paused += GC.GetTotalPauseDuration() - started.Paused;
            Allocated += GC.GetAllocatedBytesForCurrentThread() - started.Allocated;
        }
    }

    /// <summary>
    /// One pass over a compilation with new trees (what the rules cache per tree is paid again, as in a build): the
    /// compilation-start and compilation actions, then for each tree, its semantic model and operation trees built with
    /// the clock stopped (as the driver builds them before it calls the rules), and, timed, its semantic-model actions
    /// and the operation actions on each of its operations. The time is the calling thread's CPU time (a collection's
    /// work runs on the collector's threads) and the wall time less the collections' pauses; the bytes are what the
    /// callbacks allocated, which is what the package adds to the collections of a build.
    /// </summary>
    // The contexts' public constructors are obsolete (the driver's own are internal): the replay stands in for the driver.
#pragma warning disable CS0618
    /// <param name="emptied">
    /// The analyzers' compilation-start actions run, and every operation and semantic-model action they register is
    /// called as an empty callback instead: the floor the package's own number of callbacks costs the replay.
    /// </param>
    private static PassTime Pass(CSharpCompilation corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, Dictionary<DiagnosticAnalyzer, Meter>? meters, bool emptied = false)
    {
        // Bound first, as the driver's compilation is when the rules run: what a rule asks of another file's declarations
        // is then the compiler's work done, not the rule's.
        var compilation = CorpusCompilation.WithFreshTrees(corpus);
        compilation.GetDiagnostics();
        var diagnostics = 0;
        Action<Diagnostic> report = _ => diagnostics++;
        Func<Diagnostic, bool> supported = _ => true;
        var operationActions = new Dictionary<OperationKind, List<Action<OperationAnalysisContext>>>();
        var modelActions = new List<Action<SemanticModelAnalysisContext>>();
        GC.Collect();
        var timer = new Timer();
        timer.Start();
        foreach (var analyzer in analyzers)
        {
            var context = new RecordingContext();
            analyzer.Initialize(context);
            var meter = meters?[analyzer];
            Action<T> Measured<T>(Action<T> action) => meter is null ? action : meter.Around(action);

            // What the replay calls for a registered action: the action (measured), or nothing in an emptied pass.
            Action<T> Replayed<T>(Action<T> action) => emptied ? _ => { } : Measured(action);

            foreach (var action in context.CompilationActions)
            {
                Measured(action)(new CompilationAnalysisContext(compilation, options, report, supported, CancellationToken.None));
            }

            foreach (var start in context.Starts)
            {
                var startContext = new RecordingStartContext(compilation, options);
                Measured(start)(startContext);
                foreach (var (kinds, action) in startContext.OperationActions)
                {
                    var replayed = Replayed(action);
                    foreach (var kind in kinds)
                    {
                        (operationActions.TryGetValue(kind, out var list) ? list : operationActions[kind] = new()).Add(replayed);
                    }
                }

                modelActions.AddRange(startContext.ModelActions.Select(action => Replayed(action)));
            }
        }

        timer.Stop();
        if (emptied)
        {
            // The compilation-start work is the package's own: only the callbacks' dispatch is the floor.
            timer = new Timer();
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var operations = OperationsOf(model);
            timer.Start();
            foreach (var action in modelActions)
            {
                action(new SemanticModelAnalysisContext(model, options, report, supported, CancellationToken.None));
            }

            foreach (var (operation, owner) in operations)
            {
                if (operationActions.TryGetValue(operation.Kind, out var actions))
                {
                    foreach (var action in actions)
                    {
                        action(new OperationAnalysisContext(operation, owner, compilation, options, report, supported, CancellationToken.None));
                    }
                }
            }

            timer.Stop();
        }

        return new PassTime(timer.Cpu, timer.Wall - timer.Paused, timer.Allocated, diagnostics);
    }
#pragma warning restore CS0618

    /// <summary>Every operation of every body and initializer in the model's tree, with the symbol that owns it.</summary>
    private static List<(IOperation Operation, ISymbol Owner)> OperationsOf(SemanticModel model)
    {
        var result = new List<(IOperation, ISymbol)>();
        foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            var isBlock = node switch
            {
                BlockSyntax or ArrowExpressionClauseSyntax => node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax,
                EqualsValueClauseSyntax => node.Parent is VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } or PropertyDeclarationSyntax,
                ConstructorInitializerSyntax => true,
                _ => false,
            };
            if (isBlock && model.GetOperation(node) is { } block && model.GetEnclosingSymbol(node.SpanStart) is { } owner)
            {
                result.AddRange(block.DescendantsAndSelf().Select(o => (o, owner)));
            }
        }

        return result;
    }

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Spread(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return $"{sorted[sorted.Count / 2].TotalMilliseconds:F1} ms ({sorted[0].TotalMilliseconds:F1}–{sorted[^1].TotalMilliseconds:F1})";
    }

    /// <summary>The calling thread's CPU time (Linux only).</summary>
    internal static TimeSpan ThreadCpu()
    {
        // Linux's CLOCK_THREAD_CPUTIME_ID: the calling thread's CPU time.
        if (!OperatingSystem.IsLinux() || clock_gettime(3, out var spec) != 0)
        {
            throw new PlatformNotSupportedException("The replay reads the thread's CPU time with Linux's clock_gettime.");
        }

        return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec spec);

    /// <summary>What an analyzer registers in <see cref="DiagnosticAnalyzer.Initialize"/>: the package's and the floor's kinds only.</summary>
    private sealed class RecordingContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> Starts { get; } = new();

        public List<Action<CompilationAnalysisContext>> CompilationActions { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Starts.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => CompilationActions.Add(action);

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unexpected();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unexpected();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unexpected();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unexpected();
    }

    /// <summary>What a compilation-start action registers: operation and semantic-model actions are replayed; additional files are not in the corpora.</summary>
    private sealed class RecordingStartContext(Compilation compilation, AnalyzerOptions options) : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public List<(ImmutableArray<OperationKind>, Action<OperationAnalysisContext>)> OperationActions { get; } = new();

        public List<Action<SemanticModelAnalysisContext>> ModelActions { get; } = new();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => OperationActions.Add((operationKinds, action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => ModelActions.Add(action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unexpected();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unexpected();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unexpected();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unexpected();
    }

    private static NotSupportedException Unexpected() => new("The replay knows the actions the package and the floor register; add this kind to it.");
}
