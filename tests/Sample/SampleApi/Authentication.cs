using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SampleApi;

/// <summary>How the API validates the access tokens of Supabase users.</summary>
public static class Authentication
{
    // SBK010 (Info; a warning with <SupabaseKeyAnalysisMode>Migration</SupabaseKeyAnalysisMode>): the shared JWT secret
    // validates tokens only until the project moves to JWT signing keys; validate against the project's JWKS instead.
    public static TokenValidationParameters Parameters() => new()
    {
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SUPABASE_JWT_SECRET") ?? string.Empty)),
        ValidIssuer = UserSeeder.Url + "/auth/v1",
        ValidAudience = "authenticated",
    };
}
