using System;
using System.Collections.Immutable;
using System.Linq;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>Diagnostic properties a rule reports with, built once per rule instead of once per finding.</summary>
internal static class DiagnosticProperties
{
    /// <summary>For each value of <typeparamref name="TEnum"/>, indexed by the value: <paramref name="key"/> mapped to the value's name.</summary>
    public static ImmutableArray<ImmutableDictionary<string, string?>> PerValue<TEnum>(string key)
        where TEnum : struct, Enum
        => ((TEnum[])Enum.GetValues(typeof(TEnum)))
            .Select(value => ImmutableDictionary<string, string?>.Empty.Add(key, value.ToString()))
            .ToImmutableArray();
}
