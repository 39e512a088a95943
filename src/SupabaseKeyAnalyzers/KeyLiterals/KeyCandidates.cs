using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.Keys;

namespace SupabaseKeyAnalyzers.KeyLiterals;

/// <summary>
/// Where a compilation can hold a key, found without binding: the string tokens that hold a key's start (<c>sb</c>,
/// <c>eyJ</c>), found by one scan of each tree's text and cached per syntax tree (an unchanged tree is not scanned
/// again in the next compilation of an editing session), and the <c>const</c> fields whose value can carry such a
/// start, so that <c>Prefix + Rest</c> is looked at only when a name in it is one of them. A tree with neither is
/// never bound.
/// </summary>
internal sealed class KeyCandidates
{
    private const int MaxConstantRounds = 4;

    private static readonly ConditionalWeakTable<Compilation, KeyCandidates> PerCompilation = new();
    private static readonly Func<SyntaxTree, CancellationToken, TreeScan> CreateScan = TreeScan.Create;

    private readonly Compilation compilation;
    private readonly Lazy<HashSet<string>> constantNames;
    private readonly Lazy<bool> hasCandidates;

    private KeyCandidates(Compilation compilation)
    {
        this.compilation = compilation;
        constantNames = new Lazy<HashSet<string>>(CollectConstantNames, LazyThreadSafetyMode.ExecutionAndPublication);
        hasCandidates = new Lazy<bool>(() => compilation.SyntaxTrees.Any(t => !Scan(t, CancellationToken.None).CandidateTokens.IsEmpty), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// False when no string of the compilation can start a key: no key can be formed in it (a key constant of a
    /// referenced assembly is the one thing this cannot see).
    /// </summary>
    public bool HasCandidates => hasCandidates.Value;

    /// <summary>The compilation's candidates, shared by every rule that looks for keys.</summary>
    public static KeyCandidates GetOrCreate(Compilation compilation) => PerCompilation.GetValue(compilation, c => new KeyCandidates(c));

    /// <summary>The keys formed in each tree's C# (<see cref="ConstantKeyFinder.FindInTree"/>), found once for every rule that reports keys.</summary>
    internal ConcurrentDictionary<SyntaxTree, IReadOnlyList<ConstantKeyFinder.Finding>> Findings { get; } = new();

    /// <summary>The names of the compilation's <c>const</c> fields whose value can carry a key's start.</summary>
    public IReadOnlyCollection<string> ConstantNames => constantNames.Value;

    /// <summary>The scan of one tree (cached for the tree's lifetime).</summary>
    public static TreeScan Scan(SyntaxTree tree, CancellationToken cancellationToken)
        => TreeCache.GetOrCreate(tree, TreeSlot.KeyScan, CreateScan, cancellationToken);

    /// <summary>
    /// True when the identifier names a <c>const</c> that can carry a key's start: a field of the compilation, or a
    /// <c>const</c> local of the tree (looked for only in trees that can hold a key at all).
    /// </summary>
    public bool IsKeyConstant(SyntaxToken identifier, TreeScan scan)
        => constantNames.Value.Contains(identifier.ValueText) || scan.ConstLocalNames.Contains(identifier.ValueText);

    /// <summary>
    /// The roots of the string-forming chains of a tree that can hold a key: those with a candidate token, and those
    /// that name a key constant. Everything else in the tree is never bound.
    /// </summary>
    public IEnumerable<ExpressionSyntax> ChainRoots(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var scan = Scan(tree, cancellationToken);
        var names = constantNames.Value;
        if (scan.CandidateTokens.IsEmpty && names.Count == 0)
        {
            // Nothing in this tree can start a key, and no constant of the compilation carries one.
            return Array.Empty<ExpressionSyntax>();
        }

        var root = tree.GetRoot(cancellationToken);
        var roots = new HashSet<ExpressionSyntax>();
        string? text = null;
        foreach (var position in scan.CandidateTokens)
        {
            if (ChainRootOf(root.FindToken(position)) is { } chain)
            {
                roots.Add(chain);
            }
        }

        foreach (var name in names.Count == 0 ? (IEnumerable<string>)scan.ConstLocalNames : Concat(names, scan.ConstLocalNames))
        {
            foreach (var position in FindIdentifier(text ??= TextOf(tree, cancellationToken), name))
            {
                var token = root.FindToken(position);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.SpanStart == position && token.ValueText == name
                    && ChainRootOf(token) is { } chain)
                {
                    roots.Add(chain);
                }
            }
        }

        return roots;
    }

    private static IEnumerable<string> Concat(HashSet<string> first, ImmutableHashSet<string> second)
    {
        foreach (var name in first)
        {
            yield return name;
        }

        foreach (var name in second)
        {
            if (!first.Contains(name))
            {
                yield return name;
            }
        }
    }

    /// <summary>
    /// The root of the string-forming chain (literals, <c>+</c>, interpolations, parentheses) a token sits in: the
    /// expression whose parent no longer forms the same string.
    /// </summary>
    private static ExpressionSyntax? ChainRootOf(SyntaxToken token)
    {
        ExpressionSyntax? node = token.Parent switch
        {
            LiteralExpressionSyntax literal => literal,
            InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } => interpolated,
            IdentifierNameSyntax name => name,
            _ => null,
        };
        while (node?.Parent is MemberAccessExpressionSyntax access && access.Name == node)
        {
            // Config.Key: the chain part is the whole member access.
            node = access;
        }

        if (node is null)
        {
            return null;
        }

        var root = node;
        for (SyntaxNode? parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                    continue;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                    root = add;
                    continue;
                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }:
                    root = interpolated;
                    parent = interpolated;
                    continue;
            }

