using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Configuration;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.KeyLiterals;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Projects;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK007 <c>LegacyJwtKey</c>: every legacy JWT project key (<c>anon</c>, <c>service_role</c>) the classifier finds —
/// in C# and Razor code, and in the text files handed to the analyzers (shipped files, <c>appsettings*.json</c>,
/// <c>.env</c>, Razor files) — in every kind of project: the inventory for the end-of-2026 migration. The Supabase CLI's
/// local keys, user tokens and new-format keys are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LegacyJwtKeyAnalyzer : SupabaseAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK007_LegacyJwtKey);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        var candidates = KeyCandidates.GetOrCreate(start.Compilation);
        var fileSeverity = new FileSeverity(start.Compilation, RuleDescriptors.SBK007_LegacyJwtKey);
        start.RegisterSemanticModelAction(context => AnalyzeTree(context, candidates), TreeGate.Everywhere);
        start.RegisterAdditionalFileAction(context => AnalyzeFile(context, fileSeverity));
    }

    /// <summary>The key a legacy key is replaced with, for the message.</summary>
    internal static string Replacement(KeyKind legacy) => legacy == KeyKind.LegacyAnon ? "a publishable key (sb_publishable_…)" : "a secret key (sb_secret_…)";

    private static bool IsLegacyProjectKey(KeyMatch key) => key.Kind is KeyKind.LegacyAnon or KeyKind.LegacyServiceRole && !key.IsLocalDevelopment;

    private static void AnalyzeTree(SemanticModelContext context, KeyCandidates candidates)
    {
        foreach (var finding in ConstantKeyFinder.FindInTree(context.SemanticModel, candidates, context.CancellationToken))
        {
            if (IsLegacyProjectKey(finding.Key))
            {
                context.Report(Diagnostic.Create(RuleDescriptors.SBK007_LegacyJwtKey, finding.Expression.GetLocation(), finding.Key.Describe(finding.Value), Replacement(finding.Key.Kind)));
            }
        }
    }

    /// <summary>Razor files, shipped files and settings files: every text file of a kind that can hold a key.</summary>
    private static void AnalyzeFile(AdditionalFileContext context, FileSeverity fileSeverity)
    {
        if (context.IsRazorSource || ShippedFiles.IsTextFile(context.AdditionalFile.Path))
        {
            TextFileKeys.Report(context, fileSeverity, IsLegacyProjectKey, key => Replacement(key.Kind));
        }
    }
}
