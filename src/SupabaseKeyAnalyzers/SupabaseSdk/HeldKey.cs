using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.SupabaseSdk;

/// <summary>One source a key can come from, and what it is.</summary>
internal readonly struct KeySource
{
    public KeySource(FlowValue value, KeyKind? kind, string description, bool isNewFormat = false)
    {
        Value = value;
        Kind = kind;
        Description = description;
        IsNewFormat = isNewFormat;
    }

    public FlowValue Value { get; }

    /// <summary>The kind of key, or null when the source is not known to be one.</summary>
    public KeyKind? Kind { get; }

    /// <summary>Safe for messages: never more than six characters of key material.</summary>
    public string Description { get; }

    public bool IsSecret => Kind is KeyKind.Secret or KeyKind.LegacyServiceRole;

    /// <summary>A new-format key (not a JWT): a <c>sb_publishable_</c>/<c>sb_secret_</c> literal, or a source whose name says it holds one.</summary>
    public bool IsNewFormat { get; }

    /// <summary>
    /// What a value is as a key: a key literal (classified by <see cref="KeyClassifier"/>), or an environment variable or
    /// configuration value whose name says (<see cref="KeySourceNames.Classify"/>); null kind otherwise.
    /// </summary>
    public static KeySource From(FlowValue value)
    {
        switch (value.Kind)
        {
            case FlowValueKind.Text when KeyClassifier.ClassifyWhole(value.Text) is { } key:
                return new KeySource(value, key.Kind, key.Describe(value.Text!), key.IsNewFormat);
            case FlowValueKind.EnvironmentVariable:
                return new KeySource(value, KeySourceNames.Classify(value.Text), "the " + value.Text + " environment variable", KeySourceNames.IsNewFormat(value.Text));
            case FlowValueKind.Configuration:
                return new KeySource(value, KeySourceNames.Classify(value.Text), "the configuration value '" + value.Text + "'", KeySourceNames.IsNewFormat(value.Text));
            default:
                return new KeySource(value, null, "an unknown value");
        }
    }
}

/// <summary>
/// The key a Supabase client holds: every source that can reach it. It counts as a secret key only when every source
/// is one (<see cref="IsSecret"/>): a mix of secret and publishable sources, or any unknown source, is not.
/// </summary>
internal sealed class HeldKey
{
    public static readonly HeldKey Unknown = new(ImmutableArray<KeySource>.Empty, null);

    public HeldKey(ImmutableArray<KeySource> sources, IOperation? keyArgument)
    {
        Sources = sources;
        KeyArgument = keyArgument;
    }

    public ImmutableArray<KeySource> Sources { get; }

    /// <summary>The key argument of the one constructor call the client comes from, when there is exactly one.</summary>
    public IOperation? KeyArgument { get; }

    public bool IsSecret => !Sources.IsEmpty && Sources.All(s => s.IsSecret);

    /// <summary>True when every source is a new-format key (a mix with a legacy JWT or an unknown source is not).</summary>
    public bool IsNewFormat => !Sources.IsEmpty && Sources.All(s => s.IsNewFormat);

    /// <summary>For messages: the sources, each described once.</summary>
    public string Description => string.Join(" or ", Sources.Select(s => s.Description).Distinct());

    /// <summary>True when every value of <paramref name="values"/> is a secret key (on Authorization: the key itself, made explicit).</summary>
    public static bool AllSecret(ImmutableArray<FlowValue> values)
        => !values.IsEmpty && values.All(v => KeySource.From(v).IsSecret);
}
