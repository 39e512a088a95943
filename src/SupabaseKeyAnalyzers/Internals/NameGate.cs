using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// Which operations a rule looks at, decided from the member the operation itself names, before anything else is done
/// for it: the method a call targets, the property, field or indexer (<c>this[]</c>) an assignment writes. A rule's gate
/// lists the names one of which every operation it reports starts with (<c>SignIn</c> covers
/// <c>SignInWithPassword</c>), and the dictionary members it matches only on a dictionary (<c>Add</c>, <c>TryAdd</c>,
/// the indexer of the SDK's <c>Dictionary&lt;string, string&gt;</c> headers, not of a list or <c>HttpHeaders</c>).
/// Every member a gate names is an instance member, so a static call, an extension method's call (LINQ's, whose
/// receiver is an argument) or a write to a static member, a local or an array element is ruled out from the operation
/// alone, before any symbol is read; any other operation costs the rule the read of one member name and a comparison of
/// its first character, and nothing else: no text search, no cache, no per-file work. Code that has nothing to do with
/// Supabase therefore costs a gated rule its callbacks and that read in each instance call or member write (the
/// benchmark's <c>gates</c> measures it), and nothing per file.
/// </summary>
internal sealed class NameGate
{
    /// <summary>Every operation: for rules whose matches cannot be told from a member name.</summary>
    public static readonly NameGate Everywhere = new(Array.Empty<string>(), Array.Empty<string>());

    private readonly string[] prefixes;
    private readonly string[] dictionaryMembers;

    private NameGate(string[] prefixes, string[] dictionaryMembers) => (this.prefixes, this.dictionaryMembers) = (prefixes, dictionaryMembers);

    /// <summary>A gate admitting the operations whose own instance member's name starts with one of <paramref name="names"/>.</summary>
    public static NameGate StartingWith(params string[] names) => new((string[])names.Clone(), Array.Empty<string>());

    /// <summary>
    /// This gate, also admitting the operations whose own member is named exactly one of <paramref name="members"/> and
    /// belongs to a type named <c>Dictionary</c> or <c>IDictionary</c> (the SDK's header dictionaries; a subclass or
    /// another dictionary type is not admitted).
    /// </summary>
    public NameGate OrOnDictionaries(params string[] members) => new(prefixes, dictionaryMembers.Concat(members).ToArray());

    /// <summary>
    /// True when <paramref name="operation"/> can be what the rule matches. A call or an assignment that names no
    /// instance member is not admitted; an operation of a kind the gate does not know is (the gate errs only towards
    /// "maybe").
    /// </summary>
    public bool Admits(IOperation operation)
    {
        if (prefixes.Length == 0 && dictionaryMembers.Length == 0)
        {
            return true;
        }

        // The members gates name are instance members: a static call, an extension method's call (its receiver is an
        // argument), a write to a static member, a local or an array element is ruled out before any symbol is read.
        ISymbol member;
        switch (operation)
        {
            case IInvocationOperation invocation:
                if (invocation.Instance is null)
                {
                    return false;
                }

                member = invocation.TargetMethod;
                break;
            case IAssignmentOperation assignment:
                if (assignment.Target is not IMemberReferenceOperation { Instance: not null } target)
                {
                    return false;
                }

                member = target.Member;
                break;
            default:
                return true;
        }

        if (member.Name is not { Length: > 0 } name)
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (name[0] == prefix[0] && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var exact in dictionaryMembers)
        {
            if (name[0] == exact[0] && name == exact)
            {
                return member.ContainingType?.Name is "Dictionary" or "IDictionary";
            }
        }

        return false;
    }
}
