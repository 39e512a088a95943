using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

/// <summary>
/// Keys built at run time, so that no key-shaped string is ever committed (secret scanners and push protection
/// stay quiet). Legacy keys are real HS256 JWTs minted with System.IdentityModel.Tokens.Jwt.
/// </summary>
public static class TestKeys
{
    private const string Sb = "sb_";

    /// <summary>22 base64url characters, '_', 8 alphanumerics: the observed shape of a new-format key body.</summary>
    public static readonly string SecretBody = "Xq7-Lm3_Rt9KpWz2Vb4Nc8" + "_" + "Ab12Cd34";

    public static readonly string PublishableBody = "Pk5-Hy6_Tn2LqRs8Uv1Wx3" + "_" + "Ef56Gh78";

    public static readonly string Secret = Sb + "secret_" + SecretBody;

    public static readonly string OtherSecret = Sb + "secret_" + "Zz9-Yy8_Xx7WwVvUuTtSs6" + "_" + "Rr54Qq32";

    public static readonly string Publishable = Sb + "publishable_" + PublishableBody;

    /// <summary>The Supabase CLI's fixed local keys (public, identical on every machine).</summary>
    public static readonly string LocalSecret = Sb + "secret_" + "N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";

    public static readonly string LocalPublishable = Sb + "publishable_" + "ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH";

    public static readonly string PersonalAccessToken = "sbp" + "_" + string.Concat(Enumerable.Repeat("0a1b2c3d4e", 4));

    public static readonly string ServiceRoleJwt = MintJwt(("iss", "supabase"), ("ref", "abcdefghijklmnopqrst"), ("role", "service_role"), ("iat", 1700000000L), ("exp", 2015576000L));

    public static readonly string AnonJwt = MintJwt(("iss", "supabase"), ("ref", "abcdefghijklmnopqrst"), ("role", "anon"), ("iat", 1700000000L), ("exp", 2015576000L));

    public static readonly string LocalServiceRoleJwt = MintJwt(("iss", "supabase-demo"), ("role", "service_role"), ("exp", 1983812996L));

    /// <summary>A signed-in user's access token: not a project key.</summary>
    public static readonly string UserJwt = MintJwt(("aud", "authenticated"), ("sub", "8c1b5f7e-0000-4000-8000-000000000001"), ("role", "authenticated"), ("exp", 2015576000L));

    /// <summary>Mints an HS256 JWT whose payload holds <paramref name="claims"/> in the order given.</summary>
    public static string MintJwt(params (string Name, object Value)[] claims)
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256);
        var payload = new JwtPayload();
        foreach (var (name, value) in claims)
        {
            payload[name] = value;
        }

        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(new JwtHeader(credentials), payload));
    }

    /// <summary>Every substring of <paramref name="key"/>'s material longer than the 6 characters a message may show.</summary>
    public static IEnumerable<string> MaterialLongerThanShown(string key)
    {
        var body = key.StartsWith(Sb + "secret_", StringComparison.Ordinal) ? key[(Sb.Length + 7)..]
            : key.StartsWith(Sb + "publishable_", StringComparison.Ordinal) ? key[(Sb.Length + 12)..]
            : key.StartsWith("sbp_", StringComparison.Ordinal) ? key[4..]
            : key.Split('.')[1];
        for (var i = 0; i + 7 <= body.Length; i++)
        {
            yield return body.Substring(i, 7);
        }
    }
}
