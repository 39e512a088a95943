using System;
using System.Text.RegularExpressions;

namespace SupabaseKeyAnalyzers.SupabaseSdk;

/// <summary>
/// What marks a token as Supabase Auth's: its roles, audience and issuer, and the name of the shared JWT secret that
/// signs legacy tokens. SBK008 finds them in tokens minted in code, SBK010 in the parameters that validate tokens.
/// </summary>
internal static class AuthTokens
{
    /// <summary>The <c>role</c> claims Supabase puts in its tokens.</summary>
    public static readonly string[] Roles = { "anon", "authenticated", "service_role" };

    /// <summary>The audience of a signed-in user's token.</summary>
    public const string UserAudience = "authenticated";

    /// <summary>The path of Supabase Auth under the project URL: tokens are issued by <c>&lt;url&gt;/auth/v1</c>.</summary>
    public const string AuthPath = "/auth/v1";

    private static readonly Regex HostedIssuer = new(@"^https://[a-z0-9]+\.supabase\.co/auth/v1/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The issuer of Supabase tokens: <c>supabase</c> (the legacy keys and local stacks) or <c>https://&lt;ref&gt;.supabase.co/auth/v1</c>.</summary>
    public static bool IsIssuer(string? value) => value is not null && (value == "supabase" || HostedIssuer.IsMatch(value));

    /// <summary><c>SUPABASE_JWT_SECRET</c>, or a configuration key for it (<c>Supabase:JwtSecret</c>).</summary>
    public static bool IsJwtSecretName(string name)
    {
        var normalized = name.Replace("_", string.Empty).Replace(":", string.Empty).Replace(".", string.Empty);
        return normalized.Equals("SUPABASEJWTSECRET", StringComparison.OrdinalIgnoreCase);
    }
}
