using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.Keys;

namespace SupabaseKeyAnalyzers.KeyLiterals;

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
    }

    /// <summary>
    /// The syntax-only prefilter: false when the chain rooted at <paramref name="root"/> cannot hold a key, so that
    /// nothing is bound for it.
    /// </summary>
    private static bool MayHoldKey(ExpressionSyntax root, KeyCandidates candidates, KeyCandidates.TreeScan scan)
        => root is LiteralExpressionSyntax literal
            ? KeyClassifier.MayContainKey(literal.Token.ValueText)
            : MayFormString(root) && HasKeyStart(root, candidates, scan);

    /// <summary>
    /// Every key formed in a tree's C#, each once, where its value is first formed; only the chains
    /// <paramref name="candidates"/> point at are bound. In C# generated from a Razor file, only keys formed by
    /// concatenation at mapped locations: a key written as one literal is found by the scan of the Razor file itself.
    /// Found once per tree of the compilation: SBK001/SBK004 and SBK007 ask about every tree.
    /// </summary>
    public static IReadOnlyList<Finding> FindInTree(SemanticModel model, KeyCandidates candidates, System.Threading.CancellationToken cancellationToken)
        => candidates.Findings.TryGetValue(model.SyntaxTree, out var cached)
            ? cached
            : candidates.Findings.GetOrAdd(model.SyntaxTree, Find(model, candidates, cancellationToken));

    private static IReadOnlyList<Finding> Find(SemanticModel model, KeyCandidates candidates, System.Threading.CancellationToken cancellationToken)
    {
        var tree = model.SyntaxTree;
        var fromRazor = RazorCode.IsGeneratedFromRazor(tree);
        var scan = KeyCandidates.Scan(tree, cancellationToken);
        var findings = new List<Finding>();
        foreach (var root in candidates.ChainRoots(tree, cancellationToken))
        {
            if (MayHoldKey(root, candidates, scan))
            {
                Visit(root, model, findings, cancellationToken, depth: 0);
            }
        }

        if (fromRazor)
        {
            findings.RemoveAll(f => f.Expression is LiteralExpressionSyntax || !RazorCode.IsReportable(f.Expression.GetLocation()));
        }

        return findings.Count == 0 ? Array.Empty<Finding>() : findings;
    }

    /// <summary>
    /// Syntax-only test that keeps binding away from arithmetic (<c>i + 1</c>): a chain can only form a string when it
    /// has a string literal, an interpolation, or only names as leaves.
    /// </summary>
    private static bool MayFormString(ExpressionSyntax node)
    {
        // Iterative along the left spine: concatenation chains are left-deep and can be thousands of terms long.
        while (true)
        {
            switch (node)
            {
                case InterpolatedStringExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    return true;
                case ParenthesizedExpressionSyntax parenthesized:
                    node = parenthesized.Expression;
                    continue;
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.StringLiteralExpression);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary:
                    var left = LeafKind(binary.Left);
                    var right = LeafKind(binary.Right);
                    if (left == Leaf.Number || right == Leaf.Number)
                    {
                        return false;
                    }

                    if (left == Leaf.String || right == Leaf.String)
                    {
                        return true;
                    }

                    if (binary.Right is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax or BinaryExpressionSyntax))
                    {
                        return false;
                    }

                    node = binary.Left;
                    continue;
                default:
                    return false;
            }
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

    /// <summary>
    /// Finds the keys of a chain: for each maximal constant part, every key of its value is reported at the deepest
    /// part that still holds all of it; non-constant parts are searched below. Literals are read without binding.
    /// </summary>
    private static void Visit(ExpressionSyntax node, SemanticModel model, List<Finding> findings, System.Threading.CancellationToken cancellationToken, int depth)
    {
        if (depth > SourceSyntax.MaxChainDepth || node is IdentifierNameSyntax or MemberAccessExpressionSyntax)
        {
            // Names are never where a key is formed: a constant's key is reported at its declaration.
            return;
        }

        var value = SourceSyntax.ConstantString(node, model, cancellationToken);
        if (value is not null)
        {
            if (KeyClassifier.MayContainKey(value))
            {
                foreach (var key in KeyClassifier.FindKeys(value))
                {
                    Locate(node, value, key, model, findings, cancellationToken, depth);
                }
            }

            return;
        }

        if (node is InterpolatedStringExpressionSyntax interpolated)
        {
            // A non-constant interpolation: its text parts can still hold a key.
            foreach (var text in interpolated.Contents.OfType<InterpolatedStringTextSyntax>())
            {
                foreach (var key in KeyClassifier.FindKeys(text.TextToken.ValueText))
                {
                    findings.Add(new Finding(interpolated, text.TextToken.ValueText, key));
                }
            }
        }

        foreach (var child in ChainChildren(node))
        {
            Visit(child, model, findings, cancellationToken, depth + 1);
        }
    }

    /// <summary>Reports <paramref name="key"/> at the deepest part of <paramref name="node"/> whose value holds all of it.</summary>
    private static void Locate(ExpressionSyntax node, string value, KeyMatch key, SemanticModel model, List<Finding> findings, System.Threading.CancellationToken cancellationToken, int depth)
    {
        var keyText = key.GetText(value);
        foreach (var child in ChainChildren(node))
        {
            var childValue = SourceSyntax.ConstantString(child, model, cancellationToken);
            var start = childValue?.IndexOf(keyText, StringComparison.Ordinal) ?? -1;
            if (start < 0)
            {
                continue;
            }

            if (child is IdentifierNameSyntax or MemberAccessExpressionSyntax)
            {
                // Formed in a constant declared elsewhere: reported there.
                return;
            }

            if (depth < SourceSyntax.MaxChainDepth)
            {
                Locate(child, childValue!, new KeyMatch(start, key.Length, key.Kind, key.IsLocalDevelopment), model, findings, cancellationToken, depth + 1);
                return;
            }
        }

        findings.Add(new Finding(node, value, key));
    }

    private static IEnumerable<ExpressionSyntax> ChainChildren(ExpressionSyntax node) => node switch
    {
        ParenthesizedExpressionSyntax parenthesized => new[] { parenthesized.Expression },
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary => new[] { binary.Left, binary.Right },
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolationSyntax>().Select(i => i.Expression),
        _ => Array.Empty<ExpressionSyntax>(),
    };

    /// <summary>
    /// Syntax-only test that keeps binding away from chains that cannot hold a key: some part must bring a key's start
    /// (<c>sb</c> or <c>eyJ</c>), as a literal or through a constant known to hold one.
    /// </summary>
    private static bool HasKeyStart(ExpressionSyntax root, KeyCandidates candidates, KeyCandidates.TreeScan scan)
    {
        foreach (var token in root.DescendantTokens())
        {
            if (SourceSyntax.IsStringToken(token) ? KeyClassifier.HasKeyStart(token.ValueText) : token.IsKind(SyntaxKind.IdentifierToken) && candidates.IsKeyConstant(token, scan))
            {
                return true;
            }
        }

        return false;
    }
}
