using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.ValueFlow;

/// <summary>
/// What the resolver cannot know from the language alone: the conventions of the libraries the code calls. The
/// Supabase SDK model supplies them (<c>SupabaseSdk/SupabaseModel</c>); the resolver itself names no library.
/// </summary>
internal interface IValueFlowConventions
{
    /// <summary>The operand an operation evaluates to when a library hands it back (an awaited call that returns its receiver); null otherwise.</summary>
    IOperation? SameValueAs(IOperation? operation);

    /// <summary>
    /// The object whose value stands for <paramref name="operation"/> when it is a part of that object that the library
    /// builds from it (a child client reached through its umbrella client holds the umbrella's key); null otherwise.
    /// </summary>
    IOperation? PartOf(IOperation operation);

    /// <summary>True for a library method whose call builds an object the rules read (its arguments matter, not its body).</summary>
    bool IsFactory(IMethodSymbol method);

    /// <summary>True for a field or property never written in the source that a configuration binder fills (its name says what it holds).</summary>
    bool IsBoundFromConfiguration(ISymbol member);
}
