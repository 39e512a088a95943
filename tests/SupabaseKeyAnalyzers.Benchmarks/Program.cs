using System.Collections.Immutable;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Benchmarks;

// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks                   BenchmarkDotNet: analyzers vs floor vs compile
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- report-analyzer  dotnet build -p:ReportAnalyzer=true on a generated project
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- quick            each analyzer alone against the floor (a quick look)
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- ratios           analyzer time vs binding, floor and Sonar's S6418 (the README's figures)
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- ratios --no-sonar the same without S6418 (a few minutes instead of about twenty)
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- ratios --no-sonar --only 1000   one corpus: 1000, 4000 (realistic), worst, or none (no Supabase code)
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- ratios --no-sonar --reversed     the package's analyzers in reverse order (who pays the shared work)
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- profile <Analyzer|package|EmptyAnalyzer> [--worst|--none] [--files N] [--runs N] [--alloc] [--no-gc]   for a profiler; --alloc sums allocations by type, --no-gc runs each pass without collections
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- replay [--only …] [--by-analyzer] [--passes N]  the analyzers' own work: their callbacks replayed on one thread, timed by its CPU time, against the floor, the package's registrations emptied, and binding
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- gates            what a name gate costs per operation, outside the driver
if (args.Length > 0 && args[0] == "ratios")
{
    return await BindingRatios.Run(withSonar: !args.Contains("--no-sonar"), only: ValueOf("--only"), reversed: args.Contains("--reversed"));
}

if (args.Length > 0 && args[0] == "replay")
{
    return Replay.Run(ValueOf("--only"), byAnalyzer: args.Contains("--by-analyzer"), passes: CountOf("--passes", Replay.Passes));
}

if (args.Length > 0 && args[0] == "profile")
{
    // For a CPU profiler (dotnet-trace collect -- …): one analyzer, repeatedly, on the realistic 1,000-file corpus
    // (--files N for another size; the worst case with --worst, no Supabase code with --none); "package" for all of them. Five runs, or --runs N. Each run prints the
    // collections, pauses, allocations and process CPU time during analysis (GC pauses land in whichever callback is
    // running; the CPU time includes the driver's concurrent binding on the other cores).
    var files = CountOf("--files", 1000);
    var shape = args.Contains("--worst") ? SupabaseShape.Everywhere : args.Contains("--none") ? SupabaseShape.None : SupabaseShape.Realistic;
    var compilation = CorpusCompilation.Create(Corpus.Generate(files, shape));
    var options = CorpusCompilation.Options("build_property.UsingMicrosoftNETSdkBlazorWebAssembly", "true");
    if (args[1] == "scan")
    {
        var scan = System.Diagnostics.Stopwatch.StartNew();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SupabaseKeyAnalyzers.Internals.TreeText.MayName(tree, "SessionHandler", CancellationToken.None);
        }

        Console.WriteLine($"identifier scan of {compilation.SyntaxTrees.Count()} trees: {scan.ElapsedMilliseconds} ms");
        return 0;
    }

    // "package": every analyzer of the package together (they share the compilation's caches, as in a build).
    var analyzers = args[1] switch
    {
        nameof(EmptyAnalyzer) => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer()),
        "package" => SupabaseKeyAnalyzers.Testing.PackageAnalyzers.Create(),
        _ => SupabaseKeyAnalyzers.Testing.PackageAnalyzers.Create().Where(a => a.GetType().Name == args[1]).ToImmutableArray(),
    };
    if (analyzers.IsEmpty)
    {
        throw new ArgumentException($"No analyzer named {args[1]}: give an analyzer's class name, {nameof(EmptyAnalyzer)} or package.");
    }

    // Warm up on a small corpus first, so that the profile shows the rules' work rather than their compilation by the JIT.
    var warmUp = CorpusCompilation.Create(Corpus.Generate(100, SupabaseShape.Everywhere));
    var analysisOptions = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
    await CorpusCompilation.WithFreshTrees(warmUp).WithAnalyzers(analyzers, analysisOptions).GetAnalyzerDiagnosticsAsync();
    using var allocations = args.Contains("--alloc") ? new AllocationSampler() : null;
    var runs = CountOf("--runs", 5);
    for (var i = 0; i < runs; i++)
    {
        var cwa = CorpusCompilation.WithFreshTrees(compilation).WithAnalyzers(analyzers, analysisOptions);
        cwa.Compilation.GetDiagnostics();
        var (gen0, gen1, gen2, paused, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
        allocations?.PrintAndReset(print: false);
        var noCollections = args.Contains("--no-gc") ? NoCollections.Start(files * 8L << 20) : null;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await cwa.GetAnalyzerDiagnosticsAsync();
        cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        noCollections?.Dispose();
        var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} collections (gen 0/1/2), {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms paused, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576} MB allocated";
        var total = 0.0;
        foreach (var analyzer in analyzers)
        {
            total += (await cwa.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        }

        allocations?.PrintAndReset();
        Console.WriteLine($"run {i}: analysis {watch.ElapsedMilliseconds} ms wall ({cpu.TotalMilliseconds:F0} ms of CPU), {total:F1} ms in the analyzers' callbacks; {collections}");
    }

    return 0;
}

