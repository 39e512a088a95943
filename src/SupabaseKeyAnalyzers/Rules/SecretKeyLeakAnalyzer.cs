using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Configuration;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.KeyLiterals;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Projects;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// The secret-key leak scan: SBK001 <c>SecretKeyInClientProject</c> (a secret key in a client project, or in any file
/// that ships to users) and SBK004 <c>HardCodedSecretKey</c> (a secret key hard-coded elsewhere). One scan of the constant strings serves both:
/// the project kind picks the id. Each tree is looked at once: <see cref="KeyCandidates"/> finds, from the text, the
/// chains that can hold a key, and only those are bound. The project's SQL files are SBK004's (they never ship). Razor files are covered twice over without double reports:
/// keys written literally are found by a scan of the <c>.razor</c>/<c>.cshtml</c> text (markup, <c>@code</c>, inline
/// scripts), keys formed by concatenation in <c>@code</c> in the generated C#, at their mapped location.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretKeyLeakAnalyzer : SupabaseAnalyzer
{
    /// <summary>AdditionalFiles metadata the package targets set on files that reach users (wwwroot, MauiAsset, …).</summary>
    public const string ShipsToMetadata = "build_metadata.AdditionalFiles.SupabaseShipsTo";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RuleDescriptors.SBK001_SecretKeyInClientProject, RuleDescriptors.SBK004_HardCodedSecretKey);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        var context = new AnalyzerContext(start.Compilation, start.Project);
        start.RegisterSemanticModelAction(context.AnalyzeTree);
        start.RegisterAdditionalFileAction(context.AnalyzeAdditionalFile);
    }

    /// <summary>What the rule knows of one compilation: where keys can be, and the severities for non-C# files.</summary>
    private sealed class AnalyzerContext
    {
        private readonly ProjectContext project;
        private readonly KeyCandidates candidates;
        private readonly FileSeverity clientFileSeverity;
        private readonly FileSeverity sourceFileSeverity;

        public AnalyzerContext(Compilation compilation, ProjectContext project)
        {
            this.project = project;
            candidates = KeyCandidates.GetOrCreate(compilation);
            clientFileSeverity = new FileSeverity(compilation, RuleDescriptors.SBK001_SecretKeyInClientProject);
            sourceFileSeverity = new FileSeverity(compilation, RuleDescriptors.SBK004_HardCodedSecretKey);
        }

        public void AnalyzeTree(SemanticModelContext context)
        {
            var tree = context.SemanticModel.SyntaxTree;
            ProjectKind? kind = null;
            foreach (var finding in ConstantKeyFinder.FindInTree(context.SemanticModel, candidates, context.CancellationToken))
            {
                if (!IsLeak(finding.Key))
                {
                    continue;
                }

                kind ??= project.KindOf(tree, context.Options);
                if (!project.ReportsLeaksIn(kind.Value))
                {
                    return;
                }

                var location = finding.Expression.GetLocation();
                var description = finding.Key.Describe(finding.Value);
                context.Report(kind == ProjectKind.Client
                    ? Diagnostic.Create(RuleDescriptors.SBK001_SecretKeyInClientProject, location, description, ClientReason(kind.Value))
                    : Diagnostic.Create(RuleDescriptors.SBK004_HardCodedSecretKey, location, description, KeyVariables.AdviceFor(finding.Key.Kind)));
            }
        }

        public void AnalyzeAdditionalFile(AdditionalFileContext context)
        {
            if (context.IsRazorSource)
            {
                AnalyzeRazorFile(context);
                return;
            }

            if (SqlFiles.IsSql(context.AdditionalFile.Path))
            {
                // The project's SQL never ships to users: a secret there is hard-coded (SBK004), and belongs in Vault.
                if (project.ReportsLeaksIn(project.Project.Kind))
                {
                    TextFileKeys.Report(context, sourceFileSeverity, IsLeak, _ => SqlFiles.VaultAdvice);
                }

                return;
            }

            if (ShipReason(context) is { } reason)
            {
                TextFileKeys.Report(context, clientFileSeverity, IsLeak, _ => reason);
            }
        }

        /// <summary>Keys written in a Razor file: markup attributes, inline scripts and <c>@code</c> literals alike.</summary>
        private void AnalyzeRazorFile(AdditionalFileContext context)
        {
            var kind = ProjectKindResolver.ForTree(project.Project.Kind, context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile));
            if (!project.ReportsLeaksIn(kind))
            {
                return;
            }

            if (kind == ProjectKind.Client)
            {
                TextFileKeys.Report(context, clientFileSeverity, IsLeak, _ => ClientReason(kind));
            }
            else
            {
                TextFileKeys.Report(context, sourceFileSeverity, IsLeak, key => KeyVariables.AdviceFor(key.Kind));
            }
        }

        /// <summary>A secret key that is not one of the Supabase CLI's public local keys.</summary>
        private static bool IsLeak(KeyMatch key) => key.IsSecret && !key.IsLocalDevelopment;

        private string ClientReason(ProjectKind treeKind)
            => "client project: " + (project.Project.Kind == treeKind ? project.Project.Reason : ProjectKindResolver.ProjectKindOption + " for this file");

        /// <summary>Why a file reaches users, or null when it does not.</summary>
        private string? ShipReason(AdditionalFileContext context)
        {
            var path = context.AdditionalFile.Path;
            if (!project.ReportsLeaksIn(project.Project.Kind))
            {
                return null;
            }

            if (ShippedFiles.IsUnderWwwroot(path) && ShippedFiles.IsTextFile(path))
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
