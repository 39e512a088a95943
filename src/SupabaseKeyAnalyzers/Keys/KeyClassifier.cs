using System;
using System.Collections.Generic;

namespace SupabaseKeyAnalyzers.Keys;

/// <summary>
/// Finds Supabase keys anywhere inside a string: new-format <c>sb_secret_</c>/<c>sb_publishable_</c> keys,
/// legacy JWTs (classified by decoding the payload's <c>role</c> claim) and <c>sbp_</c> personal access tokens.
/// Never throws; allocates nothing for strings that hold no candidate prefix.
/// </summary>
public static class KeyClassifier
{
    /// <summary>What both new-format prefixes start with.</summary>
    internal const string NewKeyPrefix = "sb_";

    internal const string SecretPrefix = "sb_secret_";
    internal const string PublishablePrefix = "sb_publishable_";
    internal const string PersonalAccessTokenPrefix = "sbp_";
    private const string JwtStart = "eyJ";
    private const int MinBodyLength = 20;
    private const int MaxBodyLength = 64;
    private const int PersonalAccessTokenHexLength = 40;
    private const int MinSignatureLength = 16;
    private const int MaxJwtSegmentLength = 8192;
    private const string LocalDevelopmentIssuer = "supabase-demo";

    // The Supabase CLI's fixed local keys (public, identical on every machine): only the part after the prefix.
    private const string LocalPublishableBody = "ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH";
    private const string LocalSecretBody = "N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";

    private static readonly KeyMatch[] None = Array.Empty<KeyMatch>();

    /// <summary>The allocation-free prefilter: false means <see cref="FindKeys"/> finds nothing.</summary>
    public static bool MayContainKey(string? value)
        => value is { Length: >= MinBodyLength } && HasKeyStart(value);

    /// <summary>
    /// True when the text holds what can start a key (<c>sb</c>, <c>eyJ</c>): the one prefilter for whole values and
    /// for the parts a key may be concatenated from.
    /// </summary>
    public static bool HasKeyStart(string text)
        => text.IndexOf("sb", StringComparison.Ordinal) >= 0 || text.IndexOf(JwtStart, StringComparison.Ordinal) >= 0;

