using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.SupabaseSdk;

/// <summary>One source a key can come from, and what it is.</summary>
internal readonly struct KeySource
{
    /// <summary>For a key literal: where the key is in <see cref="FlowValue.Text"/>.</summary>
    private readonly KeyMatch? literal;

    private KeySource(FlowValue value, KeyKind? kind, KeyMatch? literal, bool isNewFormat)
    {
        Value = value;
        Kind = kind;
        this.literal = literal;
        IsNewFormat = isNewFormat;
    }

    public FlowValue Value { get; }

    /// <summary>The kind of key, or null when the source is not known to be one.</summary>
    public KeyKind? Kind { get; }

    /// <summary>Safe for messages: never more than six characters of key material. Made when a message needs it.</summary>
    public string Description => Value.Kind switch
    {
        FlowValueKind.Text when literal is { } key => key.Describe(Value.Text!),
        FlowValueKind.EnvironmentVariable => "the " + Value.Text + " environment variable",
        FlowValueKind.Configuration => "the configuration value '" + Value.Text + "'",
        _ => "an unknown value",
    };

    public bool IsSecret => Kind is KeyKind.Secret or KeyKind.LegacyServiceRole;

    /// <summary>A new-format key (not a JWT): a <c>sb_publishable_</c>/<c>sb_secret_</c> literal, or a source whose name says it holds one.</summary>
    public bool IsNewFormat { get; }

    /// <summary>
    /// What a value is as a key: a key literal (classified by <see cref="KeyClassifier"/>), or an environment variable or
    /// configuration value whose name says (<see cref="KeySourceNames.Classify"/>); null kind otherwise.
    /// </summary>
    public static KeySource From(FlowValue value) => value.Kind switch
    {
        FlowValueKind.Text when KeyClassifier.ClassifyWhole(value.Text) is { } key => new KeySource(value, key.Kind, key, key.IsNewFormat),
        FlowValueKind.EnvironmentVariable or FlowValueKind.Configuration => new KeySource(value, KeySourceNames.Classify(value.Text), null, KeySourceNames.IsNewFormat(value.Text)),
        _ => new KeySource(value, null, null, false),
    };
}

/// <summary>
/// The key a Supabase client holds: every source that can reach it. It counts as a secret key only when every source
/// is one (<see cref="IsSecret"/>): a mix of secret and publishable sources, or any unknown source, is not.
/// </summary>
internal sealed class HeldKey
{
    public static readonly HeldKey Unknown = new(ImmutableArray<KeySource>.Empty, null);

    private string? description;

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

    /// <summary>For messages: the sources, each described once (made on first use; a client's key is shared by its findings).</summary>
    public string Description => description ??= Sources.Length == 1 ? Sources[0].Description : string.Join(" or ", Sources.Select(s => s.Description).Distinct());

    /// <summary>True when every value of <paramref name="values"/> is a secret key (on Authorization: the key itself, made explicit).</summary>
    public static bool AllSecret(ImmutableArray<FlowValue> values)
        => !values.IsEmpty && values.All(v => KeySource.From(v).IsSecret);
}
