using System.IdentityModel.Tokens.Jwt;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK008_SupabaseTokenSignedInCodeTests
{
    private const string Prelude = TestSources.Usings + TestSources.JwtUsings;

    /// <summary>The real token libraries, referenced as a user's project would.</summary>
    private static Task VerifyAsync([System.Diagnostics.CodeAnalysis.StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
        => VerifyInAsync(ProjectSetup.Web, source, expected);

    private static Task VerifyInAsync(ProjectSetup project, [System.Diagnostics.CodeAnalysis.StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new SupabaseTest<SupabaseTokenSignedInCodeAnalyzer> { TestCode = Prelude + source };
        test.TestState.AdditionalReferences.AddRange(TestReferences.TokenLibraries);

        test.WithProject(project);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_a_JwtSecurityToken_with_Supabase_claims_audience_or_issuer()
        => VerifyAsync("""
            class Tokens
            {
                string Mint(string userId, SigningCredentials credentials)
                {
                    var claims = new List<Claim> { new Claim("sub", userId) };
                    claims.Add(new Claim("role", "authenticated"));
                    var token = {|SBK008:new JwtSecurityToken(claims: claims, expires: DateTime.UtcNow.AddHours(1), signingCredentials: credentials)|};
                    var other = {|SBK008:new JwtSecurityToken(issuer: "https://abcdefghijklmnopqrst.supabase.co/auth/v1", audience: "api")|};
                    var third = {|SBK008:new JwtSecurityToken("app", "authenticated")|};
                    return new JwtSecurityTokenHandler().WriteToken(token) + other + third;
                }
            }
            """);

    [Fact]
    public Task Reports_handlers_creating_from_a_descriptor_with_Supabase_markers()
        => VerifyAsync("""
            class Tokens
            {
                string Service(JwtSecurityTokenHandler handler, SigningCredentials credentials)
                    => handler.WriteToken({|SBK008:handler.CreateToken(new SecurityTokenDescriptor { Subject = new ClaimsIdentity(new[] { new Claim("role", "service_role") }), SigningCredentials = credentials })|});

                string Anon(SigningCredentials credentials)
                {
                    var descriptor = new SecurityTokenDescriptor { Claims = new Dictionary<string, object> { ["role"] = "anon" } };
                    descriptor.SigningCredentials = credentials;
                    return {|SBK008:new JsonWebTokenHandler().CreateToken(descriptor)|};
                }

                string FromSecret(JwtSecurityTokenHandler handler)
                {
                    var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SUPABASE_JWT_SECRET")!));
                    var descriptor = new SecurityTokenDescriptor { SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256) };
                    return {|SBK008:handler.CreateEncodedJwt(descriptor)|};
                }
            }
            """);

    [Fact]
    public Task The_message_names_what_marks_the_token_as_a_Supabase_token()
        => VerifyAsync(
            """
            class Tokens
            {
                object Mint() => {|#0:new JwtSecurityToken(audience: "authenticated")|};
            }
            """,
            new DiagnosticResult(RuleDescriptors.SBK008_SupabaseTokenSignedInCode).WithLocation(0).WithArguments("audience 'authenticated'"));

    [Fact]
    public Task Does_not_report_tokens_for_other_issuers_audiences_and_roles()
        => VerifyAsync("""
            class Tokens
            {
                string Mint(SigningCredentials credentials, JwtSecurityTokenHandler handler)
                {
                    var claims = new[] { new Claim(ClaimTypes.Role, "admin"), new Claim("role", "editor") };
                    var token = new JwtSecurityToken("https://auth.example.com", "api", claims, signingCredentials: credentials);
                    var descriptor = new SecurityTokenDescriptor { Issuer = "https://auth.example.com", Audience = "api", Claims = new Dictionary<string, object> { ["scope"] = "read" } };
                    var secret = Environment.GetEnvironmentVariable("JWT_SIGNING_KEY");
                    return handler.WriteToken(token) + handler.CreateEncodedJwt(descriptor) + secret;
                }
            }
            """);

    /// <summary>The Supabase C# SDK's own test utilities mint service_role tokens with the local stack's JWT secret.</summary>
    private const string TestUtils = """
        public static class TestUtils
        {
            public static string GenerateServiceRoleToken()
            {
                var signingKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("37c304f8-51aa-419a-a1af-06154e63707a"));
                var tokenDescriptor = new SecurityTokenDescriptor
                {
                    Subject = new ClaimsIdentity(new[] { new Claim("role", "service_role") }),
                    SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256Signature),
                };
                var handler = new JwtSecurityTokenHandler();
                return handler.WriteToken({|#0:handler.CreateToken(tokenDescriptor)|});
            }
        }
        """;

    [Fact]
    public Task Test_projects_are_skipped_as_for_the_leak_rules()
        => VerifyInAsync(ProjectSetup.TestProject, TestUtils.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace(")|}", ")", StringComparison.Ordinal));

    [Fact]
    public Task Test_projects_are_analyzed_when_the_option_asks_for_them()
        => VerifyInAsync(
            ProjectSetup.TestProject.With(new[] { "supabase_key_analyzers.analyze_test_projects = true" }),
            TestUtils,
            new DiagnosticResult(RuleDescriptors.SBK008_SupabaseTokenSignedInCode).WithLocation(0).WithArguments("role claim 'service_role'"));
}
