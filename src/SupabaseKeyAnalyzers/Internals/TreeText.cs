using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// Whether a syntax tree can name an identifier, answered from its text with an ordinal search (no parse walk, no
/// binding): every identifier of the tree is in its text, so a tree whose text lacks a name cannot name it. The answer
/// errs only towards "maybe" (the name in a comment or a string, or as part of a longer name), never towards "no". It
/// tells the tree gates which trees can hold what a rule matches, and the write finder and the dependency-injection
/// index which trees can write a member or register a service.
/// </summary>
internal static class TreeText
{
    /// <summary>True when the tree's text contains <paramref name="name"/>.</summary>
    public static bool MayName(SyntaxTree tree, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // A file's SourceText hands back the string it was read into (no copy) for all but very large files.
        return tree.GetText(cancellationToken).ToString().IndexOf(name, StringComparison.Ordinal) >= 0;
    }
}
