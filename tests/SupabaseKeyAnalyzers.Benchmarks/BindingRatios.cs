using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// The package's analyzers as a user's build and IDE see them, on corpora shaped like real projects (see
/// <see cref="SupabaseShape"/>) in a Blazor WebAssembly compilation that references the Supabase packages, and code
/// that never uses them (what the cost issue asks of every rule: the floor's cost on such code). The
/// process is warmed up and each compilation bound first, as in a build server or an IDE: binding is
/// <c>GetDiagnostics()</c> on a fresh clone (best of three), on one thread
/// (<see cref="Binding"/>; the 2-core binding of earlier tables is printed beside); an analyzer set's cost is the sum of its analyzers'
/// <c>ExecutionTime</c> telemetry after the copy was bound (sequential analysis), each analyzer's best of seven (three
/// on 4,000 files). Each analysis run gets new syntax trees (<see cref="CorpusCompilation.WithFreshTrees"/>), so what the
/// rules cache per tree is paid in every run, as in a build. Baselines measured in the same run: an empty analyzer
/// registering the same callbacks (the floor), right after the package on each corpus and also in the package's own
/// passes (so that each rule is set against a floor paid under the same collections), and Sonar's S6418
/// hard-coded-secret rule, once the package and the floor are measured on every corpus. Then the IDE's view: the
/// semantic analysis of one document (<c>GetAnalyzerSemanticDiagnosticsAsync(model, …)</c>) in a 2,000-file
/// compilation, median over documents, package against floor.
/// </summary>
public static class BindingRatios
{
    private const int Runs = 3;

    /// <summary>Analyzer runs on 1,000 files: each analyzer's best of seven (a GC pause lands in whichever callback runs when it happens); best of three on 4,000.</summary>
    private const int AnalyzerRuns = 7;

    /// <summary>The options a Blazor WebAssembly project passes (a client project: every rule is on).</summary>
    private static AnalyzerOptions ClientOptions => CorpusCompilation.Options("build_property.UsingMicrosoftNETSdkBlazorWebAssembly", "true");

    /// <param name="withSonar">False for a quick look while working on the analyzers (S6418 takes most of the run).</param>
    /// <param name="only">One corpus: <c>1000</c>, <c>4000</c>, <c>worst</c> or <c>none</c>.</param>
    /// <param name="reversed">
    /// The package's analyzers in reverse order. The driver runs them in the order given, and the work they share (the
    /// per-file cache entry, the shared text searches, the SDK model, the registration index) is paid by whichever asks
    /// first: reversing the order shows which part of a rule's figure is shared work.
    /// </param>
    public static async Task<int> Run(bool withSonar, string? only = null, bool reversed = false)
    {
        var package = reversed ? PackageAnalyzers.Create().Reverse().ToImmutableArray() : PackageAnalyzers.Create();
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        var sonar = withSonar ? LoadSonarS6418() : ImmutableArray<DiagnosticAnalyzer>.Empty;

        // Warm up first, as a build server or an IDE is: binding, the driver and the rules are compiled to their final
        // tier before anything is timed (the first corpus bound in a fresh process took up to 40 % longer than later ones).
        // Both shapes: the realistic files take paths the worst case does not (configuration, dependency injection), 10
        // files of them in 500, each path taken 30 times over three runs: what the runtime asks before it optimizes a method.
        foreach (var (shape, files) in new[] { (SupabaseShape.Everywhere, 200), (SupabaseShape.Realistic, 500) })
        {
            var warmUp = CorpusCompilation.Create(Corpus.Generate(files, shape));
            Best(Runs, () => warmUp.Clone().GetDiagnostics());
            await AnalyzerTimeAsync(warmUp, package, Runs);
            await AnalyzerTimeAsync(warmUp, floor, Runs);
        }

        // The package and the floor are measured on every corpus first, S6418 last on the same corpora generated again:
        // S6418's long runs leave the process's heap larger, and the worst case would pay for that in its GC pauses.
        var rows = new List<(string Name, int Files, SupabaseShape Shape, TimeSpan Binding, TimeSpan ParallelBinding, TimeSpan Package, TimeSpan Floor)>();
        var details = new List<string>();
        foreach (var (name, files, shape) in new[]
        {
            ("1,000 files, a client in 1 file of 50", 1000, SupabaseShape.Realistic),
            ("4,000 files, a client in 1 file of 50", 4000, SupabaseShape.Realistic),
            ("1,000 files, keys and misused clients in every file", 1000, SupabaseShape.Everywhere),
            ("1,000 files, no Supabase code", 1000, SupabaseShape.None),
        })
        {
            var key = shape switch
            {
                SupabaseShape.Everywhere => "worst",
                SupabaseShape.None => "none",
                _ => files.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (only is not null && only != key)
            {
                continue;
            }

            var compilation = CorpusCompilation.Create(Corpus.Generate(files, shape));
            // Sequential analysis is timed by wall clock: so is the one-thread binding it is set against.
            var (binding, _, parallelBinding) = Binding(Runs, compilation);
            var runs = files <= 1000 ? AnalyzerRuns : 3;
            var (packageTime, perAnalyzer, diagnostics) = await AnalyzerTimeAsync(compilation, package, runs, floorInPass: true);
            var (floorTime, floorAlone, _) = await AnalyzerTimeAsync(compilation, floor, runs);
            rows.Add((name, files, shape, binding, parallelBinding, packageTime, floorTime));
            details.Add($"{name}: {diagnostics} diagnostics; {floorAlone} (alone); {perAnalyzer}");
            Console.Error.WriteLine(details[^1]);
        }

        Console.WriteLine("| corpus | binding, one thread | binding, 2 cores | package | package / binding | floor / binding | package / floor | S6418 / binding | package / S6418 | package / 2-core binding |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, files, shape, binding, parallelBinding, packageTime, floorTime) in rows)
        {
            var sonarTime = TimeSpan.Zero;
            if (withSonar)
            {
                // S6418 on 4,000 files takes over ten minutes a run on a 2-core machine: one run there, seven on 1,000 files.
                var compilation = CorpusCompilation.Create(Corpus.Generate(files, shape));
                var sonarCompilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItem("S6418", ReportDiagnostic.Warn)));
                (sonarTime, _, _) = await AnalyzerTimeAsync(sonarCompilation, sonar, files <= 1000 ? AnalyzerRuns : 1);
            }

            Console.WriteLine(
                $"| {name} | {Ms(binding)} | {Ms(parallelBinding)} | {Ms(packageTime)} | {Percent(packageTime, binding)} | {Percent(floorTime, binding)} | {packageTime / floorTime:F2}x | {(sonarTime > TimeSpan.Zero ? Percent(sonarTime, binding) : "-")} | {(sonarTime > TimeSpan.Zero ? $"{packageTime / sonarTime:F2}x" : "-")} | {Percent(packageTime, parallelBinding)} |");
        }

        Console.WriteLine();
        details.ForEach(Console.WriteLine);
        if (only is null)
        {
            Console.WriteLine();
            await PerDocumentAsync(2000, package, floor);
        }

        return 0;
    }

