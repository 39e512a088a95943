using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer (and code fix) test on .NET 10 with the Supabase stubs referenced, nullable enabled, and the
/// MSBuild properties a project kind really produces supplied as <c>build_property.*</c> in a test .globalconfig.
/// Fixed code is compiled: any compiler error in it fails the test.
/// </summary>
public class SupabaseTest<TAnalyzer, TFixer> : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    private readonly List<string> globalConfig = new();

    public SupabaseTest()
    {
        ReferenceAssemblies = TestReferences.Net10;
        TestState.AdditionalReferences.AddRange(TestReferences.Supabase);
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var compilationOptions = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable);
            var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithPreprocessorSymbols(PreprocessorSymbols);
            solution = solution.WithProjectCompilationOptions(projectId, compilationOptions).WithProjectParseOptions(projectId, parseOptions);
            return AssemblyName is null ? solution : solution.WithProjectAssemblyName(projectId, AssemblyName);
        });
    }

    /// <summary>Symbols such as <c>UNITY_5_3_OR_NEWER</c> or <c>ANDROID</c>.</summary>
    public List<string> PreprocessorSymbols { get; } = new();

    public string? AssemblyName { get; set; }

    /// <summary>Adds <c>build_property.Name = Value</c> lines, as MSBuild writes them for a project kind.</summary>
    public SupabaseTest<TAnalyzer, TFixer> WithProject(ProjectSetup setup)
    {
        foreach (var (name, value) in setup.Properties)
        {
            globalConfig.Add($"build_property.{name} = {value}");
        }

        foreach (var line in setup.Options)
        {
            globalConfig.Add(line);
        }

        foreach (var reference in setup.AssemblyReferences)
        {
            TestState.AdditionalReferences.Add(TestReferences.EmptyAssembly(reference));
        }

        PreprocessorSymbols.AddRange(setup.Symbols);
        return this;
    }

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (globalConfig.Count > 0)
        {
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", globalConfig) + "\n"));
        }

        return base.RunImplAsync(cancellationToken);
    }
}

/// <summary>An analyzer-only test.</summary>
public class SupabaseTest<TAnalyzer> : SupabaseTest<TAnalyzer, EmptyCodeFixProvider>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
}
