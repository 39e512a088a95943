using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.Keys;

/// <summary>
/// The claims of a JWT's payload that tell a Supabase key: the top-level <c>role</c> and <c>iss</c>. Rejects anything
/// that is not one well-formed JSON object (<see cref="JsonText"/>, strict). Never throws.
/// </summary>
internal static class JsonClaimReader
{
    /// <summary>
    /// True when <paramref name="json"/> is one JSON object; <paramref name="role"/> and <paramref name="issuer"/>
    /// receive the string values of the top-level <c>role</c> and <c>iss</c> members when present.
    /// </summary>
    public static bool TryReadObject(string? json, out string? role, out string? issuer)
    {
        string? foundRole = null;
        string? foundIssuer = null;
        var valid = JsonText.TryReadObject(json, relaxed: false, (path, value) =>
        {
            switch (path)
            {
                case "role":
                    foundRole = value;
                    break;
                case "iss":
                    foundIssuer = value;
                    break;
            }
        });
        role = valid ? foundRole : null;
        issuer = valid ? foundIssuer : null;
        return valid;
    }
}
