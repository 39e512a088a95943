using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// Whether a syntax tree can name an identifier, answered from its text with ordinal searches (no parse walk, no
/// binding): every identifier of the tree is in its text, so a tree whose text lacks a name cannot name it. A name
/// counts where it starts an identifier (the character before it is not a letter, digit or underscore): <c>Client</c>
/// is found in <c>new Supabase.Client(</c> but not in <c>HttpClient</c>, and a prefix such as <c>SignIn</c> covers
/// <c>SignInWithPassword</c>. The answer errs only towards "maybe" (the name in a comment or a string), never towards
/// "no". It tells the resolver which trees can write a member, construct a type or bind a settings class.
/// </summary>
internal static class TreeText
{
    /// <summary>True when the tree's text contains <paramref name="name"/> at the start of an identifier.</summary>
    public static bool MayName(SyntaxTree tree, string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return true;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var text = TextOf(tree, cancellationToken);
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            if (StartsIdentifier(text, at, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text of a tree as one string: free for the files a compiler reads (a <c>StringText</c> returns its source),
    /// one copy for very large files. Searching it with <see cref="string.IndexOf(string, StringComparison)"/> is
    /// vectorized.
    /// </summary>
    private static string TextOf(SyntaxTree tree, CancellationToken cancellationToken) => tree.GetText(cancellationToken).ToString();

    /// <summary>True when <paramref name="name"/> is at <paramref name="at"/> and nothing of an identifier precedes it.</summary>
    private static bool StartsIdentifier(string text, int at, string name)
        => at >= 0 && (at == 0 || !IsIdentifierPart(text[at - 1])) && string.CompareOrdinal(text, at, name, 0, name.Length) == 0;

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
