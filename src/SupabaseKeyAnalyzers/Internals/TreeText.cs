using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// Whether a syntax tree can name an identifier, answered from its text with ordinal searches (no parse walk, no
/// binding): every identifier of the tree is in its text, so a tree whose text lacks a name cannot name it. A name
/// counts where it starts an identifier (the character before it is not a letter, digit or underscore): <c>Client</c>
/// is found in <c>new Supabase.Client(</c> but not in <c>HttpClient</c>, and a prefix such as <c>SignIn</c> covers
/// <c>SignInWithPassword</c>. The answer errs only towards "maybe" (the name in a comment or a string), never towards
/// "no". It tells the tree gates which trees can hold what a rule matches, and the resolver which trees can write a
/// member, construct a type or bind a settings class.
/// </summary>
/// <remarks>
/// A name that holds one of <see cref="SharedParts"/> is answered from where that part occurs, searched once per tree
/// whichever rule asks and cached with the tree (<see cref="TreeCache"/>): <c>SessionHandler</c>,
/// <c>SetSession</c>, <c>LoadSession</c>… cost one search of each file for all the rules together, not one per name
/// and rule. Other names are searched each time they are asked: the gates cache their own answers, and the resolver
/// asks about many names (types, members) once each, which a per-tree cache of every name would only grow.
/// </remarks>
internal static class TreeText
{
    /// <summary>Parts several gate names share, most selective first (<c>SetSession</c> is found through <c>Session</c>).</summary>
    private static readonly string[] SharedParts = { "Session", "Sign", "Invoke", "Set" };

    /// <summary>Per tree, where each of <see cref="SharedParts"/> occurs in its text (null until searched).</summary>
    private static readonly Func<SyntaxTree, CancellationToken, int[]?[]> NoHitsYet = (_, _) => new int[SharedParts.Length][];

    /// <summary>True when the tree's text contains <paramref name="name"/> at the start of an identifier.</summary>
    public static bool MayName(SyntaxTree tree, string name, CancellationToken cancellationToken)
        => name.Length == 0 || FirstFrom(tree, name, 0, cancellationToken) >= 0;

    /// <summary>
    /// Where <paramref name="name"/> starts an identifier in the tree's text, in text order: the gates that also rule
    /// out operation blocks (<see cref="TreeGate.InMatchedCode"/>) find a block's words by halving these.
    /// </summary>
    public static int[] Starts(SyntaxTree tree, string name, CancellationToken cancellationToken)
    {
        List<int>? found = null;
        for (var at = name.Length == 0 ? -1 : FirstFrom(tree, name, 0, cancellationToken); at >= 0; at = FirstFrom(tree, name, at + 1, cancellationToken))
        {
            (found ??= new List<int>()).Add(at);
        }

        return found?.ToArray() ?? Array.Empty<int>();
    }

    /// <summary>The first position from <paramref name="from"/> on where <paramref name="name"/> starts an identifier, or -1.</summary>
    private static int FirstFrom(SyntaxTree tree, string name, int from, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = TextOf(tree, cancellationToken);
        for (var part = 0; part < SharedParts.Length; part++)
        {
            var offset = name.IndexOf(SharedParts[part], StringComparison.Ordinal);
            if (offset >= 0)
            {
                var perPart = TreeCache.GetOrCreate(tree, TreeSlot.PartHits, NoHitsYet, cancellationToken);

                var hits = Volatile.Read(ref perPart[part]);
                if (hits is null)
                {
                    // Two rules asking at once may both search; the answers are the same.
                    hits = Find(text, SharedParts[part]);
                    Volatile.Write(ref perPart[part], hits);
                }

                // The hits are in text order: the search starts at the first one from 'from' on, found by halving.
                var first = Array.BinarySearch(hits, from + offset);
                for (var i = first < 0 ? ~first : first; i < hits.Length; i++)
                {
                    if (StartsIdentifier(text, hits[i] - offset, name))
                    {
                        return hits[i] - offset;
                    }
                }

                return -1;
            }
        }

        for (var at = from < text.Length ? text.IndexOf(name, from, StringComparison.Ordinal) : -1; at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            if (StartsIdentifier(text, at, name))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// The text of a tree as one string: free for the files a compiler reads (a <c>StringText</c> returns its source),
    /// one copy for very large files. Searching it with <see cref="string.IndexOf(string, StringComparison)"/> is
    /// vectorized.
    /// </summary>
    private static string TextOf(SyntaxTree tree, CancellationToken cancellationToken) => tree.GetText(cancellationToken).ToString();

    private static int[] Find(string text, string part)
    {
        List<int>? found = null;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            (found ??= new List<int>()).Add(at);
        }

        return found?.ToArray() ?? Array.Empty<int>();
    }

    /// <summary>True when <paramref name="name"/> is at <paramref name="at"/> and nothing of an identifier precedes it.</summary>
    private static bool StartsIdentifier(string text, int at, string name)
        => at >= 0 && (at == 0 || !IsIdentifierPart(text[at - 1])) && string.CompareOrdinal(text, at, name, 0, name.Length) == 0;

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
