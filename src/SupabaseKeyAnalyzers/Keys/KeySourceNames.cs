using System;

namespace SupabaseKeyAnalyzers.Keys;

/// <summary>
/// What an environment variable, configuration key or bound member holds, judged by its name alone: the key's kind
/// when the name says it (<c>SUPABASE_SERVICE_ROLE_KEY</c>, <c>Supabase:PublishableKey</c>, <c>AnonKey</c>).
/// </summary>
public static class KeySourceNames
{
    /// <summary>
    /// <see cref="KeyKind.Secret"/> for <c>SUPABASE_SERVICE_ROLE_KEY</c>, <c>Supabase:SecretKey</c>, <c>ServiceRoleKey</c>
    /// (and the variables of <see cref="KeyVariables.SecretKeyVariables"/>), <see cref="KeyKind.Publishable"/> for
    /// <c>SUPABASE_ANON_KEY</c>, <c>Supabase:PublishableKey</c>, <c>AnonKey</c>; null for a name that says neither (<c>Supabase:Key</c>).
    /// </summary>
    public static KeyKind? Classify(string? name) => name is null ? null : ClassifyNormalized(Normalize(name));

    /// <summary>
    /// True for a name that says it holds a new-format key (<c>sb_publishable_</c>, <c>sb_secret_</c>):
    /// <c>SUPABASE_PUBLISHABLE_KEY</c>, <c>SUPABASE_SECRET_KEY</c>, <c>Supabase:PublishableKey</c>. The legacy names
    /// (<c>SUPABASE_ANON_KEY</c>, <c>ServiceRoleKey</c>) and names that say neither (<c>Supabase:Key</c>) are not.
    /// </summary>
    public static bool IsNewFormat(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var normalized = Normalize(name);
        return ClassifyNormalized(normalized) is not null && (normalized.Contains("publishable") || normalized.Contains("secretkey"));
    }

    private static KeyKind? ClassifyNormalized(string normalized)
    {
        var secret = normalized.Contains("servicerole") || normalized.Contains("secretkey") || normalized.Contains("servicekey") || normalized.EndsWith("secret", StringComparison.Ordinal);
        var publishable = normalized.Contains("anonkey") || normalized.Contains("publishable") || normalized.EndsWith("anon", StringComparison.Ordinal);
        return secret == publishable ? null : secret ? KeyKind.Secret : KeyKind.Publishable;
    }

    /// <summary>Letters and digits only, lower case: <c>SUPABASE_SECRET_KEY</c> and <c>Supabase:SecretKey</c> read alike.</summary>
    private static string Normalize(string name)
    {
        var letters = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.ToString();
    }
}
