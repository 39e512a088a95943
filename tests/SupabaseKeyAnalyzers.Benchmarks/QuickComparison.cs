using SupabaseKeyAnalyzers.Testing;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// A quick look for developers (not the reported figures): each analyzer alone against the floor, best of a few runs.
/// </summary>
public static class QuickComparison
{
    public static int Run(int files, int runs)
    {
        var compilation = CorpusCompilation.Create(Corpus.Generate(files, SupabaseShape.Realistic));
        var options = CorpusCompilation.Options("build_property.UsingMicrosoftNETSdkBlazorWebAssembly", "true");
        var analyzers = PackageAnalyzers.Create().ToList();

        var configurations = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)> { ("floor (empty analyzer)", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer())) };
        configurations.AddRange(analyzers.Select(a => (a.GetType().Name, ImmutableArray.Create(a))));
        configurations.Add(("all analyzers", analyzers.ToImmutableArray()));

        var compile = BindingRatios.Best(runs, () => compilation.Clone().GetDiagnostics());
        Console.WriteLine($"compile only: {compile.TotalMilliseconds:F0} ms");
        foreach (var (name, set) in configurations)
        {
            var time = BindingRatios.Best(runs, () => compilation.Clone().WithAnalyzers(set, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult());
            Console.WriteLine($"{name}: {time.TotalMilliseconds:F0} ms ({time / compile:F2}x compile)");
        }

        return 0;
    }
}
