namespace SupabaseKeyAnalyzers.Keys;

/// <summary>What kind of Supabase credential a piece of text is.</summary>
public enum KeyKind
{
    /// <summary><c>sb_publishable_…</c>: safe in clients.</summary>
    Publishable,

    /// <summary><c>sb_secret_…</c>: bypasses Row Level Security.</summary>
    Secret,

    /// <summary>Legacy JWT with <c>role</c> = <c>anon</c>: safe in clients.</summary>
    LegacyAnon,

    /// <summary>Legacy JWT with <c>role</c> = <c>service_role</c>: bypasses Row Level Security.</summary>
    LegacyServiceRole,

    /// <summary><c>sbp_…</c> personal access token: full access to the user's account.</summary>
    PersonalAccessToken,
}
