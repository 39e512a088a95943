using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.SupabaseSdk;

using SupabaseKeyAnalyzers.CodeFixes;

namespace SupabaseKeyAnalyzers.CodeFixes.Rules;

/// <summary>
/// SBK007 <c>LegacyJwtKey</c>: when the compilation declares exactly one new key of the matching kind (a project
/// mid-migration holds both), replaces the legacy key with a reference to it: <c>sb_publishable_</c> for an anon JWT,
/// <c>sb_secret_</c> for a service_role JWT. A <c>const</c> that held the legacy key then refers to the new one
/// (<c>public const string Anon = Keys.Publishable;</c>). No fix otherwise, and none in JSON or Razor files.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LegacyJwtKeyFixer)), Shared]
public sealed class LegacyJwtKeyFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleDescriptors.SBK007_LegacyJwtKey.Id);

    public override FixAllProvider GetFixAllProvider() => FixAll.Provider;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixerSyntax.CanFix(context.Document, diagnostic)
                || await FixerSyntax.FindAsync<ExpressionSyntax>(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } found
                || FixerSyntax.IsUtf8(found.Node)
                || await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
                || KeyClassifier.ClassifyWhole(SourceSyntax.ConstantString(found.Node, model, context.CancellationToken)) is not { Kind: KeyKind.LegacyAnon or KeyKind.LegacyServiceRole } legacy)
            {
                continue;
            }

            var replacementKind = legacy.Kind == KeyKind.LegacyAnon ? KeyKind.Publishable : KeyKind.Secret;
            if (FixerSyntax.FindSingleKeyConstant(model, found.Node, key => key.Kind == replacementKind, context.CancellationToken) is not { } replacement)
            {
                continue;
            }

            // On an SDK that sends the key as a Bearer token to Functions, the new key breaks those calls (SBK009): the title says so.
            var title = $"Use {replacement.ContainingType.Name}.{replacement.Name}";
            if (diagnostic.Properties.TryGetValue(LegacyJwtKeyAnalyzer.FunctionsSendKeyAsBearerProperty, out var functions))
            {
                title += $" (Supabase.Functions {functions} sends it to Functions as a Bearer token: upgrade to {SupabaseModel.FunctionsStopsSendingNewKeyAsBearer.ToString(3)}, see SBK009)";
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(Replace(context.Document, found.Root, found.Node, replacement)),
                    nameof(LegacyJwtKeyFixer)),
                diagnostic);
        }
    }

    private static Document Replace(Document document, SyntaxNode root, ExpressionSyntax node, IFieldSymbol replacement)
    {
        var generator = SyntaxGenerator.GetGenerator(document);
        var reference = ((ExpressionSyntax)generator.MemberAccessExpression(generator.TypeExpression(replacement.ContainingType), replacement.Name))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation)
            .WithTriviaFrom(node);
        return document.WithSyntaxRoot(root.ReplaceNode(node, reference));
    }
}
