using System.Diagnostics.CodeAnalysis;
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
    public static Task FixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, ProjectSetup? project = null, int? iterations = null)
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

        return test.RunAsync();
    }

    /// <summary>Several files (named <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>…), diagnostics from their markup.</summary>
    public static Task FilesAsync(params string[] sources)
    {
        var test = new SupabaseTest<TAnalyzer, TFixer>();
        test.TestState.Sources.AddRange(sources.Select((s, i) => ($"/0/Test{i}.cs", Microsoft.CodeAnalysis.Text.SourceText.From(s))));
        return test.RunAsync();
    }

    /// <summary>A program with top-level statements: the fixed code must compile as an executable.</summary>
    public static Task ProgramFixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource)
    {
        var test = new SupabaseTest<TAnalyzer, TFixer> { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
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
