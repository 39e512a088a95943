using Microsoft.CodeAnalysis;

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
}
