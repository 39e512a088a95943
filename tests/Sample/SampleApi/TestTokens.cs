using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SampleApi;

/// <summary>Tokens for end-to-end tests of the API.</summary>
public static class TestTokens
{
    // SBK008: a user token signed with the project's JWT secret: Supabase Auth never issued it and cannot revoke it.
    public static string ForUser(string userId) => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
        issuer: "supabase",
        claims: new[] { new Claim("sub", userId), new Claim("role", "authenticated") },
        signingCredentials: new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SUPABASE_JWT_SECRET") ?? string.Empty)),
            SecurityAlgorithms.HmacSha256)));
}
