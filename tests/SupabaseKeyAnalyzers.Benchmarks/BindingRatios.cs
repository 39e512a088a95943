using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// The package's analyzers against the compiler's binding time, as in a build or an IDE where the compilation is
/// already bound: binding is <c>GetDiagnostics()</c> on a fresh clone (best of three); an analyzer set's cost is the
/// sum of its analyzers' <c>ExecutionTime</c> telemetry after the clone was bound (sequential analysis), each
/// analyzer's best of five. The same for an empty analyzer registering the same callbacks (the floor) and for Sonar's
/// S6418 hard-coded-secret rule, on the default runtime settings (tiered compilation on, as in a build).
/// </summary>
public static class BindingRatios
{
    private const int Runs = 3;

    /// <summary>Analyzer runs: each analyzer's best of five (a GC pause lands in whichever callback runs when it happens).</summary>
    private const int AnalyzerRuns = 5;

    /// <param name="withSonar">False for a quick look while working on the analyzers (S6418 takes most of the run).</param>
    public static async Task<int> Run(bool withSonar)
    {
        var package = PackageAnalyzers.Create();
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        var sonar = withSonar ? LoadSonarS6418() : ImmutableArray<DiagnosticAnalyzer>.Empty;
        var options = CorpusCompilation.Options("build_property.UsingMicrosoftNETSdkWeb", "true");

        Console.WriteLine("| corpus | binding | package | package / binding | floor / binding | S6418 / binding | package / S6418 |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var details = new List<string>();
        foreach (var (name, files, supabaseEvery) in new[] { ("1,000 files, no key", 1000, 0), ("4,000 files, no key", 4000, 0), ("1,000 files, keys and clients in every file", 1000, 1) })
        {
            var compilation = CorpusCompilation.Create(Corpus.Generate(files, supabaseEvery));
            var sonarCompilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItem("S6418", ReportDiagnostic.Warn)));
            var binding = Best(Runs, () => compilation.Clone().GetDiagnostics());
            var (packageTime, perAnalyzer) = await AnalyzerTimeAsync(compilation, package, options);
            var (floorTime, _) = await AnalyzerTimeAsync(compilation, floor, options);
            var (sonarTime, _) = withSonar ? await AnalyzerTimeAsync(sonarCompilation, sonar, options) : (TimeSpan.Zero, "");
            Console.WriteLine(
                $"| {name} | {Ms(binding)} | {Ms(packageTime)} | {Percent(packageTime, binding)} | {Percent(floorTime, binding)} | {(withSonar ? Percent(sonarTime, binding) : "-")} | {(withSonar ? $"{packageTime / sonarTime:F2}x" : "-")} |");
            details.Add($"{name}: {perAnalyzer}");
        }

        Console.WriteLine();
        details.ForEach(Console.WriteLine);

        return 0;
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";

    private static string Percent(TimeSpan part, TimeSpan whole) => $"{100 * part / whole:F2} %";

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

    /// <summary>The sum of each analyzer's best time over <see cref="AnalyzerRuns"/> runs, and those times.</summary>
    private static async Task<(TimeSpan Total, string PerAnalyzer)> AnalyzerTimeAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        var best = analyzers.ToDictionary(a => a, _ => TimeSpan.MaxValue);
        for (var i = 0; i < AnalyzerRuns; i++)
        {
            GC.Collect();
            var cwa = compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            cwa.Compilation.GetDiagnostics();
            await cwa.GetAnalyzerDiagnosticsAsync();
            foreach (var analyzer in analyzers)
            {
                var time = (await cwa.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
                best[analyzer] = time < best[analyzer] ? time : best[analyzer];
            }
        }

        var total = best.Values.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);
        return (total, string.Join(", ", analyzers.Select(a => $"{a.GetType().Name} {Ms(best[a])}")));
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
