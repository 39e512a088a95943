using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

/// <summary>Short forms for the common test shapes.</summary>
public static class Verify<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    /// <summary>Diagnostics come from the <c>{|ID:…|}</c> markup in <paramref name="source"/>.</summary>
    public static Task AnalyzerAsync([StringSyntax("C#-test")] string source, ProjectSetup? project = null, params DiagnosticResult[] expected)
    {
        var test = new SupabaseTest<TAnalyzer, TFixer> { TestCode = source };
        if (project is not null)
        {
            test.WithProject(project);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks the diagnostics in <paramref name="source"/>, the fixed code (which must compile) and Fix All.</summary>
    public static async Task FixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, ProjectSetup? project = null, int? iterations = null)
    {
        var test = new SupabaseTest<TAnalyzer, TFixer> { TestCode = source, FixedCode = fixedSource };
        if (iterations is not null)
        {
            test.NumberOfFixAllIterations = iterations;
            test.NumberOfIncrementalIterations = iterations;
        }

        if (project is not null)
        {
            test.WithProject(project);
        }

        await test.RunAsync();
        await AssertNoNewCompilerWarningsAsync(source, fixedSource, OutputKind.DynamicallyLinkedLibrary);
    }

    /// <summary>
    /// A fix must not add a compiler warning (CS8604 from a key that can be null, say): the fixed code has no more
    /// warnings of any id than the original, both compiled with nullable enabled. Missing XML comments are not counted.
    /// </summary>
    private static async Task AssertNoNewCompilerWarningsAsync(string source, string fixedSource, OutputKind outputKind)
    {
        async Task<Dictionary<string, int>> WarningsAsync(string markup)
        {
            TestFileMarkupParser.GetSpans(markup, out string text, out ImmutableDictionary<string, ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>> _);
            var project = AnalyzerRunner.CreateProject(new[] { ("/0/Test0.cs", text) });
            project = project.WithCompilationOptions(project.CompilationOptions!.WithOutputKind(outputKind));
            var compilation = await project.GetCompilationAsync();
            return compilation!.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Id != "CS1591")
                .GroupBy(d => d.Id)
                .ToDictionary(g => g.Key, g => g.Count());
        }

        var before = await WarningsAsync(source);
        var after = await WarningsAsync(fixedSource);
        var added = after.Where(p => p.Value > before.GetValueOrDefault(p.Key)).Select(p => p.Key).ToList();
        Assert.True(added.Count == 0, "The fix adds compiler warnings: " + string.Join(", ", added));
    }

    /// <summary>Several files (named <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>…), diagnostics from their markup.</summary>
    public static Task FilesAsync(params string[] sources) => FilesAsync(null, sources);

    /// <summary>Several files in a project of the kind <paramref name="project"/> describes, diagnostics from their markup.</summary>
    public static Task FilesAsync(ProjectSetup? project, params string[] sources)
    {
        var test = new SupabaseTest<TAnalyzer, TFixer>();
        if (project is not null)
        {
            test.WithProject(project);
        }

        test.TestState.Sources.AddRange(sources.Select((s, i) => ($"/0/Test{i}.cs", Microsoft.CodeAnalysis.Text.SourceText.From(s))));
        return test.RunAsync();
    }

    /// <summary>A program with top-level statements: the fixed code must compile as an executable.</summary>
    public static async Task ProgramFixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource)
    {
        var test = new SupabaseTest<TAnalyzer, TFixer> { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
        await AssertNoNewCompilerWarningsAsync(source, fixedSource, OutputKind.ConsoleApplication);
    }

    /// <summary>The diagnostic is reported but no fix is offered.</summary>
    public static Task NoFixAsync([StringSyntax("C#-test")] string source, ProjectSetup? project = null)
    {
        var test = new SupabaseTest<TAnalyzer, TFixer> { TestCode = source, FixedCode = source };
        if (project is not null)
        {
            test.WithProject(project);
        }

        return test.RunAsync();
    }
}
