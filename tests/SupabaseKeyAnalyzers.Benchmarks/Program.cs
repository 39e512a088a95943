using BenchmarkDotNet.Running;
using SupabaseKeyAnalyzers.Benchmarks;

// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks                   BenchmarkDotNet: analyzers vs floor vs compile
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- report-analyzer  dotnet build -p:ReportAnalyzer=true on a generated project
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- quick            each analyzer alone against the floor (a quick look)
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- ratios           analyzer time vs binding, floor and Sonar's S6418 (the README's figures)
// dotnet run -c Release --project tests/SupabaseKeyAnalyzers.Benchmarks -- ratios --no-sonar the same without S6418 (a few minutes instead of about twenty)
if (args.Length > 0 && args[0] == "ratios")
{
    return await BindingRatios.Run(withSonar: !args.Contains("--no-sonar"));
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
