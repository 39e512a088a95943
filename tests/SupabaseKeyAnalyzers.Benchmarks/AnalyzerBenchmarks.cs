using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// The package's analyzers against (b) an empty analyzer registering the same callbacks and (c) the compiler alone,
/// on a generated corpus. Each iteration analyzes a fresh clone of the compilation, so no binding is cached.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class AnalyzerBenchmarks
{
    private CSharpCompilation compilation = null!;
    private AnalyzerOptions options = null!;
    private ImmutableArray<DiagnosticAnalyzer> package;
    private ImmutableArray<DiagnosticAnalyzer> floor;

    [Params(1000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        compilation = CorpusCompilation.Create(Corpus.Generate(Files, SupabaseShape.Realistic));
        options = CorpusCompilation.Options("build_property.UsingMicrosoftNETSdkBlazorWebAssembly", "true");
        package = Testing.PackageAnalyzers.Create();
        floor = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
    }

    /// <summary>(c) Binding and compiler diagnostics only.</summary>
    [Benchmark(Baseline = true)]
    public int Compile() => compilation.Clone().GetDiagnostics().Length;

    /// <summary>(b) The compiler plus an analyzer that does nothing in the same callbacks.</summary>
    [Benchmark]
    public async Task<int> EmptyAnalyzerFloor() => (await compilation.Clone().WithAnalyzers(floor, options).GetAllDiagnosticsAsync()).Length;

    /// <summary>(a) The compiler plus the package's analyzers.</summary>
    [Benchmark]
    public async Task<int> PackageAnalyzers() => (await compilation.Clone().WithAnalyzers(package, options).GetAllDiagnosticsAsync()).Length;
}
