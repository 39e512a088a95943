using System;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// Razor components (<c>.razor</c>) and pages (<c>.cshtml</c>). The Razor source generator turns each into a C# file
/// marked generated (<c>Pages/Admin_razor.g.cs</c>) whose <c>@code</c> blocks and expressions are mapped back to the
/// Razor file by <c>#line</c> directives; markup is emitted in hidden, unmapped code. The rules analyze those
/// generated files, but report only at mapped locations, so that a finding points at the Razor file and never at
/// generator boilerplate. Keys written in markup are found by a text scan of the Razor file itself.
/// </summary>
internal static class RazorCode
{
    private static readonly string[] GeneratedSuffixes = { "_razor.g.cs", "_cshtml.g.cs", ".razor.g.cs", ".cshtml.g.cs" };

    /// <summary>True for a Razor source file (handed to analyzers as an AdditionalFile by the Razor SDK).</summary>
    public static bool IsRazorFile(string path)
        => path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the C# the Razor source generator emits for a Razor file.</summary>
    public static bool IsGeneratedFromRazor(SyntaxTree tree) => GeneratedCode.EndsWithAny(tree.FilePath ?? string.Empty, GeneratedSuffixes);

    /// <summary>
    /// The gate of every rule: user code is analyzed; generated code only when it comes from a Razor file (other
    /// generated code stays skipped unless <c>generated_code = false</c> says it is not generated).
    /// </summary>
    public static bool ShouldAnalyze(SyntaxTree tree, bool isGeneratedCode) => !isGeneratedCode || IsGeneratedFromRazor(tree);

    /// <summary>True when a diagnostic at <paramref name="location"/> may be reported: anywhere in user code, only at mapped Razor code in generated files.</summary>
    public static bool IsReportable(Location location)
        => location.SourceTree is not { } tree || !IsGeneratedFromRazor(tree) || location.GetMappedLineSpan().HasMappedPath;
}
