using System;
using System.Collections.Immutable;
using System.IO;
using SupabaseKeyAnalyzers.Keys;

namespace SupabaseKeyAnalyzers;

/// <summary>
/// The one home of the words Supabase and the package use: header names, the Bearer scheme, environment variables and
/// the files that ship to users. Analyzers, fixers and tests read them from here.
/// </summary>
public static class SupabaseVocabulary
{
    /// <summary>The header every request carries the project key on.</summary>
    public const string ApiKeyHeader = "apikey";

    /// <summary>The header Row Level Security is decided by: a user's access token, or a legacy JWT key.</summary>
    public const string AuthorizationHeader = "Authorization";

    public const string BearerScheme = "Bearer";

    /// <summary>Environment variables that hold a secret key by convention.</summary>
    public static readonly ImmutableArray<string> SecretKeyVariables = ImmutableArray.Create("SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SECRET_KEY", "SUPABASE_SECRET_KEYS");

    /// <summary>Where the SBK005 fix reads a publishable key from.</summary>
    public const string PublishableKeyVariable = "SUPABASE_PUBLISHABLE_KEY";

    /// <summary>
    /// What an environment variable, configuration key or bound member holds, judged by its name:
    /// <see cref="KeyKind.Secret"/> for <c>SUPABASE_SERVICE_ROLE_KEY</c>, <c>Supabase:SecretKey</c>, <c>ServiceRoleKey</c>
    /// (and the variables of <see cref="SecretKeyVariables"/>), <see cref="KeyKind.Publishable"/> for <c>SUPABASE_ANON_KEY</c>,
    /// <c>Supabase:PublishableKey</c>, <c>AnonKey</c>; null for a name that says neither (<c>Supabase:Key</c>).
    /// </summary>
    public static KeyKind? ClassifySourceName(string? name)
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

    /// <summary>Where the SBK004 fix and message send a hard-coded secret key.</summary>
    public const string SecretKeyVariable = "SUPABASE_SECRET_KEY";

    /// <summary>Where the SBK004 fix and message send a hard-coded personal access token (the Supabase CLI reads it too).</summary>
    public const string AccessTokenVariable = "SUPABASE_ACCESS_TOKEN";

    /// <summary>The environment variable a hard-coded credential of this kind belongs in.</summary>
    public static string EnvironmentVariableFor(KeyKind kind) => kind == KeyKind.PersonalAccessToken ? AccessTokenVariable : SecretKeyVariable;

    /// <summary>
    /// Text files that ship as they are (JSON settings, scripts, pages, <c>.env</c> files). The package's
    /// <c>build/SupabaseKeyAnalyzers.targets</c> hands exactly these extensions to the analyzers; a test keeps the two lists equal.
    /// </summary>
    public static readonly ImmutableArray<string> ShippedTextExtensions = ImmutableArray.Create(".json", ".js", ".mjs", ".cjs", ".env", ".txt", ".html", ".htm", ".xml", ".config");

    /// <summary>True for a header name that is <c>Authorization</c> (header names are case-insensitive).</summary>
    public static bool IsAuthorization(string? header) => string.Equals(header, AuthorizationHeader, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a header name that is <c>apikey</c>.</summary>
    public static bool IsApiKey(string? header) => string.Equals(header, ApiKeyHeader, StringComparison.OrdinalIgnoreCase);

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

    /// <summary>True for a path under a <c>wwwroot</c> folder, which every ASP.NET Core and Blazor project serves publicly.</summary>
    public static bool IsUnderWwwroot(string path)
        => ("/" + path.Replace('\\', '/')).IndexOf("/wwwroot/", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>True for a text file that ships as it is (<see cref="ShippedTextExtensions"/>, or any <c>.env*</c> file).</summary>
    public static bool IsShippedTextFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var extension = Path.GetExtension(name);
        foreach (var shipped in ShippedTextExtensions)
        {
            if (shipped.Equals(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpaceOrTab(char c) => c is ' ' or '\t';
}
