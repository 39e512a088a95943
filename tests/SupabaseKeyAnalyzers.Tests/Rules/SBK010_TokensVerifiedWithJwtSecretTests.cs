using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK010_TokensVerifiedWithJwtSecretTests
{
    private const string Prelude = TestSources.Usings + TestSources.JwtUsings;

    /// <summary>The real token libraries, referenced as a user's project would.</summary>
    private static Task VerifyAsync([System.Diagnostics.CodeAnalysis.StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new SupabaseTest<TokensVerifiedWithJwtSecretAnalyzer> { TestCode = Prelude + source };
        test.TestState.AdditionalReferences.AddRange(TestReferences.TokenLibraries);

        test.TestState.Sources.Add(("/0/Hosting.cs", TestSources.Hosting));
        test.WithProject(ProjectSetup.Web);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Expected(int marker, string evidence)
        => new DiagnosticResult(RuleDescriptors.SBK010_TokensVerifiedWithJwtSecret).WithLocation(marker).WithSeverity(DiagnosticSeverity.Info).WithArguments(evidence);

    [Fact]
    public Task Reports_a_symmetric_key_from_the_JWT_secret_in_validation_parameters()
        => VerifyAsync("""
            using Microsoft.Extensions.Configuration;

            class Authentication
            {
                TokenValidationParameters FromEnvironment(string supabaseUrl) => new TokenValidationParameters
                {
                    ValidateIssuerSigningKey = true,
                    {|#0:IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SUPABASE_JWT_SECRET")!))|},
                    ValidIssuer = supabaseUrl + "/auth/v1",
                    ValidAudience = "authenticated",
                };

                TokenValidationParameters FromConfiguration(IConfiguration configuration)
                {
                    var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Supabase:JwtSecret"]!));
                    return new TokenValidationParameters { {|#1:IssuerSigningKey = key|}, ValidateAudience = false };
                }
            }
            """,
            Expected(0, "the key comes from SUPABASE_JWT_SECRET"),
            Expected(1, "the key comes from Supabase:JwtSecret"));

    [Fact]
    public Task Reports_a_symmetric_key_beside_a_Supabase_issuer_or_audience()
        => VerifyAsync("""
            using Microsoft.Extensions.Configuration;

            class Authentication
            {
                TokenValidationParameters Audience(IConfiguration configuration) => new()
                {
                    {|#0:IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!))|},
                    ValidAudiences = new[] { "api", "authenticated" },
                };

                TokenValidationParameters HostedIssuer(byte[] secret) => new()
                {
                    {|#1:IssuerSigningKeys = new[] { new SymmetricSecurityKey(secret) }|},
                    ValidIssuer = "https://abcdefghijklmnopqrst.supabase.co/auth/v1",
                };

                TokenValidationParameters ThroughALocal(string url, byte[] secret)
                {
                    var parameters = new TokenValidationParameters();
                    parameters.ValidIssuer = $"{url}/auth/v1";
                    SecurityKey key = new SymmetricSecurityKey(secret);
                    {|#2:parameters.IssuerSigningKey = key|};
                    return parameters;
                }
            }
            """,
            Expected(0, "audience 'authenticated'"),
            Expected(1, "issuer 'https://abcdefghijklmnopqrst.supabase.co/auth/v1'"),
            Expected(2, "issuer '…/auth/v1'"));

    [Fact]
    public Task Does_not_report_other_issuers_asymmetric_keys_key_sets_or_unknown_keys()
        => VerifyAsync("""
            using System.Security.Cryptography;

            class Authentication
            {
                TokenValidationParameters OtherIssuer(byte[] secret) => new()
                {
                    IssuerSigningKey = new SymmetricSecurityKey(secret),
                    ValidIssuer = "https://login.example.com",
                    ValidAudience = "api",
                };

                TokenValidationParameters Asymmetric(RSA rsa, ECDsa ec, string url) => new()
                {
                    IssuerSigningKey = new RsaSecurityKey(rsa),
                    IssuerSigningKeys = new SecurityKey[] { new ECDsaSecurityKey(ec) },
                    ValidIssuer = url + "/auth/v1",
                    ValidAudience = "authenticated",
                };

                TokenValidationParameters Jwks(string json, string url) => new()
                {
                    IssuerSigningKeys = new JsonWebKeySet(json).GetSigningKeys(),
                    ValidIssuer = url + "/auth/v1",
                    ValidAudience = "authenticated",
                };

                TokenValidationParameters Unknown(SecurityKey key, bool legacy, byte[] secret, RSA rsa) => new()
                {
                    IssuerSigningKey = key,
                    IssuerSigningKeys = new SecurityKey[] { legacy ? new SymmetricSecurityKey(secret) : new RsaSecurityKey(rsa) },
                    ValidAudience = "authenticated",
                };
            }
            """);

    /// <summary>
    /// What docs/rules/SBK010.md recommends, run for real: a token signed with an EC signing key validates against a
    /// JSON Web Key Set built from its public part (as Supabase publishes at /auth/v1/.well-known/jwks.json), and a
    /// token signed with a shared secret does not.
    /// </summary>
    [Fact]
    public async Task The_documented_JWKS_validation_accepts_signing_key_tokens_and_rejects_shared_secret_ones()
    {
        const string issuer = "https://abcdefghijklmnopqrst.supabase.co/auth/v1";
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signingKey = new ECDsaSecurityKey(ec) { KeyId = "test-key-1" };
        var publicJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(includePrivateParameters: false))) { KeyId = "test-key-1" });
        var jwksJson = System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { new { kty = publicJwk.Kty, crv = publicJwk.Crv, x = publicJwk.X, y = publicJwk.Y, kid = publicJwk.Kid, alg = "ES256", use = "sig" } } });

        string Mint(SigningCredentials credentials) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "authenticated",
            Subject = new ClaimsIdentity(new[] { new Claim("sub", "8c1b5f7e-0000-4000-8000-000000000001"), new Claim("role", "authenticated") }),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = credentials,
        });

        // The validation the docs page shows.
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwksJson).GetSigningKeys(),
            ValidIssuer = issuer,
            ValidAudience = "authenticated",
        };

        var signed = await new JsonWebTokenHandler().ValidateTokenAsync(Mint(new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256)), parameters);
        Assert.True(signed.IsValid, signed.Exception?.Message);

        var legacy = await new JsonWebTokenHandler().ValidateTokenAsync(Mint(new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256)), parameters);
        Assert.False(legacy.IsValid);
    }
}
