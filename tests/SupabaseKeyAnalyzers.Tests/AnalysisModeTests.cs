using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>The .globalconfig presets the package ships for &lt;SupabaseKeyAnalysisMode&gt;, checked against the registry.</summary>
public class AnalysisModeTests
{
    private static Dictionary<string, string> Severities(string mode)
    {
        var path = Path.Combine(DotnetCli.RepositoryRoot, "src", "SupabaseKeyAnalyzers.Package", "build", "config", $"SupabaseKeyAnalyzers.{mode}.globalconfig");
        var lines = File.ReadAllLines(path);
        Assert.Contains("is_global = true", lines);
        Assert.Contains("global_level = -50", lines);
        return lines.Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .Select(l => l.Split('='))
            .ToDictionary(p => p[0].Trim()["dotnet_diagnostic.".Length..^".severity".Length], p => p[1].Trim());
    }

    [Theory]
    [InlineData("Strict", "error")]
    [InlineData("None", "none")]
    public void Strict_and_None_set_every_rule(string mode, string severity)
        => Assert.Equal(
            AnalyzerContractTests.Registry.Select(d => (d.Id, severity)).Order(),
            Severities(mode).Select(kv => (kv.Key, kv.Value)).Order());

    [Fact]
    public void Migration_raises_the_legacy_key_inventory_and_the_shared_JWT_secret_to_warnings_and_nothing_else()
        => Assert.Equal(new Dictionary<string, string> { ["SBK007"] = "warning", ["SBK010"] = "warning" }, Severities("Migration"));
}
