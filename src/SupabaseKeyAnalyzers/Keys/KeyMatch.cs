namespace SupabaseKeyAnalyzers.Keys;

/// <summary>A key found inside a string: where, what kind, and whether it is a public local-development default.</summary>
public readonly struct KeyMatch
{
    /// <summary>How many characters of key material a message may show.</summary>
    public const int MaxShownCharacters = 6;

    public KeyMatch(int start, int length, KeyKind kind, bool isLocalDevelopment)
    {
        Start = start;
        Length = length;
        Kind = kind;
        IsLocalDevelopment = isLocalDevelopment;
    }

    public int Start { get; }

    public int Length { get; }

    public KeyKind Kind { get; }

    /// <summary>The Supabase CLI's local stack keys: public, identical on every machine, never a leak.</summary>
    public bool IsLocalDevelopment { get; }

    public bool IsSecret => Kind is KeyKind.Secret or KeyKind.LegacyServiceRole or KeyKind.PersonalAccessToken;

    public bool IsPublishable => Kind is KeyKind.Publishable or KeyKind.LegacyAnon;

    /// <summary>New-format keys are not JWTs and must not travel as Bearer tokens.</summary>
    public bool IsNewFormat => Kind is KeyKind.Publishable or KeyKind.Secret;

    public string GetText(string source) => source.Substring(Start, Length);

    /// <summary>The prefix that names the format (<c>sb_secret_</c>, <c>sbp_</c>), or empty for JWTs.</summary>
    internal int PrefixLength => Kind switch
    {
        KeyKind.Secret => KeyClassifier.SecretPrefix.Length,
        KeyKind.Publishable => KeyClassifier.PublishablePrefix.Length,
        KeyKind.PersonalAccessToken => KeyClassifier.PersonalAccessTokenPrefix.Length,
        _ => 0,
    };

    /// <summary>
    /// A description safe for messages and public CI logs: the kind and at most
    /// <see cref="MaxShownCharacters"/> characters of key material, e.g. <c>sb_secret_ key 'sb_secret_AbCdEf…'</c>.
    /// </summary>
    public string Describe(string source)
    {
        var shown = source.Substring(Start, PrefixLength + System.Math.Min(MaxShownCharacters, Length - PrefixLength));
        return KindName + " '" + shown + "…'";
    }

    public string KindName => Kind switch
    {
        KeyKind.Secret => "sb_secret_ key",
        KeyKind.Publishable => "sb_publishable_ key",
        KeyKind.LegacyServiceRole => "service_role JWT",
        KeyKind.LegacyAnon => "anon JWT",
        _ => "sbp_ personal access token",
    };
}
