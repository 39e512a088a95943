using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SupabaseKeyAnalyzers.SupabaseSdk;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// Whether a syntax tree can hold what a rule matches, decided from the tree's identifiers alone (no binding) and
/// cached per tree, like the key scan's candidates: an unchanged file is not looked at again in the next compilation
/// of an editing session. A rule's gate names the identifiers one of which any code it reports must contain (a member
/// the rule matches by name: <c>SignUp</c>, <c>SessionHandler</c>…), so that a tree without them costs the rule one
/// shared identifier pass and nothing else. Every gate's words come from <see cref="Words"/>; one pass per tree
/// records which of them occur, for all gates at once.
/// </summary>
internal sealed class TreeGate
{
    /// <summary>Every tree: for rules whose matches cannot be told from identifiers.</summary>
    public static readonly TreeGate Everywhere = new(0, Array.Empty<string>());

    /// <summary>
    /// The identifiers any gate may name, each one bit of a tree's <see cref="Scan"/>. A word that ends in <c>*</c> is a
    /// prefix (<c>SignIn*</c> for <c>SignInWithPassword</c>, <c>SignInWithOtp</c>…).
    /// </summary>
    private static readonly string[] Words =
    {
        SdkMembers.Headers, SdkMembers.GetHeaders, SdkMembers.SetAuth, SdkMembers.SessionHandler, SdkMembers.SetPersistence,
        SdkMembers.SignUp, SdkMembers.SignInPrefix + "*", SdkMembers.SetSession, SdkMembers.VerifyOtp, SdkMembers.ExchangeCodeForSession,
        SdkMembers.GetSessionFromUrl, SdkMembers.LoadSession,
    };

    private static readonly Dictionary<string, int> ExactBits = new(StringComparer.Ordinal);
    private static readonly List<(string Prefix, int Bit)> PrefixBits = new();
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<long>> Scans = new();

    private readonly long mask;

    static TreeGate()
    {
        for (var i = 0; i < Words.Length; i++)
        {
            if (Words[i].EndsWith("*", StringComparison.Ordinal))
            {
                PrefixBits.Add((Words[i].Substring(0, Words[i].Length - 1), i));
            }
            else
            {
                ExactBits[Words[i]] = i;
            }
        }
    }

    private TreeGate(long mask, string[] words)
    {
        this.mask = mask;
        AdmittedBy = words;
    }

    /// <summary>The words this gate admits a tree on.</summary>
    public IReadOnlyList<string> AdmittedBy { get; }

    /// <summary>A gate admitting the trees that contain any of <paramref name="words"/> (each one of <see cref="Words"/>).</summary>
    public static TreeGate AnyOf(params string[] words)
    {
        long mask = 0;
        foreach (var word in words)
        {
            var bit = Array.IndexOf(Words, word);
            if (bit < 0)
            {
                throw new ArgumentException("'" + word + "' is not a TreeGate word; add it to TreeGate.Words.", nameof(words));
            }

            mask |= 1L << bit;
        }

        return new TreeGate(mask, words);
    }

    /// <summary>True when the tree can hold what the rule matches.</summary>
    public bool Admits(SyntaxTree tree, CancellationToken cancellationToken)
        => mask == 0 || (Scan(tree, cancellationToken) & mask) != 0;

    /// <summary>Which of <see cref="Words"/> the tree's identifiers contain, one bit each.</summary>
    internal static long Scan(SyntaxTree tree, CancellationToken cancellationToken)
        => Scans.GetValue(tree, t => new StrongBox<long>(ScanIdentifiers(t, cancellationToken))).Value;

    private static long ScanIdentifiers(SyntaxTree tree, CancellationToken cancellationToken)
    {
        long found = 0;
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken))
            {
                continue;
            }

            var text = token.ValueText;
            if (ExactBits.TryGetValue(text, out var bit))
            {
                found |= 1L << bit;
            }

            foreach (var (prefix, prefixBit) in PrefixBits)
            {
                if (text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    found |= 1L << prefixBit;
                }
            }
        }

        return found;
    }
}
