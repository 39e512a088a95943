using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.Resolution;

/// <summary>
/// The simple names of the compilation's <c>const string</c> fields whose value holds a key's start (<c>sb</c> or
/// <c>eyJ</c>), computed once per compilation on first use from the declaration table: a concatenation or interpolation
/// of names is bound only when one of its names is among them.
/// </summary>
internal sealed class KeyConstantNames
{
    private readonly Lazy<HashSet<string>> names;

    public KeyConstantNames(Compilation compilation, CancellationToken cancellationToken)
        => names = new Lazy<HashSet<string>>(() => Collect(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);

    public bool Contains(string name) => names.Value.Contains(name);

    public static bool HasKeyStart(string text)
        => text.IndexOf("sb", StringComparison.Ordinal) >= 0 || text.IndexOf("eyJ", StringComparison.Ordinal) >= 0;

    private static HashSet<string> Collect(Compilation compilation, CancellationToken cancellationToken)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member, cancellationToken))
        {
            if (symbol is IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_String } field
                && field.ConstantValue is string value
                && HasKeyStart(value))
            {
                result.Add(field.Name);
            }
        }

        return result;
    }
}