    /// <summary>Every key in <paramref name="value"/>, in order of position.</summary>
    public static KeyMatch[] FindKeys(string? value)
    {
        if (value is null || !MayContainKey(value))
        {
            return None;
        }

        List<KeyMatch>? found = null;
        for (var i = value.IndexOf("sb", StringComparison.Ordinal); i >= 0 && i < value.Length; i = value.IndexOf("sb", i + 1, StringComparison.Ordinal))
        {
            if (IsBoundaryBefore(value, i) && TryMatchPrefixed(value, i, out var match))
            {
                (found ??= new List<KeyMatch>()).Add(match);
                i += match.Length - 1;
            }
        }

        for (var i = value.IndexOf(JwtStart, StringComparison.Ordinal); i >= 0 && i < value.Length; i = value.IndexOf(JwtStart, i + 1, StringComparison.Ordinal))
        {
            if (IsBoundaryBefore(value, i) && (i == 0 || value[i - 1] != '.') && TryMatchJwt(value, i, out var match))
            {
                (found ??= new List<KeyMatch>()).Add(match);
                i += match.Length - 1;
            }
        }

        if (found is null)
        {
            return None;
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found.ToArray();
    }

    /// <summary>
    /// Classifies a whole value that should be exactly one key (surrounding white space allowed);
    /// null when it is not exactly one key.
    /// </summary>
    public static KeyMatch? ClassifyWhole(string? value)
    {
        var keys = FindKeys(value);
        if (keys.Length != 1)
        {
            return null;
        }

        var key = keys[0];
        return value!.Substring(0, key.Start).Trim().Length == 0 && value.Substring(key.Start + key.Length).Trim().Length == 0 ? key : null;
    }

    internal static bool IsKeyChar(char c)
        => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-';

    private static bool IsBoundaryBefore(string value, int index) => index == 0 || !IsKeyChar(value[index - 1]);

    private static bool IsBoundaryAt(string value, int index) => index >= value.Length || !IsKeyChar(value[index]);

    private static bool TryMatchPrefixed(string value, int start, out KeyMatch match)
    {
        match = default;
        if (string.CompareOrdinal(value, start, SecretPrefix, 0, SecretPrefix.Length) == 0)
        {
            return TryMatchNewFormat(value, start, SecretPrefix.Length, KeyKind.Secret, LocalSecretBody, out match);
        }

        if (string.CompareOrdinal(value, start, PublishablePrefix, 0, PublishablePrefix.Length) == 0)
        {
            return TryMatchNewFormat(value, start, PublishablePrefix.Length, KeyKind.Publishable, LocalPublishableBody, out match);
        }

        if (string.CompareOrdinal(value, start, PersonalAccessTokenPrefix, 0, PersonalAccessTokenPrefix.Length) == 0)
        {
            return TryMatchPersonalAccessToken(value, start, out match);
        }

        return false;
    }

    private static bool TryMatchNewFormat(string value, int start, int prefixLength, KeyKind kind, string localBody, out KeyMatch match)
    {
        match = default;
        var bodyStart = start + prefixLength;
        var end = bodyStart;
        while (end < value.Length && IsKeyChar(value[end]) && end - bodyStart <= MaxBodyLength)
        {
            end++;
        }

        var bodyLength = end - bodyStart;
        if (bodyLength < MinBodyLength || bodyLength > MaxBodyLength)
        {
            return false;
        }

        var isLocal = bodyLength == localBody.Length && string.CompareOrdinal(value, bodyStart, localBody, 0, bodyLength) == 0;
        match = new KeyMatch(start, end - start, kind, isLocal);
        return true;
    }

    private static bool TryMatchPersonalAccessToken(string value, int start, out KeyMatch match)
    {
        match = default;
        var i = start + PersonalAccessTokenPrefix.Length;

        // Optional version segment: v0_, v1_, …
        if (i < value.Length && value[i] == 'v')
        {
            var j = i + 1;
            while (j < value.Length && value[j] is >= '0' and <= '9')
            {
                j++;
            }

            if (j > i + 1 && j < value.Length && value[j] == '_')
            {
                i = j + 1;
            }
        }

        var hexStart = i;
        while (i < value.Length && value[i] is >= '0' and <= '9' or >= 'a' and <= 'f' && i - hexStart < PersonalAccessTokenHexLength)
        {
            i++;
        }

        if (i - hexStart != PersonalAccessTokenHexLength || !IsBoundaryAt(value, i))
        {
            return false;
        }

        match = new KeyMatch(start, i - start, KeyKind.PersonalAccessToken, isLocalDevelopment: false);
        return true;
    }

    private static bool TryMatchJwt(string value, int start, out KeyMatch match)
    {
        match = default;
        var headerEnd = ScanSegment(value, start);
        if (headerEnd < 0 || headerEnd >= value.Length || value[headerEnd] != '.')
        {
            return false;
        }

        var payloadStart = headerEnd + 1;
        if (string.CompareOrdinal(value, payloadStart, JwtStart, 0, JwtStart.Length) != 0)
        {
            return false;
        }

        var payloadEnd = ScanSegment(value, payloadStart);
        if (payloadEnd < 0 || payloadEnd >= value.Length || value[payloadEnd] != '.')
        {
            return false;
        }

        var signatureStart = payloadEnd + 1;
        var signatureEnd = ScanSegment(value, signatureStart);
        if (signatureEnd < 0 || signatureEnd - signatureStart < MinSignatureLength || (signatureEnd < value.Length && value[signatureEnd] == '.'))
        {
            return false;
        }

        if (!JsonClaimReader.TryReadObject(Base64Url.DecodeUtf8(value, start, headerEnd - start), out _, out _))
        {
            return false;
        }

        if (!JsonClaimReader.TryReadObject(Base64Url.DecodeUtf8(value, payloadStart, payloadEnd - payloadStart), out var role, out var issuer))
        {
            return false;
        }

        KeyKind kind;
        if (role == "service_role")
        {
            kind = KeyKind.LegacyServiceRole;
        }
        else if (role == "anon")
        {
            kind = KeyKind.LegacyAnon;
        }
        else
        {
            // authenticated user tokens and anything else are not project keys.
            return false;
        }

        match = new KeyMatch(start, signatureEnd - start, kind, issuer == LocalDevelopmentIssuer);
        return true;
    }

    /// <summary>The end of a run of base64url characters starting at <paramref name="start"/>, or -1 when empty or too long.</summary>
    private static int ScanSegment(string value, int start)
    {
        var i = start;
        while (i < value.Length && IsKeyChar(value[i]))
        {
            if (i - start > MaxJwtSegmentLength)
            {
                return -1;
            }

            i++;
        }

        return i == start ? -1 : i;
    }
}
