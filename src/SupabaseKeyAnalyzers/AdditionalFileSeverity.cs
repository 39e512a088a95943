using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SupabaseKeyAnalyzers.Keys;

namespace SupabaseKeyAnalyzers;

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
/// must not lower the severity of a file that ships to users.
/// </summary>
internal sealed class AdditionalFileSeverity
{
    private readonly DiagnosticDescriptor descriptor;
    private readonly string key;
    private readonly Lazy<ReportDiagnostic> projectWide;

    public AdditionalFileSeverity(Compilation compilation, DiagnosticDescriptor descriptor)
    {
        this.descriptor = descriptor;
        key = PathSeverityKey(descriptor.Id);
        projectWide = new Lazy<ReportDiagnostic>(() => ProjectWide(compilation, descriptor.Id), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The analyzer-config key of a rule's per-path severity for non-C# files.</summary>
    public static string PathSeverityKey(string id) => "supabase_key_analyzers." + id + ".severity";

    /// <summary>The values <see cref="PathSeverityKey"/> accepts: those of <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>.</summary>
    public static readonly string[] SeverityValues = { "error", "warning", "suggestion", "silent", "none", "default" };

    /// <summary>
    /// Reports the rule on every key of the file that <paramref name="wanted"/> accepts, at the key's span, with the
    /// file's severity; the message arguments are the key's safe description and <paramref name="secondArgument"/>.
    /// </summary>
    public void ReportKeys(AdditionalFileAnalysisContext context, Func<KeyMatch, bool> wanted, Func<KeyMatch, string> secondArgument)
    {
        var file = context.AdditionalFile;
        if (file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var content = text.ToString();
        DiagnosticSeverity? severity = null;
        foreach (var key in KeyClassifier.FindKeys(content))
        {
            if (!wanted(key))
            {
                continue;
            }

            severity ??= For(file, context.Options, context.CancellationToken);
            if (severity is null)
            {
                return;
            }

            var span = new TextSpan(key.Start, key.Length);
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), severity.Value, additionalLocations: null, properties: null, key.Describe(content), secondArgument(key)));
        }
    }

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
            if (GeneratedCode.IsGeneratedFile(tree))
            {
                // Generated files (obj/, source generators) are not the user's C# files.
                continue;
            }

            if (!provider.TryGetDiagnosticValue(tree, id, CancellationToken.None, out var severity) || (agreed is not null && agreed != severity))
            {
                return ReportDiagnostic.Default;
            }

            agreed = severity;
        }

        return agreed ?? ReportDiagnostic.Default;
    }

    private static bool TryParse(string value, out ReportDiagnostic report)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "error":
                report = ReportDiagnostic.Error;
                return true;
            case "warning":
                report = ReportDiagnostic.Warn;
                return true;
            case "suggestion":
                report = ReportDiagnostic.Info;
                return true;
            case "silent":
            case "refactoring":
                report = ReportDiagnostic.Hidden;
                return true;
            case "none":
                report = ReportDiagnostic.Suppress;
                return true;
            default:
                report = ReportDiagnostic.Default;
                return false;
        }
    }
}
