using System.Collections.Immutable;

namespace SupabaseKeyAnalyzers.Keys;

/// <summary>The environment variables keys live in: the ones the fixes and messages send a key to.</summary>
public static class KeyVariables
{
    /// <summary>Environment variables that hold a secret key by convention.</summary>
    public static readonly ImmutableArray<string> SecretKeyVariables = ImmutableArray.Create("SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SECRET_KEY", "SUPABASE_SECRET_KEYS");

    /// <summary>Where the SBK005 fix reads a publishable key from.</summary>
    public const string PublishableKey = "SUPABASE_PUBLISHABLE_KEY";

    /// <summary>Where the SBK004 fix and message send a hard-coded secret key.</summary>
    public const string SecretKey = "SUPABASE_SECRET_KEY";

    /// <summary>Where the SBK004 fix and message send a hard-coded personal access token (the Supabase CLI reads it too).</summary>
    public const string AccessToken = "SUPABASE_ACCESS_TOKEN";

    /// <summary>The environment variable a hard-coded credential of this kind belongs in.</summary>
    public static string For(KeyKind kind) => kind == KeyKind.PersonalAccessToken ? AccessToken : SecretKey;

    /// <summary>Where SBK004 tells a hard-coded credential of this kind to go, in C#: configuration or the environment variable.</summary>
    public static string AdviceFor(KeyKind kind) => "read it from configuration or the environment (" + For(kind) + ")";
}
