using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SupabaseKeyAnalyzers.Keys;

namespace SupabaseKeyAnalyzers.Resolution;

/// <summary>
/// Finds keys in constant string expressions (regular, verbatim, raw and UTF-8 literals, constant concatenations and
/// interpolations, <c>const</c> references) and reports each key once, at the expression where its full value is
/// first formed: <c>$"{A}{B}"</c>, not the <c>A</c> literal that holds only a prefix.
/// </summary>
internal static class ConstantKeyFinder
{
    /// <summary>A key and the expression whose constant value first holds all of it.</summary>
    internal readonly struct Finding
    {
        public Finding(ExpressionSyntax expression, string value, KeyMatch key)
        {
            Expression = expression;
            Value = value;
            Key = key;
        }

        public ExpressionSyntax Expression { get; }

        /// <summary>The expression's whole constant value.</summary>
        public string Value { get; }

        public KeyMatch Key { get; }

        public string KeyText => Key.GetText(Value);
    }

    /// <summary>
    /// True when the node is the root of a string-forming chain: analyze it; its literal, concatenation and
    /// interpolation descendants are covered by the root.
    /// </summary>
    public static bool IsChainRoot(ExpressionSyntax node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is not (BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or InterpolationSyntax);
    }

    /// <summary>Finds every key formed inside the chain rooted at <paramref name="root"/>.</summary>
    public static void Find(ExpressionSyntax root, SemanticModel model, List<Finding> findings, System.Threading.CancellationToken cancellationToken)
    {
        if (root is LiteralExpressionSyntax literal)
        {
            // Fast path: no binding for plain literals.
            AddLiteral(literal, findings);
            return;
        }

        if (!MayFormString(root))
        {
            return;
        }

        Visit(root, model, findings, cancellationToken, depth: 0);
    }

    private static void AddLiteral(LiteralExpressionSyntax literal, List<Finding> findings)
    {
        if (!literal.IsKind(SyntaxKind.StringLiteralExpression) && !literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
        {
            return;
        }

        var value = literal.Token.ValueText;
        foreach (var key in KeyClassifier.FindKeys(value))
        {
            findings.Add(new Finding(literal, value, key));
        }
    }

    /// <summary>
    /// Syntax-only test that keeps binding away from arithmetic (<c>i + 1</c>): a chain can only form a string when it
    /// has a string literal, an interpolation, or only names as leaves.
    /// </summary>
    private static bool MayFormString(ExpressionSyntax node)
    {
        switch (node)
        {
            case InterpolatedStringExpressionSyntax:
                return true;
            case ParenthesizedExpressionSyntax parenthesized:
                return MayFormString(parenthesized.Expression);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary:
                var left = LeafKind(binary.Left);
                var right = LeafKind(binary.Right);
                if (left == Leaf.Number || right == Leaf.Number)
                {
                    return false;
                }

                return left == Leaf.String || right == Leaf.String || (MayFormString(binary.Left) && MayFormString(binary.Right));
            case IdentifierNameSyntax:
            case MemberAccessExpressionSyntax:
                return true;
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression);
            default:
                return false;
        }
    }

    private enum Leaf
    {
        Other,
        String,
        Number,
    }

    private static Leaf LeafKind(ExpressionSyntax node) => node switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } => Leaf.String,
        InterpolatedStringExpressionSyntax => Leaf.String,
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression or (int)SyntaxKind.CharacterLiteralExpression } => Leaf.Number,
        _ => Leaf.Other,
    };

    /// <summary>Returns the constant string value of <paramref name="node"/> (or null) and reports the keys first formed in it.</summary>
    private static string? Visit(ExpressionSyntax node, SemanticModel model, List<Finding> findings, System.Threading.CancellationToken cancellationToken, int depth)
    {
        if (depth > 200)
        {
            // Deeply nested concatenations: the compiler folds them, we do not need to walk them all.
            return null;
        }

        switch (node)
        {
            case LiteralExpressionSyntax literal:
                AddLiteral(literal, findings);
                return literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

            case ParenthesizedExpressionSyntax parenthesized:
                return Visit(parenthesized.Expression, model, findings, cancellationToken, depth + 1);

            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary:
            {
                var value = ConstantString(node, model, cancellationToken);
                if (value is not null && !KeyClassifier.MayContainKey(value))
                {
                    return value;
                }

                var parts = new List<string?>(2)
                {
                    Visit(binary.Left, model, findings, cancellationToken, depth + 1),
                    Visit(binary.Right, model, findings, cancellationToken, depth + 1),
                };
                AddFormedHere(node, value, parts, findings);
                return value;
            }

            case InterpolatedStringExpressionSyntax interpolated:
            {
                var value = ConstantString(node, model, cancellationToken);
                if (value is not null && !KeyClassifier.MayContainKey(value))
                {
                    return value;
                }

                var parts = new List<string?>(interpolated.Contents.Count);
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        var textValue = text.TextToken.ValueText;
                        parts.Add(textValue);
                        if (value is null)
                        {
                            // A non-constant interpolation: its text parts can still hold a key.
                            foreach (var key in KeyClassifier.FindKeys(textValue))
                            {
                                findings.Add(new Finding(interpolated, textValue, key));
                            }
                        }
                    }
                    else if (content is InterpolationSyntax interpolation)
                    {
                        parts.Add(Visit(interpolation.Expression, model, findings, cancellationToken, depth + 1));
                    }
                }

                if (value is not null)
                {
                    AddFormedHere(node, value, parts, findings);
                }

                return value;
            }

            default:
                // Names of constants: their value counts towards the parent, but they are never the place a key is formed.
                return node is IdentifierNameSyntax or MemberAccessExpressionSyntax ? ConstantString(node, model, cancellationToken) : null;
        }
    }

    private static void AddFormedHere(ExpressionSyntax node, string? value, List<string?> parts, List<Finding> findings)
    {
        if (value is null)
        {
            return;
        }

        foreach (var key in KeyClassifier.FindKeys(value))
        {
            var text = key.GetText(value);
            var formedInPart = false;
            foreach (var part in parts)
            {
                if (part is not null && part.IndexOf(text, StringComparison.Ordinal) >= 0)
                {
                    formedInPart = true;
                    break;
                }
            }

            if (!formedInPart)
            {
                findings.Add(new Finding(node, value, key));
            }
        }
    }

    private static string? ConstantString(ExpressionSyntax node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(node, cancellationToken);
        return constant.HasValue ? constant.Value as string : null;
    }
}
