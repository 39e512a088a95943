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
    public static KeyKind? Classify(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var letters = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        var normalized = letters.ToString();
        var secret = normalized.Contains("servicerole") || normalized.Contains("secretkey") || normalized.Contains("servicekey") || normalized.EndsWith("secret", StringComparison.Ordinal);
        var publishable = normalized.Contains("anonkey") || normalized.Contains("publishable") || normalized.EndsWith("anon", StringComparison.Ordinal);
        return secret == publishable ? null : secret ? KeyKind.Secret : KeyKind.Publishable;
    }
}
