using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.FindSymbols;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Internals;

using SupabaseKeyAnalyzers.CodeFixes;

namespace SupabaseKeyAnalyzers.CodeFixes.Rules;

/// <summary>
/// SBK004 <c>HardCodedSecretKey</c>: reads the secret from the environment (<c>SUPABASE_SECRET_KEY</c>, or
/// <c>SUPABASE_ACCESS_TOKEN</c> for a personal access token) where it is used: a field becomes a get-only property whose
/// getter throws <c>InvalidOperationException</c> when the variable is unset, a <c>const</c> local a plain local.
/// No fix where C# demands a constant, or where the key is only part of a longer string.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedSecretKeyFixer)), Shared]
public sealed class HardCodedSecretKeyFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleDescriptors.SBK004_HardCodedSecretKey.Id);

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

            var variable = KeyVariables.For(key.Value.Kind);
            var plan = await PlanAsync(context.Document, model!, f.Node, context.CancellationToken).ConfigureAwait(false);
            if (plan == Plan.None)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read the key from the {variable} environment variable",
                    c => Task.FromResult(Apply(context.Document, f.Root, f.Node, plan, variable)),
                    nameof(HardCodedSecretKeyFixer)),
                diagnostic);
        }
    }

    private enum Plan
    {
        None,
        ReplaceExpression,
        FieldToProperty,
        ConstLocalToLocal,
    }

    private static async Task<Plan> PlanAsync(Document document, SemanticModel model, ExpressionSyntax node, CancellationToken cancellationToken)
    {
        if (FixerSyntax.WalkUpParentheses(node) is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator })
        {
            if (declaration.Parent is FieldDeclarationSyntax field)
            {
                var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                var convertible = declaration.Variables.Count == 1 && field.AttributeLists.Count == 0;
                var references = convertible || isConst ? await ReferencesAsync(document, model, declarator, cancellationToken).ConfigureAwait(false) : null;
                if (references is not null && !references.Any(FixerSyntax.IsInConstantContext) && !(convertible && references.Any(IsWrittenTo)))
                {
                    return convertible ? Plan.FieldToProperty : Plan.None;
                }

                // A field that must stay a field (several declarators, attributes such as Unity's [SerializeField],
                // writes elsewhere): read the variable in its initializer; a constant cannot read anything.
                return isConst ? Plan.None : Plan.ReplaceExpression;
            }

            if (declaration.Parent is LocalDeclarationStatementSyntax { IsConst: true })
            {
                var references = declaration.Variables.Count == 1 ? await ReferencesAsync(document, model, declarator, cancellationToken).ConfigureAwait(false) : null;
                return references is not null && !references.Any(FixerSyntax.IsInConstantContext) ? Plan.ConstLocalToLocal : Plan.None;
            }
        }

        return FixerSyntax.IsInConstantContext(node) ? Plan.None : Plan.ReplaceExpression;
    }

    /// <summary>Every reference to the declared field or local, or null when one cannot be read.</summary>
    private static async Task<IReadOnlyList<SyntaxNode>?> ReferencesAsync(Document document, SemanticModel model, VariableDeclaratorSyntax declarator, CancellationToken cancellationToken)
    {
        var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
        if (symbol is null)
        {
            return null;
        }

        var nodes = new List<SyntaxNode>();
        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true) is not { } referenceNode)
            {
                return null;
            }

            nodes.Add(referenceNode);
        }

        return nodes;
    }

    /// <summary>True for a reference that writes the field: an assignment target, <c>ref</c>/<c>out</c>, <c>++</c>/<c>--</c>.</summary>
    private static bool IsWrittenTo(SyntaxNode reference)
    {
        var expression = reference.Parent is MemberAccessExpressionSyntax access && access.Name == reference ? access : reference;
        return expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => !expression.Parent.IsKind(SyntaxKind.LogicalNotExpression),
            _ => false,
        };
    }

    private static Document Apply(Document document, SyntaxNode root, ExpressionSyntax node, Plan plan, string variable)
    {
        var read = FixerSyntax.ReadEnvironmentVariable(variable);
        switch (plan)
        {
            case Plan.FieldToProperty:
            {
                // public const string Key = "…";  →  public static string Key => Environment.GetEnvironmentVariable("…") ?? throw …;
                // The key is read where it is used, so a missing variable fails there with a clear message, not with a
                // TypeInitializationException the first time the class is touched.
                var field = node.FirstAncestorOrSelf<FieldDeclarationSyntax>()!;
                var property = SyntaxFactory.PropertyDeclaration(field.Declaration.Type.WithoutTrivia(), field.Declaration.Variables[0].Identifier.WithoutTrivia())
                    .WithModifiers(PropertyModifiers(field.Modifiers))
                    .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(read))
                    .WithSemicolonToken(field.SemicolonToken)
                    .WithLeadingTrivia(field.GetLeadingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return document.WithSyntaxRoot(root.ReplaceNode(field, property));
            }

            case Plan.ConstLocalToLocal:
            {
                var local = node.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>()!;
                var constKeyword = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                var changed = local.ReplaceNode(node, read.WithTriviaFrom(node));
                changed = changed.WithModifiers(changed.Modifiers.Remove(changed.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword)))).WithLeadingTrivia(constKeyword.LeadingTrivia);
                return document.WithSyntaxRoot(root.ReplaceNode(local, changed));
            }

            default:
                return document.WithSyntaxRoot(root.ReplaceNode(node, read.WithTriviaFrom(node)));
        }
    }

    /// <summary>The field's modifiers for a get-only property: <c>const</c> becomes <c>static</c>, <c>readonly</c> goes.</summary>
    private static SyntaxTokenList PropertyModifiers(SyntaxTokenList modifiers)
    {
        var result = new List<SyntaxToken>();
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.ConstKeyword))
            {
                result.Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTriviaFrom(modifier));
            }
            else if (!modifier.IsKind(SyntaxKind.ReadOnlyKeyword))
            {
                result.Add(modifier);
            }
        }

        return SyntaxFactory.TokenList(result.Select((m, i) => i == 0 ? m.WithLeadingTrivia() : m));
    }
}