if (args.Length > 0 && args[0] == "gates")
{
    // What a gate costs per operation, apart from the driver: every invocation and simple assignment of the corpus with
    // no Supabase code, each gate asked about each of them many times over.
    var gateCompilation = CorpusCompilation.Create(Corpus.Generate(1000, SupabaseShape.None));
    var operations = new List<Microsoft.CodeAnalysis.IOperation>();
    foreach (var tree in gateCompilation.SyntaxTrees)
    {
        var model = gateCompilation.GetSemanticModel(tree);
        foreach (var body in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax>().Where(b => b.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax))
        {
            operations.AddRange(Microsoft.CodeAnalysis.Operations.OperationExtensions.DescendantsAndSelf(model.GetOperation(body)!).Where(o => o.Kind is Microsoft.CodeAnalysis.OperationKind.Invocation or Microsoft.CodeAnalysis.OperationKind.SimpleAssignment));
        }
    }

    // Beside the gates: touching nothing (the floor's callback), reading the operation's own fields, reading its syntax.
    var gates = new (string Name, Func<Microsoft.CodeAnalysis.IOperation, bool> Admits)[]
    {
        ("nothing", _ => true),
        ("Everywhere", SupabaseKeyAnalyzers.Internals.NameGate.Everywhere.Admits),
        ("the operation's target, not its name", o => o is Microsoft.CodeAnalysis.Operations.IInvocationOperation i ? i.TargetMethod is null : o is Microsoft.CodeAnalysis.Operations.IAssignmentOperation a && a.Target is null),
        ("the operation's syntax kind", o => o.Syntax.RawKind == 0),
        ("SBK009's gate", SupabaseKeyAnalyzers.Rules.FunctionsCallSendsNewKeyAsBearerAnalyzer.Gate.Admits),
        ("SBK005's call gate", SupabaseKeyAnalyzers.Rules.UserTokenOnSecretKeyClientAnalyzer.CallGate.Admits),
    };
    for (var round = 0; round < 3; round++)
    {
        foreach (var (name, admits) in gates)
        {
            var admitted = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                foreach (var operation in operations)
                {
                    admitted += admits(operation) ? 1 : 0;
                }
            }

            Console.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds * 1e6 / (20.0 * operations.Count):F1} ns per operation ({operations.Count} operations, {admitted / 20} admitted)");
        }
    }

    return 0;
}

if (args.Length > 0 && args[0] == "quick")
{
    return QuickComparison.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500, runs: 3);
}

if (args.Length > 0 && args[0] == "report-analyzer")
{
    return ReportAnalyzer.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
}

BenchmarkSwitcher.FromAssembly(typeof(AnalyzerBenchmarks).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args);

return 0;
// The value after an option (--only worst, --files 4000), or null when the option is not given.
string? ValueOf(string option) => Array.IndexOf(args, option) is > 0 and var at ? args[at + 1] : null;

// The number after an option (--runs 10), or the fallback when the option is not given.
int CountOf(string option, int fallback) => ValueOf(option) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
