using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Configuration;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.KeyLiterals;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Projects;
using SupabaseKeyAnalyzers.SupabaseSdk;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK007 <c>LegacyJwtKey</c>: every legacy JWT project key (<c>anon</c>, <c>service_role</c>) the classifier finds —
/// in C# and Razor code, and in the text files handed to the analyzers (shipped files, <c>appsettings*.json</c>,
/// <c>.env</c>, Razor files, the project's SQL) — in every kind of project: the inventory for the end-of-2026 migration. The Supabase CLI's
/// local keys, user tokens and new-format keys are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LegacyJwtKeyAnalyzer : SupabaseAnalyzer
{
    /// <summary>
    /// Diagnostic property: the version of <c>Supabase.Functions</c> the compilation references when it sends a
    /// new-format key as a Bearer token and the compilation calls Functions (SBK009): the fix to a new key says so.
    /// </summary>
    public const string FunctionsSendKeyAsBearerProperty = "FunctionsSendKeyAsBearer";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK007_LegacyJwtKey);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        var candidates = KeyCandidates.GetOrCreate(start.Compilation);
        var fileSeverity = new FileSeverity(start.Compilation, RuleDescriptors.SBK007_LegacyJwtKey);
        var properties = new Lazy<ImmutableDictionary<string, string?>>(() => FixProperties(start.Compilation, start.Sdk), LazyThreadSafetyMode.ExecutionAndPublication);
        start.RegisterSemanticModelAction(context => AnalyzeTree(context, candidates, properties));
        start.RegisterAdditionalFileAction(context => AnalyzeFile(context, fileSeverity));
    }

    /// <summary>
    /// What the fix needs to know of the compilation: whether its Functions calls would send the new key as a Bearer
    /// token (an older <c>Supabase.Functions</c>, and a tree that calls <c>Invoke</c>).
    /// </summary>
    private static ImmutableDictionary<string, string?> FixProperties(Compilation compilation, SupabaseModel sdk)
        => sdk.FunctionsSendingKeyAsBearer is { } version
           && compilation.SyntaxTrees.Any(tree => TreeText.MayName(tree, SdkMembers.Invoke, CancellationToken.None) || TreeText.MayName(tree, SdkMembers.RawInvoke, CancellationToken.None))
            ? ImmutableDictionary<string, string?>.Empty.Add(FunctionsSendKeyAsBearerProperty, version.ToString(3))
            : ImmutableDictionary<string, string?>.Empty;

    /// <summary>The key a legacy key is replaced with, for the message.</summary>
    internal static string Replacement(KeyKind legacy) => legacy == KeyKind.LegacyAnon ? "a publishable key (sb_publishable_…)" : "a secret key (sb_secret_…)";

    private static bool IsLegacyProjectKey(KeyMatch key) => key.Kind is KeyKind.LegacyAnon or KeyKind.LegacyServiceRole && !key.IsLocalDevelopment;

    private static void AnalyzeTree(SemanticModelContext context, KeyCandidates candidates, Lazy<ImmutableDictionary<string, string?>> properties)
    {
        foreach (var finding in ConstantKeyFinder.FindInTree(context.SemanticModel, candidates, context.CancellationToken))
        {
            if (IsLegacyProjectKey(finding.Key))
            {
                context.Report(Diagnostic.Create(RuleDescriptors.SBK007_LegacyJwtKey, finding.Expression.GetLocation(), properties.Value, finding.Key.Describe(finding.Value), Replacement(finding.Key.Kind)));
            }
        }
    }

    /// <summary>Razor files, shipped files, settings files and the project's SQL: every text file of a kind that can hold a key.</summary>
    private static void AnalyzeFile(AdditionalFileContext context, FileSeverity fileSeverity)
    {
        if (context.IsRazorSource || ShippedFiles.IsTextFile(context.AdditionalFile.Path) || SqlFiles.IsSql(context.AdditionalFile.Path))
        {
            TextFileKeys.Report(context, fileSeverity, IsLegacyProjectKey, key => Replacement(key.Kind));
        }
    }
}
