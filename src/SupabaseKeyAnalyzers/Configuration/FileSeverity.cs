using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.Configuration;

/// <summary>
/// The severity of a rule's diagnostic in a non-C# file (a shipped <c>wwwroot/</c> file, a Razor file). The compiler
/// applies <c>.editorconfig</c> severities to C# files only: it keeps <c>dotnet_diagnostic.*.severity</c> entries as
/// syntax-tree options, which no analyzer can read for another file. So the rule decides, in this order:
/// <list type="number">
/// <item>the package's own per-path setting, <c>supabase_key_analyzers.&lt;ID&gt;.severity</c>, in a section that
/// matches the file (<c>[wwwroot/**.json]</c>);</item>
/// <item>the project-wide setting: <c>.globalconfig</c>, or an <c>.editorconfig</c> setting that every C# file of the
/// project has with one value (<c>[*.cs]</c>);</item>
/// <item>the rule's default.</item>
/// </list>
/// A setting that only some C# files have (<c>[Program.cs]</c>, <c>[Pages/*.cs]</c>) never applies: one file's entry
/// must not lower the severity of a file that ships to users. The C# files the SDK writes into <c>obj/</c> take part
/// (<see cref="GeneratedCode.IsWrittenByBuild"/>), so that this holds in a project with a single C# file of its own.
/// </summary>
internal sealed class FileSeverity
{
    private readonly DiagnosticDescriptor descriptor;
    private readonly string key;
    private readonly Lazy<ReportDiagnostic> projectWide;

    public FileSeverity(Compilation compilation, DiagnosticDescriptor descriptor)
    {
        this.descriptor = descriptor;
        key = PathSeverityKey(descriptor.Id);
        projectWide = new Lazy<ReportDiagnostic>(() => ProjectWide(compilation, descriptor.Id), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The analyzer-config key of a rule's per-path severity for non-C# files.</summary>
    public static string PathSeverityKey(string id) => "supabase_key_analyzers." + id + ".severity";

    /// <summary>The values <see cref="PathSeverityKey"/> accepts: those of <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>.</summary>
    public static readonly string[] SeverityValues = { "error", "warning", "suggestion", "silent", "none", "default" };

    /// <summary>The rule whose severity this is.</summary>
    public DiagnosticDescriptor Descriptor => descriptor;

    /// <summary>The severity to report with, or null when the rule is turned off for this file.</summary>
    public DiagnosticSeverity? For(AdditionalText file, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var report = options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(key, out var value) && TryParse(value, out var own)
            ? own
            : projectWide.Value;
        return report switch
        {
            ReportDiagnostic.Suppress => null,
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
            _ => descriptor.DefaultSeverity,
        };
    }

    private static ReportDiagnostic ProjectWide(Compilation compilation, string id)
    {
#if ROSLYN_3_7
        // Roslyn 3.7 does not expose the compiler's .editorconfig severities: the package's own setting and the
        // rule's default decide (Unity, the one host of this flavor, hands no shipped files to analyzers).
        return ReportDiagnostic.Default;
#else
        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        if (provider is null)
        {
            return ReportDiagnostic.Default;
        }

        if (provider.TryGetGlobalDiagnosticValue(id, CancellationToken.None, out var global))
        {
            return global;
        }

        ReportDiagnostic? agreed = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (GeneratedCode.IsGeneratedFile(tree) && !GeneratedCode.IsWrittenByBuild(tree))
            {
                // A source generator's output (Razor's) lies outside the project's folders: no section reaches it.
                // The files the SDK writes into obj/ do count: [*.cs] reaches them and [Program.cs] does not, so that
                // in a project with one C# file an entry for that file is still not project-wide.
                continue;
            }

            if (!provider.TryGetDiagnosticValue(tree, id, CancellationToken.None, out var severity) || (agreed is not null && agreed != severity))
            {
                return ReportDiagnostic.Default;
            }

            agreed = severity;
        }

        return agreed ?? ReportDiagnostic.Default;
#endif
    }

    private static bool TryParse(string value, out ReportDiagnostic report)
    {
        report = OptionValue.Is(value, "error") ? ReportDiagnostic.Error
            : OptionValue.Is(value, "warning") ? ReportDiagnostic.Warn
            : OptionValue.Is(value, "suggestion") ? ReportDiagnostic.Info
            : OptionValue.Is(value, "silent") || OptionValue.Is(value, "refactoring") ? ReportDiagnostic.Hidden
            : OptionValue.Is(value, "none") ? ReportDiagnostic.Suppress
            : ReportDiagnostic.Default;
        return report != ReportDiagnostic.Default;
    }
}
