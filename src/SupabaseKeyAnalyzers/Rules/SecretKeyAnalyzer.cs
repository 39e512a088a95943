using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Projects;
using SupabaseKeyAnalyzers.Resolution;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK001 (secret key in a client project, and in any file that ships to users) and SBK004 (secret key hard-coded
/// elsewhere). One scan of the constant strings serves both: the project kind picks the id.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretKeyAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: the <see cref="KeyKind"/> found.</summary>
    public const string KeyKindProperty = "KeyKind";

    /// <summary>AdditionalFiles metadata the package targets set on files that reach users (wwwroot, MauiAsset, …).</summary>
    public const string ShipsToMetadata = "build_metadata.AdditionalFiles.SupabaseShipsTo";

    private static readonly string[] PublicFileExtensions = { ".json", ".js", ".mjs", ".cjs", ".env", ".txt", ".html", ".htm", ".xml", ".config" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RuleDescriptors.SBK001, RuleDescriptors.SBK004);

    internal override void OnCompilationStart(CompilationStartAnalysisContext start, SupabaseContext supabase)
    {
        var keyConstants = new KeyConstantNames(start.Compilation, start.CancellationToken);
        start.RegisterSyntaxNodeAction(
            c => AnalyzeExpression(c, supabase, keyConstants),
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression,
            SyntaxKind.InterpolatedStringExpression,
            SyntaxKind.AddExpression);
        var shippedFileSeverity = new Lazy<ReportDiagnostic>(() => ProjectWideSeverity(start.Compilation, RuleDescriptors.SBK001.Id, start.CancellationToken));
        start.RegisterAdditionalFileAction(c => AnalyzeAdditionalFile(c, supabase, shippedFileSeverity));
    }

    private static void AnalyzeExpression(SyntaxNodeAnalysisContext context, SupabaseContext supabase, KeyConstantNames keyConstants)
    {
        var node = (ExpressionSyntax)context.Node;
        if (!ConstantKeyFinder.IsChainRoot(node) || !ConstantKeyFinder.MayHoldKey(node, keyConstants))
        {
            return;
        }

        var kind = supabase.KindOf(node.SyntaxTree, context.Options);
        if (kind == ProjectKind.Test && !supabase.AnalyzeTestProjects)
        {
            return;
        }

        var findings = new List<ConstantKeyFinder.Finding>();
        ConstantKeyFinder.Find(node, context.SemanticModel, findings, context.CancellationToken);

        foreach (var finding in findings)
        {
            if (!finding.Key.IsSecret || finding.Key.IsLocalDevelopment)
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(KeyKindProperty, finding.Key.Kind.ToString());
            var description = finding.Key.Describe(finding.Value);
            var diagnostic = kind == ProjectKind.Client
                ? Diagnostic.Create(RuleDescriptors.SBK001, finding.Expression.GetLocation(), properties, description, ClientReason(supabase, kind))
                : Diagnostic.Create(RuleDescriptors.SBK004, finding.Expression.GetLocation(), properties, description);
            context.ReportDiagnostic(diagnostic);
        }
    }

    private static string ClientReason(SupabaseContext supabase, ProjectKind treeKind)
        => "client project: " + (supabase.Project.Kind == treeKind ? supabase.Project.Reason : ProjectKindResolver.ProjectKindOption + " for this file");

    private static void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context, SupabaseContext supabase, Lazy<ReportDiagnostic> projectSeverity)
    {
        var reason = ShipReason(context, supabase);
        if (reason is null)
        {
            return;
        }

        var text = context.AdditionalFile.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        var content = text.ToString();
        foreach (var key in KeyClassifier.FindKeys(content))
        {
            if (!key.IsSecret || key.IsLocalDevelopment)
            {
                continue;
            }

            var span = new TextSpan(key.Start, key.Length);
            var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            var severity = projectSeverity.Value;
            if (severity == ReportDiagnostic.Suppress)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(KeyKindProperty, key.Kind.ToString());
            context.ReportDiagnostic(Diagnostic.Create(
                RuleDescriptors.SBK001,
                location,
                ToSeverity(severity) ?? RuleDescriptors.SBK001.DefaultSeverity,
                additionalLocations: null,
                properties,
                key.Describe(content),
                reason));
        }
    }

    /// <summary>
    /// The compiler applies <c>.editorconfig</c> severities only to diagnostics in C# files. A shipped file takes the
    /// severity that the C# files configuring the rule agree on (a project-wide <c>dotnet_diagnostic.SBK001.severity</c>;
    /// generated files outside the project folder configure nothing), so tuning the rule in <c>.editorconfig</c> works
    /// for shipped files too. <c>.globalconfig</c> applies directly.
    /// </summary>
    private static ReportDiagnostic ProjectWideSeverity(Compilation compilation, string id, System.Threading.CancellationToken cancellationToken)
    {
        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        ReportDiagnostic? agreed = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider is null || !provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var severity))
            {
                continue;
            }

            if (agreed is not null && agreed != severity)
            {
                return ReportDiagnostic.Default;
            }

            agreed = severity;
        }

        return agreed ?? ReportDiagnostic.Default;
    }

    private static DiagnosticSeverity? ToSeverity(ReportDiagnostic severity) => severity switch
    {
        ReportDiagnostic.Error => DiagnosticSeverity.Error,
        ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        ReportDiagnostic.Info => DiagnosticSeverity.Info,
        ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
        _ => null,
    };

    /// <summary>Why a file reaches users, or null when it does not.</summary>
    private static string? ShipReason(AdditionalFileAnalysisContext context, SupabaseContext supabase)
    {
        var path = context.AdditionalFile.Path;
        if (supabase.Project.Kind == ProjectKind.Test && !supabase.AnalyzeTestProjects)
        {
            return null;
        }

        if (IsUnderWwwroot(path) && IsPublicTextFile(path))
        {
            return "served publicly from wwwroot";
        }

        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile);
        if (options.TryGetValue(ShipsToMetadata, out var shipsTo) && shipsTo.Trim().Length != 0)
        {
            if (shipsTo.Trim().Equals("wwwroot", StringComparison.OrdinalIgnoreCase))
            {
                return "served publicly from wwwroot";
            }

            if (supabase.Project.Kind == ProjectKind.Client)
            {
                return "bundled as " + shipsTo.Trim() + " in a client project: " + supabase.Project.Reason;
            }
        }

        return null;
    }

    private static bool IsUnderWwwroot(string path)
        => ("/" + path.Replace('\\', '/')).IndexOf("/wwwroot/", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsPublicTextFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var extension = Path.GetExtension(name);
        return Array.Exists(PublicFileExtensions, e => e.Equals(extension, StringComparison.OrdinalIgnoreCase));
    }
}
