using System;

namespace SupabaseKeyAnalyzers.SupabaseSdk;

/// <summary>
/// The two headers every Supabase request carries and how the <c>Authorization</c> one is written: <c>apikey</c> holds
/// the project key; <c>Authorization: Bearer</c> holds a JWT (a user's access token, or a legacy JWT key), and Row Level
/// Security is decided by it.
/// </summary>
public static class SupabaseHeaders
{
    /// <summary>The header every request carries the project key on.</summary>
    public const string ApiKey = "apikey";

    /// <summary>The header Row Level Security is decided by: a user's access token, or a legacy JWT key.</summary>
    public const string Authorization = "Authorization";

    public const string BearerScheme = "Bearer";

    /// <summary>True for a header name that is <c>Authorization</c> (header names are case-insensitive).</summary>
    public static bool IsAuthorization(string? header) => string.Equals(header, Authorization, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a header name that is <c>apikey</c>.</summary>
    public static bool IsApiKey(string? header) => string.Equals(header, ApiKey, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses an <c>Authorization</c> value of the Bearer scheme: optional leading white space, <c>Bearer</c> in any
    /// case, at least one space or tab. <paramref name="credentialStart"/> is where the credential starts (after the
    /// white space; the end of the text when there is none).
    /// </summary>
    public static bool TryParseBearer(string? value, out int credentialStart)
    {
        credentialStart = 0;
        if (value is null)
        {
            return false;
        }

        var start = 0;
        while (start < value.Length && IsSpaceOrTab(value[start]))
        {
            start++;
        }

        var separator = start + BearerScheme.Length;
        if (separator >= value.Length
            || string.Compare(value, start, BearerScheme, 0, BearerScheme.Length, StringComparison.OrdinalIgnoreCase) != 0
            || !IsSpaceOrTab(value[separator]))
        {
            return false;
        }

        credentialStart = separator;
        while (credentialStart < value.Length && IsSpaceOrTab(value[credentialStart]))
        {
            credentialStart++;
        }

        return true;
    }

    /// <summary>The credential of a Bearer value (<c>"Bearer x"</c> → <c>x</c>), or null when it is not one.</summary>
    public static string? BearerCredential(string? value)
        => TryParseBearer(value, out var start) ? value!.Substring(start) : null;

    /// <summary>True when the text is the scheme and its separator only (<c>"Bearer "</c>): the prefix a credential is appended to.</summary>
    public static bool IsBearerPrefix(string? text)
        => TryParseBearer(text, out var start) && start == text!.Length;

    private static bool IsSpaceOrTab(char c) => c is ' ' or '\t';
}
