using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>Operation-tree helpers shared by the rules.</summary>
internal static class OperationExtensions
{
    /// <summary>The body an operation belongs to: the root of its operation tree (a method body, a field initializer…).</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>
    /// The symbol whose code holds <paramref name="operation"/>, as <see cref="SemanticModel.GetEnclosingSymbol"/> answers
    /// for it, from the operation tree alone: the innermost lambda or local function around it, else
    /// <paramref name="owner"/>, the owner of its operation block.
    /// </summary>
    public static ISymbol EnclosingSymbol(this IOperation operation, ISymbol owner)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol;
            }
        }

        return owner;
    }
}