    /// <summary>
    /// Editing one file in the IDE: the semantic analysis of that document in a bound 2,000-file compilation, for every
    /// tenth document (the Supabase files among them), median and 90th percentile, package against floor.
    /// </summary>
    private static async Task PerDocumentAsync(int files, ImmutableArray<DiagnosticAnalyzer> package, ImmutableArray<DiagnosticAnalyzer> floor)
    {
        var compilation = CorpusCompilation.Create(Corpus.Generate(files, SupabaseShape.Realistic));
        var trees = compilation.SyntaxTrees.Where((_, i) => i % 10 == 1).ToList();
        var results = new List<string>();
        foreach (var (name, analyzers) in new[] { ("floor", floor), ("package", package) })
        {
            var cwa = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(ClientOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            cwa.Compilation.GetDiagnostics();

            // The first document pays the compilation-start actions, as the first edit of a session does: reported apart.
            var first = cwa.Compilation.GetSemanticModel(cwa.Compilation.SyntaxTrees.First());
            var firstTime = Stopwatch.StartNew();
            await cwa.GetAnalyzerSemanticDiagnosticsAsync(first, null, CancellationToken.None);
            firstTime.Stop();

            var times = new List<double>();
            foreach (var tree in trees)
            {
                var model = cwa.Compilation.GetSemanticModel(cwa.Compilation.SyntaxTrees.First(t => t.FilePath == tree.FilePath));
                var watch = Stopwatch.StartNew();
                await cwa.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            results.Add($"{name}: median {times[times.Count / 2]:F2} ms, 90th percentile {times[times.Count * 9 / 10]:F2} ms over {times.Count} documents (first document {firstTime.Elapsed.TotalMilliseconds:F0} ms)");
        }

        Console.WriteLine($"One document's semantic analysis in a {files:N0}-file compilation (a client in 1 file of 50):");
        results.ForEach(r => Console.WriteLine("  " + r));
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";

    private static string Percent(TimeSpan part, TimeSpan whole) => $"{100 * part / whole:F2} %";

    /// <summary>
    /// Binding, best of <paramref name="runs"/> each: on one thread (<c>concurrentBuild: false</c>), its wall time and
    /// the thread's CPU time, and on every core, its wall time. The analyzers are measured on one thread (the driver's
    /// sequential analysis, the replay's one thread), so one-thread binding is the like-for-like denominator: binding on
    /// every core takes a little over half as long on a 2-core machine, and a share of it overstates a share of the
    /// compiler's work. The tables print it beside, as earlier tables used it.
    /// </summary>
    public static (TimeSpan OneThreadWall, TimeSpan OneThreadCpu, TimeSpan AllCores) Binding(int runs, CSharpCompilation compilation)
    {
        var sequential = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
        var best = (Wall: TimeSpan.MaxValue, Cpu: TimeSpan.MaxValue);
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var cpu = Replay.ThreadCpu();
            var watch = Stopwatch.StartNew();
            sequential.Clone().GetDiagnostics();
            var wall = watch.Elapsed;
            cpu = Replay.ThreadCpu() - cpu;
            best = (wall < best.Wall ? wall : best.Wall, cpu < best.Cpu ? cpu : best.Cpu);
        }

        return (best.Wall, best.Cpu, Best(runs, () => compilation.Clone().GetDiagnostics()));
    }

    /// <summary>The best wall-clock time of <paramref name="runs"/> runs of <paramref name="action"/>, each after a full collection.</summary>
    public static TimeSpan Best(int runs, Func<object> action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    /// <summary>
    /// The sum of each analyzer's best time over <paramref name="runs"/> runs, those times, and how many diagnostics the
    /// set reported. With <paramref name="floorInPass"/>, an empty analyzer runs in the same passes, after the set (not
    /// counted in its total): each rule's figure then has beside it the floor's, paid under the same collections and the
    /// same state of the caches. Per analyzer: the best run, and the median and worst runs, which show the spread; for the
    /// set, the best, median and worst of its per-run totals.
    /// </summary>
    private static async Task<(TimeSpan Total, string PerAnalyzer, int Diagnostics)> AnalyzerTimeAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, int runs, bool floorInPass = false)
    {
        var inPassFloor = floorInPass ? new EmptyAnalyzer() : null;
        var measured = inPassFloor is null ? analyzers : analyzers.Add(inPassFloor);
        var times = measured.ToDictionary(a => a, _ => new List<TimeSpan>());
        var runTotals = new List<TimeSpan>();
        var diagnostics = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var cwa = CorpusCompilation.WithFreshTrees(compilation).WithAnalyzers(measured, new CompilationWithAnalyzersOptions(ClientOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            cwa.Compilation.GetDiagnostics();
            diagnostics = (await cwa.GetAnalyzerDiagnosticsAsync()).Count(d => d.Id != EmptyAnalyzer.Id);
            var runTotal = TimeSpan.Zero;
            foreach (var analyzer in measured)
            {
                var time = (await cwa.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
                times[analyzer].Add(time);
                runTotal += analyzer == inPassFloor ? TimeSpan.Zero : time;
            }

            runTotals.Add(runTotal);
        }

        foreach (var list in times.Values)
        {
            list.Sort();
        }

        var total = analyzers.Aggregate(TimeSpan.Zero, (sum, analyzer) => sum + times[analyzer][0]);
        var perAnalyzer = string.Join(", ", measured.Select(a => $"{(a == inPassFloor ? "floor in the same pass" : a.GetType().Name)} {Spread(times[a])}"));
        if (runs > 1 && analyzers.Length > 1)
        {
            // The total of each run as it happened, beside the sum of each analyzer's best (which no single run reaches).
            runTotals.Sort();
            perAnalyzer = $"the set's total per run {Spread(runTotals)}; " + perAnalyzer;
        }

        return (total, perAnalyzer, diagnostics);
    }

    /// <summary>The best of sorted <paramref name="times"/>, with the median and worst when there is more than one.</summary>
    private static string Spread(List<TimeSpan> times)
    {
        var best = $"{times[0].TotalMilliseconds:F1} ms";
        return times.Count > 1 ? best + $" (median {times[times.Count / 2].TotalMilliseconds:F1}, worst {times[^1].TotalMilliseconds:F1})" : best;
    }

    /// <summary>The analyzers of SonarAnalyzer.CSharp that implement S6418, loaded from the package the benchmark restores.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> LoadSonarS6418()
    {
        var folder = typeof(BindingRatios).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SonarAnalyzersFolder").Value!;
        var reference = new AnalyzerFileReference(Path.Combine(folder, "SonarAnalyzer.CSharp.dll"), new Loader());
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp).Where(a => a.SupportedDiagnostics.Any(d => d.Id == "S6418")).ToImmutableArray();
        return analyzers.IsEmpty ? throw new InvalidOperationException("No analyzer for S6418 in " + folder) : analyzers;
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
