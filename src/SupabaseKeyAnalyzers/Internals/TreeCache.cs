using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>What one of the package's per-tree answers is kept in (<see cref="TreeCache.GetOrCreate{T}"/>).</summary>
internal enum TreeSlot
{
    /// <summary><see cref="TreeText"/>: where each shared part of the gate names occurs.</summary>
    PartHits,

    /// <summary><c>ServiceRegistrations</c>: the tree's registration calls and aliases.</summary>
    Registrations,

    /// <summary><c>KeyCandidates</c>: the tree's key-start tokens and constants.</summary>
    KeyScan,
}

/// <summary>
/// Everything the package caches about one syntax tree, in one object per tree: where the words of each rule's gate
/// start (<see cref="TreeGate"/>) and the answers kept in a <see cref="TreeSlot"/>. Each tree costs one entry of one
/// <see cref="ConditionalWeakTable{TKey, TValue}"/> (a weak handle the garbage collector follows) whatever the number
/// of rules and indexes that ask about it, and an unchanged file keeps its answers across the compilations of an editing
/// session. Answers are computed outside any lock: two threads asking at once may both compute; the first answer stored
/// is kept, and both are the same.
/// </summary>
internal sealed class TreeCache
{
    /// <summary>Each gate takes two bits of <see cref="gates"/>: answered, and admitted.</summary>
    public const int MaxGates = 32;

    private static readonly ConditionalWeakTable<SyntaxTree, TreeCache> Trees = new();
    private static readonly ConditionalWeakTable<SyntaxTree, TreeCache>.CreateValueCallback Create = _ => new TreeCache();

    private readonly object?[] slots = new object?[(int)TreeSlot.KeyScan + 1];
    private long gates;

    /// <summary>Per gate: where its words start identifiers, in the trees that name one (created on first use).</summary>
    private int[]?[]? wordStarts;

    private TreeCache()
    {
    }

    /// <summary>
    /// The last tree each thread asked about, and its cache: the driver runs a declaration's callbacks on one thread, so
    /// most questions end here rather than in the weak table's lookup (two fields: nothing is allocated per tree). A
    /// thread keeps its last tree alive until it asks about another, as each gate keeps its last one.
    /// </summary>
    [ThreadStatic]
    private static SyntaxTree? lastTree;

    [ThreadStatic]
    private static TreeCache? lastCache;

    /// <summary>The cache of <paramref name="tree"/>, created on first use.</summary>
    public static TreeCache Of(SyntaxTree tree)
    {
        if (ReferenceEquals(lastTree, tree) && lastCache is { } cached)
        {
            return cached;
        }

        var cache = Trees.TryGetValue(tree, out var found) ? found : Trees.GetValue(tree, Create);
        lastTree = tree;
        lastCache = cache;
        return cache;
    }

    /// <summary>
    /// The answer kept in <paramref name="slot"/>, computed by <paramref name="create"/> on first use (a static
    /// delegate: a cached answer is found without allocating).
    /// </summary>
    public static T GetOrCreate<T>(SyntaxTree tree, TreeSlot slot, Func<SyntaxTree, CancellationToken, T> create, CancellationToken cancellationToken)
        where T : class
    {
        var slots = Of(tree).slots;
        if (Volatile.Read(ref slots[(int)slot]) is T cached)
        {
            return cached;
        }

        var created = create(tree, cancellationToken);
        return (T?)Interlocked.CompareExchange(ref slots[(int)slot], created, null) ?? created;
    }

    /// <summary>The answer of gate <paramref name="gate"/> for this tree, or null when it has not been given yet.</summary>
    private bool? GateAnswer(int gate)
    {
        var bits = Volatile.Read(ref gates) >> (2 * gate);
        return (bits & 2) == 0 ? null : (bits & 1) != 0;
    }

    /// <summary>Keeps the answer of gate <paramref name="gate"/>.</summary>
    private void SetGateAnswer(int gate, bool admitted)
    {
        var answer = (admitted ? 3L : 2L) << (2 * gate);
        long seen;
        do
        {
            seen = Volatile.Read(ref gates);
        }
        while (Interlocked.CompareExchange(ref gates, seen | answer, seen) != seen);
    }

    /// <summary>
    /// Where the words of gate <paramref name="gate"/> start identifiers in this tree, or null when not searched yet. A
    /// tree that names none of them keeps only the gate's answer bits, so most trees hold no array for it.
    /// </summary>
    public int[]? WordStarts(int gate) => GateAnswer(gate) switch
    {
        null => null,
        false => Array.Empty<int>(),
        true => Volatile.Read(ref wordStarts)?[gate],
    };

    /// <summary>Keeps where the words of gate <paramref name="gate"/> start identifiers.</summary>
    public void SetWordStarts(int gate, int[] starts)
    {
        if (starts.Length > 0)
        {
            var perGate = Volatile.Read(ref wordStarts) ?? Interlocked.CompareExchange(ref wordStarts, new int[MaxGates][], null) ?? wordStarts!;
            Volatile.Write(ref perGate[gate], starts);
        }

        // The answer bits last: a thread that reads them true finds the positions.
        SetGateAnswer(gate, starts.Length > 0);
    }
}
