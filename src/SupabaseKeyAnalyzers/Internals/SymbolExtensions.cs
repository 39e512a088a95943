using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>Type tests by symbol (never by simple name), shared by the rules.</summary>
internal static class SymbolExtensions
{
    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var current = type as INamedTypeSymbol; current is not null && expected is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="type"/> is, or implements, a construction of the generic interface
    /// <paramref name="definition"/> that satisfies <paramref name="construction"/> (any, when null).
    /// </summary>
    public static bool IsOrImplements(this INamedTypeSymbol? type, INamedTypeSymbol? definition, Func<INamedTypeSymbol, bool>? construction = null)
    {
        if (type is null || definition is null)
        {
            return false;
        }

        bool Matches(INamedTypeSymbol candidate)
            => SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, definition) && (construction is null || construction(candidate));

        return Matches(type) || type.AllInterfaces.Any(Matches);
    }
}
