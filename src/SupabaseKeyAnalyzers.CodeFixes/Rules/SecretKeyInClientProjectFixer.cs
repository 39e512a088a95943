using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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

using SupabaseKeyAnalyzers.CodeFixes;

namespace SupabaseKeyAnalyzers.CodeFixes.Rules;

/// <summary>
/// SBK001 <c>SecretKeyInClientProject</c>: replaces the secret key with a reference to the publishable (or anon) key constant the compilation already
/// declares, when there is exactly one; otherwise with a placeholder the user must fill in. No secret material remains.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretKeyInClientProjectFixer)), Shared]
public sealed class SecretKeyInClientProjectFixer : CodeFixProvider
{
    /// <summary>The text that stands where the secret was when no publishable key constant is known.</summary>
    public const string Placeholder = "YOUR_SUPABASE_PUBLISHABLE_KEY";

    public const string Title = "Use the publishable key";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleDescriptors.SBK001_SecretKeyInClientProject.Id);

    public override FixAllProvider GetFixAllProvider() => FixAll.Provider;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixerSyntax.CanFix(context.Document, diagnostic))
            {
                continue;
            }

            var found = await FixerSyntax.FindAsync<ExpressionSyntax>(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (found is not { Node: LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax })
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, c => FixAsync(context.Document, found.Value.Root, found.Value.Node, c), nameof(SecretKeyInClientProjectFixer)),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, SyntaxNode root, ExpressionSyntax node, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var value = model is null ? null : SourceSyntax.ConstantString(node, model, cancellationToken);
        if (model is null || value is null)
        {
            return document;
        }

        var utf8 = FixerSyntax.IsUtf8(node);
        ExpressionSyntax replacement;
        var whole = KeyClassifier.ClassifyWhole(value);
        var publishable = whole is { IsSecret: true } && !utf8 ? FixerSyntax.FindSingleKeyConstant(model, node, key => key.IsPublishable, cancellationToken) : null;
        if (publishable is not null)
        {
            var generator = SyntaxGenerator.GetGenerator(document);
            replacement = ((ExpressionSyntax)generator.MemberAccessExpression(generator.TypeExpression(publishable.ContainingType), publishable.Name))
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }
        else
        {
            var text = value;
            foreach (var key in KeyClassifier.FindKeys(value).Where(k => k.IsSecret && !k.IsLocalDevelopment).Reverse())
            {
                text = text.Substring(0, key.Start) + Placeholder + text.Substring(key.Start + key.Length);
            }

            replacement = FixerSyntax.StringLiteral(text, utf8);
        }

        replacement = replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
    }
}
