using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>Syntax facts shared by the analyzers and the fixers.</summary>
internal static class SourceSyntax
{
    /// <summary>
    /// The constant string value of an expression: folded from syntax when it is made of string literals only (no
    /// binding), else from the semantic model for names, concatenations and interpolations; null when not constant.
    /// </summary>
    public static string? ConstantString(ExpressionSyntax node, SemanticModel model, CancellationToken cancellationToken)
    {
        var folded = FoldLiterals(node, 0);
        if (folded is not null || node is LiteralExpressionSyntax)
        {
            return folded;
        }

        if (node is not (ParenthesizedExpressionSyntax or BinaryExpressionSyntax or InterpolatedStringExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            return null;
        }

        var constant = model.GetConstantValue(node, cancellationToken);
        return constant.HasValue ? constant.Value as string : null;
    }

    /// <summary>
    /// A token that holds string text: a literal, an interpolation's text, and (where the compiler knows them) raw and
    /// UTF-8 string literals. Roslyn 3.7 (the Unity 2021–2023 flavor) parses neither, so there they cannot occur.
    /// </summary>
    public static bool IsStringToken(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken
#if !ROSLYN_3_7
        or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
        or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
#endif
        ;

    /// <summary>A namespace declaration, block-bodied or (where the compiler knows them) file-scoped.</summary>
    public static bool IsNamespaceDeclaration(SyntaxNode node)
#if ROSLYN_3_7
        => node is NamespaceDeclarationSyntax;
#else
        => node is BaseNamespaceDeclarationSyntax;
#endif

    /// <summary>
    /// A call of a constructor written in the source: <c>new T(…)</c>, target-typed <c>new(…)</c>, <c>: this(…)</c>,
    /// <c>: base(…)</c> and a record's <c>: Base(…)</c> (where the compiler knows them).
    /// </summary>
    public static bool IsConstructorCall(SyntaxNode node)
#if ROSLYN_3_7
        => node is ObjectCreationExpressionSyntax or ConstructorInitializerSyntax;
#else
        => node is BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax;
#endif

    /// <summary>A UTF-8 string literal (<c>"…"u8</c>), which is not a <c>string</c>.</summary>
    public static bool IsUtf8Literal(SyntaxNode node)
#if ROSLYN_3_7
        => false;
#else
        => node.IsKind(SyntaxKind.Utf8StringLiteralExpression);
#endif

    /// <summary>Deeply nested concatenations: the compiler folds them; walking further adds nothing.</summary>
    internal const int MaxChainDepth = 200;

    /// <summary>The value of a chain made of string literals only, or null.</summary>
    private static string? FoldLiterals(ExpressionSyntax node, int depth)
    {
        if (depth > MaxChainDepth)
        {
            return null;
        }

        switch (node)
        {
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression) || IsUtf8Literal(literal) ? literal.Token.ValueText : null;
            case ParenthesizedExpressionSyntax parenthesized:
                return FoldLiterals(parenthesized.Expression, depth + 1);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary
                when !IsUtf8Literal(binary.Left) && !IsUtf8Literal(binary.Right):
                var left = FoldLiterals(binary.Left, depth + 1);
                var right = left is null ? null : FoldLiterals(binary.Right, depth + 1);
                return right is null ? null : left + right;
            case InterpolatedStringExpressionSyntax interpolated:
                var builder = new System.Text.StringBuilder();
                foreach (var content in interpolated.Contents)
                {
                    if (content is not InterpolatedStringTextSyntax text)
                    {
                        return null;
                    }

                    builder.Append(text.TextToken.ValueText);
                }

                return builder.ToString();
            default:
                return null;
        }
    }
}