            break;
        }

        // A name alone forms no new string: its constant's key is reported where the constant is declared.
        return root is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax ? root : null;
    }

    private HashSet<string> CollectConstantNames()
    {
        // Round 0: const fields whose initializer holds a candidate token. Then const fields that name one of those,
        // and so on: constants are made of literals and other constants only.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            names.UnionWith(Scan(tree, CancellationToken.None).KeyConstFieldNames);
        }

        if (names.Count == 0)
        {
            // No constant holds a key's start, so none is made of one: the other constants are never looked at.
            return names;
        }

        var pending = new List<TreeScan.ConstField>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            pending.AddRange(Scan(tree, CancellationToken.None).OtherConstFields);
        }

        for (var round = 0; round < MaxConstantRounds && names.Count > 0 && pending.Count > 0; round++)
        {
            var added = false;
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                if (pending[i].ReferencedNames.Any(names.Contains))
                {
                    added |= names.Add(pending[i].Name);
                    pending.RemoveAt(i);
                }
            }

            if (!added)
            {
                break;
            }
        }

        return names;
    }

    /// <summary>Positions of <paramref name="name"/> as a whole identifier in the text.</summary>
    private static IEnumerable<int> FindIdentifier(string text, string name)
    {
        for (var position = text.IndexOf(name, StringComparison.Ordinal); position >= 0; position = text.IndexOf(name, position + 1, StringComparison.Ordinal))
        {
            if ((position == 0 || !IsIdentifierChar(text[position - 1])) && (position + name.Length >= text.Length || !IsIdentifierChar(text[position + name.Length])))
            {
                yield return position;
            }
        }
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';

    /// <summary>
    /// The text of a tree as one string: free for the files a compiler reads (a <c>StringText</c> returns its source),
    /// one copy for very large files. Searching it with <see cref="string.IndexOf(string, StringComparison)"/> is
    /// vectorized.
    /// </summary>
    private static string TextOf(SyntaxTree tree, CancellationToken cancellationToken) => tree.GetText(cancellationToken).ToString();

    /// <summary>What one tree offers, from its text and syntax alone.</summary>
    internal sealed class TreeScan
    {
        private readonly SyntaxTree tree;
        private ImmutableHashSet<string>? constLocalNames;
        private ImmutableArray<ConstField> otherConstFields;

        private TreeScan(SyntaxTree tree, ImmutableArray<int> candidateTokens, ImmutableArray<string> keyConstFieldNames, ImmutableArray<ConstField> otherConstFields)
        {
            this.tree = tree;
            CandidateTokens = candidateTokens;
            KeyConstFieldNames = keyConstFieldNames;
            this.otherConstFields = otherConstFields;
        }

        /// <summary>The start of every string token whose value holds a key's start.</summary>
        public ImmutableArray<int> CandidateTokens { get; }

        /// <summary>
        /// The <c>const</c> locals of the tree (any of them may carry a key's start), collected on first use: only for
        /// trees that hold candidates or in compilations that declare key constants.
        /// </summary>
        public ImmutableHashSet<string> ConstLocalNames => constLocalNames ?? CollectConstLocalNames();

        /// <summary><c>const</c> fields whose initializer holds a candidate token.</summary>
        public ImmutableArray<string> KeyConstFieldNames { get; }

        /// <summary>
        /// The other <c>const</c> fields whose initializer names something: they carry a key's start when a name does.
        /// Collected with the key fields in a tree that holds candidates (its const fields are walked anyway), else on first
        /// use: only in compilations where a constant holds a key's start.
        /// </summary>
        public ImmutableArray<ConstField> OtherConstFields
        {
            get
            {
                if (otherConstFields.IsDefault)
                {
                    // Two rules asking at once may both collect; the answers are the same.
                    ImmutableInterlocked.InterlockedInitialize(ref otherConstFields, OtherConstFieldsOf(tree.GetRoot()));
                }

                return otherConstFields;
            }
        }

        private ImmutableHashSet<string> CollectConstLocalNames()
        {
            // Two rules asking at once may both collect; the first answer is kept.
            var names = ConstLocals(tree);
            return Interlocked.CompareExchange(ref constLocalNames, names, null) ?? names;
        }

        public static TreeScan Create(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = TextOf(tree, cancellationToken);
            var root = tree.GetRoot(cancellationToken);
            var candidates = ImmutableArray.CreateBuilder<int>();
            foreach (var position in KeyStarts(text))
            {
                var token = root.FindToken(position);
                if (token.Span.Contains(position) && IsStringToken(token) && (candidates.Count == 0 || candidates[candidates.Count - 1] != token.SpanStart)
                    && KeyClassifier.HasKeyStart(token.ValueText))
                {
                    candidates.Add(token.SpanStart);
                }
            }

            // The const fields are walked here only in a tree with candidates (the others hold no key's start), and the
            // other const fields are collected in the same walk.
            var tokens = candidates.ToImmutable();
            if (tokens.IsEmpty)
            {
                return new TreeScan(tree, tokens, ImmutableArray<string>.Empty, default);
            }

            var (keyFields, otherFields) = SplitConstFields(root, tokens);
            return new TreeScan(tree, tokens, keyFields, otherFields);
        }

        /// <summary>The const fields of a tree without candidates whose initializer names something.</summary>
        private static ImmutableArray<ConstField> OtherConstFieldsOf(SyntaxNode root) => SplitConstFields(root, ImmutableArray<int>.Empty).Others;

        /// <summary>
        /// One walk of a tree's const fields: the names of those whose initializer holds one of <paramref name="candidates"/>,
        /// and the others whose initializer names something (with no candidates, only the latter).
        /// </summary>
        private static (ImmutableArray<string> Keys, ImmutableArray<ConstField> Others) SplitConstFields(SyntaxNode root, ImmutableArray<int> candidates)
        {
            var keyFields = ImmutableArray.CreateBuilder<string>();
            var otherFields = ImmutableArray.CreateBuilder<ConstField>();
            foreach (var (name, value) in ConstFields(root))
            {
                if (HoldsCandidate(value, candidates))
                {
                    keyFields.Add(name);
                }
                else if (ReferencedNames(value) is { Length: > 0 } referenced)
                {
                    otherFields.Add(new ConstField(name, referenced));
                }
            }

            return (keyFields.ToImmutable(), otherFields.ToImmutable());
        }

        /// <summary>Positions of <c>sb</c> and <c>eyJ</c> in the text, in order (in comments and code too: the caller keeps string tokens).</summary>
        private static List<int> KeyStarts(string text)
        {
            var results = new List<int>();
            foreach (var start in new[] { "sb", "eyJ" })
            {
                for (var i = text.IndexOf(start, StringComparison.Ordinal); i >= 0; i = text.IndexOf(start, i + 1, StringComparison.Ordinal))
                {
                    results.Add(i);
                }
            }

            results.Sort();
            return results;
        }

        private static bool IsStringToken(SyntaxToken token) => SourceSyntax.IsStringToken(token);

        private static bool HoldsCandidate(ExpressionSyntax value, ImmutableArray<int> candidates)
        {
            foreach (var position in candidates)
            {
                if (value.Span.Contains(position))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The initialized <c>const</c> fields of a tree, found among member-level nodes only, never in method bodies.</summary>
        private static IEnumerable<(string Name, ExpressionSyntax Value)> ConstFields(SyntaxNode root)
        {
            foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or TypeDeclarationSyntax || SourceSyntax.IsNamespaceDeclaration(n)))
            {
                if (node is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
                {
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer?.Value is { } value)
                        {
                            yield return (variable.Identifier.ValueText, value);
                        }
                    }
                }
            }
        }

        private static ImmutableArray<string> ReferencedNames(ExpressionSyntax value)
        {
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var token in value.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    names.Add(token.ValueText);
                }
            }

            return names.ToImmutable();
        }

        /// <summary>The names of the tree's <c>const</c> locals, found from each <c>const</c> keyword: no walk of the tree.</summary>
        private static ImmutableHashSet<string> ConstLocals(SyntaxTree tree)
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var text = TextOf(tree, CancellationToken.None);
            var root = tree.GetRoot();
            for (var i = text.IndexOf("const", StringComparison.Ordinal); i >= 0; i = text.IndexOf("const", i + 1, StringComparison.Ordinal))
            {
                var token = root.FindToken(i);
                if (token.IsKind(SyntaxKind.ConstKeyword) && token.Parent is LocalDeclarationStatementSyntax local)
                {
                    foreach (var variable in local.Declaration.Variables)
                    {
                        names.Add(variable.Identifier.ValueText);
                    }
                }
            }

            return names.ToImmutable();
        }

        /// <summary>A <c>const</c> field and the names its initializer refers to.</summary>
        internal readonly struct ConstField
        {
            public ConstField(string name, ImmutableArray<string> referencedNames)
            {
                Name = name;
                ReferencedNames = referencedNames;
            }

            public string Name { get; }

            public ImmutableArray<string> ReferencedNames { get; }
        }
    }
}
