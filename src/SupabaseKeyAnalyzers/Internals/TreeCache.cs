using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>What one of the package's per-tree answers is kept in (<see cref="TreeCache.GetOrCreate{T}"/>).</summary>
internal enum TreeSlot
{
    /// <summary><c>ServiceRegistrations</c>: the tree's registration calls and aliases.</summary>
    Registrations,

    /// <summary><c>KeyCandidates</c>: the tree's key-start tokens and constants.</summary>
    KeyScan,
}

/// <summary>
/// Everything the package caches about one syntax tree, in one object per tree: the answers kept in a
/// <see cref="TreeSlot"/>. Each tree costs one entry of one <see cref="ConditionalWeakTable{TKey, TValue}"/> (a weak
/// handle the garbage collector follows) whatever the number of indexes that ask about it, and an unchanged file keeps
/// its answers across the compilations of an editing session. Answers are computed outside any lock: two threads
/// asking at once may both compute; the first answer stored is kept, and both are the same.
/// </summary>
internal sealed class TreeCache
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeCache> Trees = new();
    private static readonly ConditionalWeakTable<SyntaxTree, TreeCache>.CreateValueCallback Create = _ => new TreeCache();

    private readonly object?[] slots = new object?[(int)TreeSlot.KeyScan + 1];

    private TreeCache()
    {
    }

    /// <summary>
    /// The last tree each thread asked about, and its cache: the driver runs a declaration's callbacks on one thread, so
    /// most questions end here rather than in the weak table's lookup (two fields: nothing is allocated per tree). A
    /// thread keeps its last tree alive until it asks about another.
    /// </summary>
    [ThreadStatic]
    private static SyntaxTree? lastTree;

    [ThreadStatic]
    private static TreeCache? lastCache;

    /// <summary>The cache of <paramref name="tree"/>, created on first use.</summary>
    private static TreeCache Of(SyntaxTree tree)
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
}
