using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// Whether a syntax tree can hold what a rule matches, decided from the tree's text alone
/// (<see cref="TreeText"/>, no binding) and cached per tree with the package's other answers about it
/// (<see cref="TreeCache"/>): an unchanged file is not looked at again in the next compilation of an editing session.
/// A rule's gate names the identifiers one of which any code it reports must contain (a member the rule matches by
/// name: <c>SignUp</c>, <c>SessionHandler</c>…; a prefix such as <c>SignIn</c> covers <c>SignInWithPassword</c>), so
/// that a tree without them costs the rule one search of its text and a cached lookup per callback, and nothing else.
/// A gate made with <see cref="InMatchedCode"/> also rules out, in an admitted tree, each operation block (a method
/// body, an initializer) whose own text names none of its words (<see cref="AdmitsBlock"/>).
/// </summary>
internal sealed class TreeGate
{
    /// <summary>Every tree: for rules whose matches cannot be told from identifiers.</summary>
    public static readonly TreeGate Everywhere = new(Array.Empty<string>());

    /// <summary>How many gates have been created: each takes the next index of <see cref="TreeCache"/>'s answers.</summary>
    private static int count;

    private readonly string[] words;
    private readonly int index;

    /// <summary>True when the code a rule matches names one of <see cref="words"/> in its own syntax.</summary>
    private readonly bool inMatchedCode;

    /// <summary>The last tree asked about and the answer: callbacks come tree by tree, so most questions end here.</summary>
    private Tuple<SyntaxTree, bool>? last;

    private TreeGate(string[] words, bool inMatchedCode = false)
    {
        this.words = words;
        this.inMatchedCode = inMatchedCode;

        // Gates are static fields of the rules, a handful per process; one beyond TreeCache.MaxGates decides each time.
        index = words.Length == 0 ? -1 : Interlocked.Increment(ref count) - 1;
    }

    /// <summary>True for <see cref="Everywhere"/>: no tree is ruled out.</summary>
    public bool AdmitsEverything => words.Length == 0;

    /// <summary>A gate admitting the trees that name any of <paramref name="words"/>.</summary>
    public static TreeGate AnyOf(params string[] words) => new(words.ToArray());

    /// <summary>
    /// A gate admitting the trees, and in them the operation blocks, that name any of <paramref name="words"/>: for
    /// rules whose matched operation itself names one (a call names its method, an assignment its member). Not for
    /// words a rule can meet through a constant declared elsewhere (a header name such as <c>Authorization</c>).
    /// </summary>
    public static TreeGate InMatchedCode(params string[] words) => new(words.ToArray(), inMatchedCode: true);

    /// <summary>True when the tree can hold what the rule matches.</summary>
    public bool Admits(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (words.Length == 0)
        {
            return true;
        }

        var cached = last;
        if (cached is not null && ReferenceEquals(cached.Item1, tree))
        {
            return cached.Item2;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var cache = index < TreeCache.MaxGates ? TreeCache.Of(tree) : null;
        if (cache?.GateAnswer(index) is not { } answer)
        {
            answer = NamesAWord(tree, span: null);
            cache?.SetGateAnswer(index, answer);
        }

        last = Tuple.Create(tree, answer);
        return answer;
    }

    /// <summary>
    /// True when one of <paramref name="blocks"/> (the operation blocks of one declaration, in a tree this gate admits)
    /// can hold what the rule matches: always for a gate not made with <see cref="InMatchedCode"/>.
    /// </summary>
    public bool AdmitsBlock(ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (!inMatchedCode)
        {
            return true;
        }

        foreach (var block in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (NamesAWord(block.Syntax.SyntaxTree, block.Syntax.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the tree, or its <paramref name="span"/> when given, names one of <see cref="words"/>.</summary>
    private bool NamesAWord(SyntaxTree tree, TextSpan? span)
    {
        foreach (var word in words)
        {
            if (span is { } within ? TreeText.MayNameWithin(tree, word, within, CancellationToken.None) : TreeText.MayName(tree, word, CancellationToken.None))
            {
                return true;
            }
        }

        return false;
    }
}
