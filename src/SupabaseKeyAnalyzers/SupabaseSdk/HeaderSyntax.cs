using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SupabaseKeyAnalyzers.SupabaseSdk;

/// <summary>
/// Syntax-only checks for code that may write an <c>Authorization</c> header, made before any child operation is built
/// or any value resolved: most header writes name another header with a literal (<c>headers["Accept"] = …</c>), and
/// those are ruled out here for the cost of a look at the syntax.
/// </summary>
internal static class HeaderSyntax
{
    /// <summary>
    /// The target of <c>x = …</c> can be the <c>Authorization</c> property or an indexer entry
    /// (<c>h["Authorization"]</c>, <c>["Authorization"] = …</c>).
    /// </summary>
    public static bool MayAssignAuthorization(SyntaxNode syntax)
        => MayAssignAuthorizationEntry(syntax)
           || syntax is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: SupabaseHeaders.Authorization } or IdentifierNameSyntax { Identifier.ValueText: SupabaseHeaders.Authorization } };

    /// <summary><c>Add(name, value)</c> and <c>{ name, value }</c> whose name can be <c>Authorization</c>.</summary>
    public static bool MayNameAuthorization(SyntaxNode syntax) => syntax switch
    {
        InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } => MayBeAuthorization(arguments[0].Expression),
        InitializerExpressionSyntax { Expressions: { Count: 2 } pair } => MayBeAuthorization(pair[0]),
        _ => false,
    };

    /// <summary>False only for a string literal that is not <c>Authorization</c>: anything else may resolve to it.</summary>
    public static bool MayBeAuthorization(ExpressionSyntax name)
        => name is not LiteralExpressionSyntax literal || SupabaseHeaders.IsAuthorization(literal.Token.ValueText);

    /// <summary>An indexer write (<c>h[name] = …</c>, <c>[name] = …</c> in an initializer) whose name can be <c>Authorization</c>.</summary>
    public static bool MayAssignAuthorizationEntry(SyntaxNode syntax) => syntax is AssignmentExpressionSyntax { Left: var left } && left switch
    {
        ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } => MayBeAuthorization(arguments[0].Expression),
        ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } arguments } => MayBeAuthorization(arguments[0].Expression),
        _ => false,
    };
}
