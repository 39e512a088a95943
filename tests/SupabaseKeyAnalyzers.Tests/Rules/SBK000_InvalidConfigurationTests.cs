using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK000_InvalidConfigurationTests
{
    private static Task VerifyAsync(string[] globalConfig, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new SupabaseTest<InvalidConfigurationAnalyzer> { TestCode = "class App { }" };
        test.WithProject(ProjectSetup.Console.With(globalConfig));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Invalid(string value, string option, string where, string accepted)
        => new DiagnosticResult(RuleDescriptors.SBK000_InvalidConfiguration).WithArguments(value, option, where, accepted);

    [Fact]
    public Task Reports_an_unknown_project_kind_in_the_project_file()
        => VerifyAsync(
            new[] { "build_property.SupabaseProjectKind = desktop" },
            null,
            Invalid("desktop", "the SupabaseProjectKind MSBuild property", "the project file", "client, server, auto"));

    [Fact]
    public Task Reports_a_misspelt_project_kind_in_globalconfig_and_in_editorconfig_once_each()
        => Task.WhenAll(
            VerifyAsync(
                new[] { "supabase_key_analyzers.project_kind = clinet" },
                null,
                Invalid("clinet", "supabase_key_analyzers.project_kind", ".globalconfig", "client, server, auto")),
            VerifyAsync(
                Array.Empty<string>(),
                "supabase_key_analyzers.project_kind = sever",
                Invalid("sever", "supabase_key_analyzers.project_kind", ".editorconfig, for Test0.cs and maybe other files", "client, server, auto")));

    [Fact]
    public Task Reports_every_other_option_the_package_reads()
        => VerifyAsync(
            new[] { "supabase_key_analyzers.analyze_test_projects = yes", "build_property.SupabaseKeyAnalyzersScanShippedFiles = off" },
            null,
            Invalid("yes", "supabase_key_analyzers.analyze_test_projects", ".globalconfig", "true, false"),
            Invalid("off", "the SupabaseKeyAnalyzersScanShippedFiles MSBuild property", "the project file", "true, false"));

    [Fact]
    public Task Reports_an_unknown_analysis_mode()
        => VerifyAsync(
            new[] { "build_property.SupabaseKeyAnalysisMode = Fast" },
            null,
            Invalid("Fast", "the SupabaseKeyAnalysisMode MSBuild property", "the project file", "Default, Migration, Strict, None"));

    [Fact]
    public Task Accepts_valid_values_in_any_case_and_unset_properties()
        => VerifyAsync(
            new[] { "build_property.SupabaseProjectKind = ", "build_property.SupabaseKeyAnalysisMode = migration", "supabase_key_analyzers.project_kind = Auto", "supabase_key_analyzers.analyze_test_projects = TRUE", "build_property.SupabaseKeyAnalyzersScanShippedFiles = false" },
            "supabase_key_analyzers.project_kind = client");

    [Fact]
    public async Task An_invalid_project_kind_is_ignored_and_the_detection_decides()
    {
        // desktop is not a kind: the Blazor WebAssembly properties still make this a client project (SBK001, not SBK004).
        var test = new SupabaseTest<SecretKeyLeakAnalyzer>
        {
            TestCode = $$"""
                class Config
                {
                    public const string Key = {|SBK001:"{{TestKeys.Secret}}"|};
                }
                """,
        };
        test.WithProject(ProjectSetup.BlazorWebAssembly.WithProperty("SupabaseProjectKind", "desktop"));
        await test.RunAsync();
    }

    [Fact]
    public Task Reports_an_invalid_SQL_switch_and_a_SupabaseDirectory_that_does_not_exist()
        => VerifyAsync(
            new[] { "build_property.SupabaseKeyAnalyzersScanSql = no", "build_property.SupabaseKeyAnalyzersMissingSupabaseDirectory = ../db" },
            null,
            Invalid("no", "the SupabaseKeyAnalyzersScanSql MSBuild property", "the project file", "true, false"),
            Invalid("../db", "the SupabaseDirectory MSBuild property (the folder does not exist)", "the project file", "a folder that exists: the Supabase CLI's supabase/ folder, relative to the project"));
}
