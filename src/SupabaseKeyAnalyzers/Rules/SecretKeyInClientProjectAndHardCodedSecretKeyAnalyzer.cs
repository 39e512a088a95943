using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
/// SBK001 <c>SecretKeyInClientProject</c> (a secret key in a client project, or in any file that ships to users) and
/// SBK004 <c>HardCodedSecretKey</c> (a secret key hard-coded elsewhere). One scan of the constant strings serves both:
/// the project kind picks the id.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretKeyInClientProjectAndHardCodedSecretKeyAnalyzer : SupabaseAnalyzer
{
    /// <summary>AdditionalFiles metadata the package targets set on files that reach users (wwwroot, MauiAsset, …).</summary>
    public const string ShipsToMetadata = "build_metadata.AdditionalFiles.SupabaseShipsTo";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RuleDescriptors.SBK001_SecretKeyInClientProject, RuleDescriptors.SBK004_HardCodedSecretKey);

    internal override void OnCompilationStart(CompilationStartAnalysisContext start, ProjectContext project)
    {
        var context = new AnalyzerContext(start.Compilation, project, start.CancellationToken);
        start.RegisterSyntaxNodeAction(
            context.AnalyzeExpression,
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression,
            SyntaxKind.InterpolatedStringExpression,
            SyntaxKind.AddExpression);
        start.RegisterAdditionalFileAction(context.AnalyzeAdditionalFile);
    }

    /// <summary>What the rule knows of one compilation: the constants that can carry a key, the shipped-file severity.</summary>
    private sealed class AnalyzerContext
    {
        private readonly ProjectContext project;
        private readonly KeyConstantNames keyConstants;
        private readonly AdditionalFileSeverity shippedFileSeverity;

        public AnalyzerContext(Compilation compilation, ProjectContext project, System.Threading.CancellationToken cancellationToken)
        {
            this.project = project;
            keyConstants = new KeyConstantNames(compilation, cancellationToken);
            shippedFileSeverity = new AdditionalFileSeverity(compilation, RuleDescriptors.SBK001_SecretKeyInClientProject);
        }

        public void AnalyzeExpression(SyntaxNodeAnalysisContext context)
        {
            var node = (ExpressionSyntax)context.Node;
            if (!ConstantKeyFinder.IsChainRoot(node) || !ConstantKeyFinder.MayHoldKey(node, keyConstants))
            {
                return;
            }

            var kind = project.KindOf(node.SyntaxTree, context.Options);
            if (!project.ReportsLeaksIn(kind))
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

                var description = finding.Key.Describe(finding.Value);
                var diagnostic = kind == ProjectKind.Client
                    ? Diagnostic.Create(RuleDescriptors.SBK001_SecretKeyInClientProject, finding.Expression.GetLocation(), description, ClientReason(kind))
                    : Diagnostic.Create(RuleDescriptors.SBK004_HardCodedSecretKey, finding.Expression.GetLocation(), description, SupabaseVocabulary.EnvironmentVariableFor(finding.Key.Kind));
                context.ReportDiagnostic(diagnostic);
            }
        }

        public void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
        {
            var reason = ShipReason(context);
            if (reason is null || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
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

                var severity = shippedFileSeverity.For(context.AdditionalFile, context.Options, context.CancellationToken);
                if (severity is null)
                {
                    return;
                }

                var span = new TextSpan(key.Start, key.Length);
                context.ReportDiagnostic(Diagnostic.Create(
                    RuleDescriptors.SBK001_SecretKeyInClientProject,
                    Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span)),
                    severity.Value,
                    additionalLocations: null,
                    properties: null,
                    key.Describe(content),
                    reason));
            }
        }

        private string ClientReason(ProjectKind treeKind)
            => "client project: " + (project.Project.Kind == treeKind ? project.Project.Reason : ProjectKindResolver.ProjectKindOption + " for this file");

        /// <summary>Why a file reaches users, or null when it does not.</summary>
        private string? ShipReason(AdditionalFileAnalysisContext context)
        {
            var path = context.AdditionalFile.Path;
            if (!project.ReportsLeaksIn(project.Project.Kind))
            {
                return null;
            }

            if (SupabaseVocabulary.IsUnderWwwroot(path) && SupabaseVocabulary.IsShippedTextFile(path))
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

                if (project.Project.Kind == ProjectKind.Client)
                {
                    return "bundled as " + shipsTo.Trim() + " in a client project: " + project.Project.Reason;
                }
            }

            return null;
        }
    }
}
