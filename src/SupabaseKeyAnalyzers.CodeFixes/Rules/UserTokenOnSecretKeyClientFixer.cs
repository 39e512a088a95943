using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SupabaseKeyAnalyzers.Rules;

using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.CodeFixes;

namespace SupabaseKeyAnalyzers.CodeFixes.Rules;

/// <summary>
/// SBK005 <c>UserTokenOnSecretKeyClient</c>: two fixes. "Use the publishable key" makes the client the user-scoped
/// client it is being used as: its key argument becomes the compilation's one publishable-key constant, else
/// <c>Environment.GetEnvironmentVariable("SUPABASE_PUBLISHABLE_KEY") ?? throw …</c>. "Remove the Authorization
/// override" keeps an admin client: the header write (statement, initializer entry, <c>SetAuth</c> call) goes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UserTokenOnSecretKeyClientFixer)), Shared]
public sealed class UserTokenOnSecretKeyClientFixer : CodeFixProvider
{
    public const string UsePublishableKeyTitle = "Use the publishable key for this user-scoped client";

    public const string RemoveOverrideTitle = "Remove the Authorization override";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleDescriptors.SBK005_UserTokenOnSecretKeyClient.Id);

    public override FixAllProvider GetFixAllProvider() => FixAll.Provider;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixerSyntax.CanFix(context.Document, diagnostic))
            {
                continue;
            }

            if (diagnostic.Properties.ContainsKey(UserTokenOnSecretKeyClientAnalyzer.KeyArgumentProperty) && diagnostic.AdditionalLocations.Count == 1
                && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is { } keyNode
                && (keyNode as ExpressionSyntax ?? (keyNode as ArgumentSyntax)?.Expression) is { } key)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(UsePublishableKeyTitle, c => UsePublishableKeyAsync(context.Document, root, key, c), nameof(UserTokenOnSecretKeyClientFixer) + ".PublishableKey"),
                    diagnostic);
            }

            var write = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (FixerSyntax.RemoveWrite(root, write) is { } withoutOverride)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(RemoveOverrideTitle, _ => Task.FromResult(context.Document.WithSyntaxRoot(withoutOverride)), nameof(UserTokenOnSecretKeyClientFixer) + ".RemoveOverride"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> UsePublishableKeyAsync(Document document, SyntaxNode root, ExpressionSyntax key, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var constant = model is null ? null : FixerSyntax.FindSingleKeyConstant(model, key, k => k.IsPublishable && !k.IsLocalDevelopment, cancellationToken);
        var replacement = constant is not null
            ? FixerSyntax.ParseSimplified("global::" + constant.ContainingType.ToDisplayString() + "." + constant.Name)
            : FixerSyntax.ReadEnvironmentVariable(KeyVariables.PublishableKey);
        return document.WithSyntaxRoot(root.ReplaceNode(key, replacement.WithTriviaFrom(key)));
    }
}
