using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.KeyLiterals;

namespace SupabaseKeyAnalyzers.CodeFixes;

/// <summary>Syntax helpers shared by the fixers.</summary>
internal static class FixerSyntax
{
    /// <summary>
    /// True when a fix may edit the code a diagnostic points at: a C# document of the user's. Never C# generated from a
    /// Razor file (or any source-generated document): editing it changes nothing, and Razor tooling offers only its
    /// own C# code actions in <c>.razor</c> files. Diagnostics in non-C# files (shipped files, Razor text) have no document.
    /// </summary>
    public static bool CanFix(Document document, Diagnostic diagnostic)
        => diagnostic.Location.IsInSource
           && document is not SourceGeneratedDocument
           && !RazorCode.IsGeneratedFromRazor(diagnostic.Location.SourceTree!);

    /// <summary>The expression a diagnostic was reported on.</summary>
    public static async Task<(SyntaxNode Root, T Node)?> FindAsync<T>(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        where T : SyntaxNode
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is T node ? (root, node) : null;
    }

    /// <summary>
    /// <c>Environment.GetEnvironmentVariable("NAME") ?? throw new InvalidOperationException("Set the NAME environment variable.")</c>,
    /// with names simplified against the usings in scope.
    /// </summary>
    public static ExpressionSyntax ReadEnvironmentVariable(string variable)
        => ParseSimplified($"global::System.Environment.GetEnvironmentVariable(\"{variable}\") ?? throw new global::System.InvalidOperationException(\"Set the {variable} environment variable.\")");

    /// <summary>
    /// Parses an expression written with <c>global::</c> names; every name is marked for simplification, so it reads
    /// as the usings in scope allow (<c>Environment</c> with <c>using System;</c>, <c>System.Environment</c> without).
    /// </summary>
    public static ExpressionSyntax ParseSimplified(string text)
    {
        var expression = SyntaxFactory.ParseExpression(text);
        return expression
            .ReplaceNodes(expression.DescendantNodes().Where(n => n is NameSyntax or MemberAccessExpressionSyntax), (_, n) => n.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    /// <summary>
    /// <see cref="ParseSimplified(string)"/> with the identifier <c>KEY</c> in <paramref name="text"/> replaced by
    /// <paramref name="key"/>, which keeps its own form.
    /// </summary>
    public static ExpressionSyntax ParseSimplified(string text, ExpressionSyntax key)
    {
        var expression = ParseSimplified(text);
        var placeholder = expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Single(n => n.Identifier.ValueText == "KEY");
        return expression.ReplaceNode(placeholder, key);
    }

    /// <summary>A string literal with <paramref name="value"/>, UTF-8 (<c>"…"u8</c>) when the original was.</summary>
    public static ExpressionSyntax StringLiteral(string value, bool utf8)
    {
        var literal = SyntaxFactory.Literal(value);
        if (!utf8)
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, literal);
        }

        var token = SyntaxFactory.Token(default, SyntaxKind.Utf8StringLiteralToken, literal.Text + "u8", value, default);
        return SyntaxFactory.LiteralExpression(SyntaxKind.Utf8StringLiteralExpression, token);
    }

    /// <summary>
    /// True when <paramref name="node"/> sits where C# demands a constant (attribute argument, case label, pattern,
    /// parameter default, <c>const</c> declaration).
    /// </summary>
    public static bool IsInConstantContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case RelationalPatternSyntax:
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                    return true;
                case VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field }:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local }:
                    return local.IsConst;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// True when nothing uses the value of <paramref name="expression"/>: an expression statement, or the expression body
    /// of a member, local function or lambda that returns nothing. Such an expression can become any other expression.
    /// </summary>
    public static bool IsValueDiscarded(ExpressionSyntax expression, SemanticModel model)
    {
        switch (expression.Parent)
        {
            case ExpressionStatementSyntax:
                return true;
            case ArrowExpressionClauseSyntax { Parent: var member }:
                return member switch
                {
                    MethodDeclarationSyntax method => method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword },
                    LocalFunctionStatementSyntax local => local.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword },
                    AccessorDeclarationSyntax accessor => !accessor.IsKind(SyntaxKind.GetAccessorDeclaration),
                    ConstructorDeclarationSyntax or DestructorDeclarationSyntax => true,
                    _ => false,
                };
            case AnonymousFunctionExpressionSyntax lambda when lambda.ExpressionBody == expression:
                return model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true };
            default:
                return false;
        }
    }

    /// <summary>
    /// The root without a write that is its own statement (<c>h["Authorization"] = t;</c>, <c>client.Realtime.SetAuth(t);</c>)
    /// or an entry of an initializer (<c>["Authorization"] = t</c>, <c>{ "Authorization", t }</c>, <c>SessionHandler = h</c>);
    /// null when the write is part of a larger expression.
    /// </summary>
    public static SyntaxNode? RemoveWrite(SyntaxNode root, SyntaxNode write)
    {
        switch (write)
        {
            case ExpressionSyntax { Parent: ExpressionStatementSyntax statement } when statement.Parent is BlockSyntax or GlobalStatementSyntax:
                return root.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            case ExpressionSyntax { Parent: InitializerExpressionSyntax container } entry:
                return root.ReplaceNode(container, container.WithExpressions(container.Expressions.Remove(entry)).WithAdditionalAnnotations(Formatter.Annotation));
            default:
                return null;
        }
    }

    /// <summary>Skips parentheses upwards.</summary>
    public static SyntaxNode? WalkUpParentheses(SyntaxNode node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    public static bool IsUtf8(ExpressionSyntax expression) => expression.IsKind(SyntaxKind.Utf8StringLiteralExpression);

    /// <summary>
    /// The one accessible <c>const string</c> field of the compilation whose value is exactly one key that
    /// <paramref name="wanted"/> accepts, or null when there is none or more than one. Constants defined as another
    /// constant (<c>const string Key = Keys.Anon;</c>) are aliases, not a second key.
    /// </summary>
    public static IFieldSymbol? FindSingleKeyConstant(SemanticModel model, SyntaxNode node, System.Func<KeyMatch, bool> wanted, CancellationToken cancellationToken)
    {
        var within = model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType;
        var compilation = model.Compilation;
        IFieldSymbol? found = null;
        foreach (var name in KeyCandidates.GetOrCreate(compilation).ConstantNames)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IFieldSymbol { IsConst: true, ConstantValue: string constant } field
                    && KeyClassifier.ClassifyWhole(constant) is { } key && wanted(key)
                    && !IsAlias(field, cancellationToken)
                    && (within is null || compilation.IsSymbolAccessibleWithin(field, within)))
                {
                    if (found is not null && !SymbolEqualityComparer.Default.Equals(found, field))
                    {
                        return null;
                    }

                    found = field;
                }
            }
        }

        return found;
    }

    private static bool IsAlias(IFieldSymbol field, CancellationToken cancellationToken)
        => field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax
        {
            Initializer.Value: IdentifierNameSyntax or MemberAccessExpressionSyntax,
        };
}
