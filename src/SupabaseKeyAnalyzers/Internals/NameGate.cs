using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// Which operations a rule looks at, decided from the name of the member the operation itself names, before anything
/// else is done for it: the method a call targets, the property, field or indexer (<c>this[]</c>) an assignment
/// writes. A rule's gate lists the names one of which every operation it reports starts with (<c>SignIn</c> covers
/// <c>SignInWithPassword</c>), so that any other operation costs the rule one string comparison and nothing else: no
/// text search, no cache, no per-file work. Code that has nothing to do with Supabase therefore costs a gated rule its
/// callbacks and one comparison in each, and nothing per file.
/// </summary>
internal sealed class NameGate
{
    /// <summary>Every operation: for rules whose matches cannot be told from a member name.</summary>
    public static readonly NameGate Everywhere = new(Array.Empty<string>());

    private readonly string[] names;

    private NameGate(string[] names) => this.names = names;

    /// <summary>A gate admitting the operations whose own member's name starts with one of <paramref name="names"/>.</summary>
    public static NameGate StartingWith(params string[] names) => new(names.ToArray());

    /// <summary>
    /// True when <paramref name="operation"/> can be what the rule matches: its own member's name starts with one of
    /// the gate's names. An assignment to a local or an array element names no member and is not admitted; an
    /// operation of a kind the gate does not know is (the gate errs only towards "maybe").
    /// </summary>
    public bool Admits(IOperation operation)
    {
        if (names.Length == 0)
        {
            return true;
        }

        var name = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.Name,
            IAssignmentOperation assignment => (assignment.Target as IMemberReferenceOperation)?.Member.Name ?? string.Empty,
            _ => null,
        };
        if (name is null)
        {
            return true;
        }

        foreach (var start in names)
        {
            if (name.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
