using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

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

    /// <summary>The last tree asked about and where its words start: callbacks come tree by tree, so most questions end here.</summary>
    private Tuple<SyntaxTree, int[]>? last;

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

    /// <summary>True when the tree can hold what the rule matches: when it names one of the gate's words.</summary>
    public bool Admits(SyntaxTree tree, CancellationToken cancellationToken)
        => words.Length == 0 || WordStarts(tree, cancellationToken).Length > 0;

    /// <summary>
    /// True when the operation blocks of one declaration (a method body, an initializer) can hold what the rule
    /// matches: when the tree is admitted and, for a gate made with <see cref="InMatchedCode"/>, when a word of the gate
    /// starts within one block's span (a halving search of where the words start in the tree, searched once per tree).
    /// </summary>
    public bool AdmitsBlock(ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (blocks.IsEmpty)
        {
            return false;
        }

        if (!inMatchedCode)
        {
            return Admits(blocks[0].Syntax.SyntaxTree, cancellationToken);
        }

        foreach (var block in blocks)
        {
            var starts = WordStarts(block.Syntax.SyntaxTree, cancellationToken);
            var span = block.Syntax.Span;
            var first = Array.BinarySearch(starts, span.Start);
            first = first < 0 ? ~first : first;
            if (first < starts.Length && starts[first] < span.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the words of this gate start identifiers in <paramref name="tree"/>, in text order (cached per tree).</summary>
    private int[] WordStarts(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var cached = last;
        if (cached is not null && ReferenceEquals(cached.Item1, tree))
        {
            return cached.Item2;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var cache = index < TreeCache.MaxGates ? TreeCache.Of(tree) : null;
        if (cache?.WordStarts(index) is not { } starts)
        {
            List<int>? all = null;
            foreach (var word in words)
            {
                if (TreeText.Starts(tree, word, CancellationToken.None) is { Length: > 0 } found)
                {
                    (all ??= new List<int>()).AddRange(found);
                }
            }

            all?.Sort();
            starts = all?.ToArray() ?? Array.Empty<int>();
            cache?.SetWordStarts(index, starts);
        }

        last = Tuple.Create(tree, starts);
        return starts;
    }
}
