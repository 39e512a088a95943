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
/// "no". It tells the tree gates which trees can hold what a rule matches, and the resolver which trees can write a
/// member, construct a type or bind a settings class.
/// </summary>
internal static class TreeText
{
    /// <summary>True when the tree's text contains <paramref name="name"/> at the start of an identifier.</summary>
    public static bool MayName(SyntaxTree tree, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // A file's SourceText hands back the string it was read into (no copy) for all but very large files.
        var text = tree.GetText(cancellationToken).ToString();
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !IsIdentifierPart(text[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
