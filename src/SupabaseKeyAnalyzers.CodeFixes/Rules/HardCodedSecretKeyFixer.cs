using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Resolution;

namespace SupabaseKeyAnalyzers.CodeFixes;

/// <summary>
/// SBK004 <c>HardCodedSecretKey</c>: reads the secret from the environment (<c>SUPABASE_SECRET_KEY</c>, or <c>SUPABASE_ACCESS_TOKEN</c> for a
/// personal access token), turning a <c>const</c> into a <c>static readonly</c> field (or a plain local) where needed.
/// No fix where C# demands a constant, or where the key is only part of a longer string.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedSecretKeyFixer)), Shared]
public sealed class HardCodedSecretKeyFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleDescriptors.SBK004_HardCodedSecretKey.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var found = await FixerSyntax.FindAsync<ExpressionSyntax>(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (found is not { } f || FixerSyntax.IsUtf8(f.Node))
            {
                continue;
            }

            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var key = model is null ? null : KeyClassifier.ClassifyWhole(SourceSyntax.ConstantString(f.Node, model, context.CancellationToken));
            if (key is not { IsSecret: true })
            {
                continue;
            }

            var variable = SupabaseVocabulary.EnvironmentVariableFor(key.Value.Kind);
            var plan = await PlanAsync(context.Document, model!, f.Node, context.CancellationToken).ConfigureAwait(false);
            if (plan == Plan.None)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read the key from the {variable} environment variable",
                    c => Task.FromResult(Apply(context.Document, model!, f.Root, f.Node, plan, variable)),
                    nameof(HardCodedSecretKeyFixer)),
                diagnostic);
        }
    }

    private enum Plan
    {
        None,
        ReplaceExpression,
        ConstFieldToStaticReadonly,
        ConstLocalToLocal,
    }

    private static async Task<Plan> PlanAsync(Document document, SemanticModel model, ExpressionSyntax node, CancellationToken cancellationToken)
    {
        if (FixerSyntax.WalkUpParentheses(node) is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator })
        {
            if (declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                return declaration.Variables.Count == 1 && !await IsUsedAsConstantAsync(document, model, declarator, cancellationToken).ConfigureAwait(false)
                    ? Plan.ConstFieldToStaticReadonly
                    : Plan.None;
            }

            if (declaration.Parent is LocalDeclarationStatementSyntax { IsConst: true })
            {
                return declaration.Variables.Count == 1 && !await IsUsedAsConstantAsync(document, model, declarator, cancellationToken).ConfigureAwait(false)
                    ? Plan.ConstLocalToLocal
                    : Plan.None;
            }
        }

        return FixerSyntax.IsInConstantContext(node) ? Plan.None : Plan.ReplaceExpression;
    }

    /// <summary>True when a reference to the constant sits where C# demands a constant: it must stay a <c>const</c>.</summary>
    private static async Task<bool> IsUsedAsConstantAsync(Document document, SemanticModel model, VariableDeclaratorSyntax declarator, CancellationToken cancellationToken)
    {
        var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
        if (symbol is null)
        {
            return true;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var referenceNode = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (referenceNode is null || FixerSyntax.IsInConstantContext(referenceNode))
            {
                return true;
            }
        }

        return false;
    }

    private static Document Apply(Document document, SemanticModel model, SyntaxNode root, ExpressionSyntax node, Plan plan, string variable)
    {
        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var read = FixerSyntax.ReadEnvironmentVariable(variable).WithTriviaFrom(node);
        editor.ReplaceNode(node, read);
        if (plan == Plan.ConstFieldToStaticReadonly)
        {
            var field = node.FirstAncestorOrSelf<FieldDeclarationSyntax>()!;
            editor.ReplaceNode(field, (current, _) =>
            {
                var declaration = (FieldDeclarationSyntax)current;
                var constKeyword = declaration.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                var index = declaration.Modifiers.IndexOf(constKeyword);
                var modifiers = declaration.Modifiers
                    .RemoveAt(index)
                    .Insert(index, SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constKeyword.TrailingTrivia))
                    .Insert(index, SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constKeyword.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space));
                return declaration.WithModifiers(modifiers);
            });
        }
        else if (plan == Plan.ConstLocalToLocal)
        {
            var local = node.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>()!;
            editor.ReplaceNode(local, (current, _) =>
            {
                var statement = (LocalDeclarationStatementSyntax)current;
                var constKeyword = statement.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                return statement
                    .WithModifiers(statement.Modifiers.Remove(constKeyword))
                    .WithLeadingTrivia(constKeyword.LeadingTrivia);
            });
        }

        return document.WithSyntaxRoot(editor.GetChangedRoot());
    }
}
