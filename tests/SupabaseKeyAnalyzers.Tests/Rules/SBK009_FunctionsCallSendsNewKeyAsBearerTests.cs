using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK009_FunctionsCallSendsNewKeyAsBearerTests
{
    private static readonly string P = TestKeys.Publishable;

    /// <summary>Analyzes <paramref name="source"/> against the stubs with <c>Supabase.Functions</c> at <paramref name="functionsVersion"/>.</summary>
    private static Task VerifyAsync(string source, string functionsVersion, params DiagnosticResult[] expected)
    {
        var test = new SupabaseTest<FunctionsCallSendsNewKeyAsBearerAnalyzer> { TestCode = TestSources.Usings + source };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.SupabaseWithFunctions(functionsVersion));
        test.TestState.Sources.Add(("/0/Hosting.cs", TestSources.Hosting));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Expected(int marker, string key)
        => new DiagnosticResult(RuleDescriptors.SBK009_FunctionsCallSendsNewKeyAsBearer).WithLocation(marker).WithArguments("2.2.0", key, "8.0.0");

    private static string PublishableShown => "sb_publishable_ key 'sb_publishable_" + TestKeys.PublishableBody[..6] + "…'";

    [Fact]
    public Task Reports_Invoke_InvokeT_and_RawInvoke_without_a_token_on_a_client_with_a_new_key()
        => VerifyAsync($$"""
            class Functions
            {
                const string Key = "{{P}}";
                static readonly Supabase.Client Client = new("https://x.supabase.co", Key);

                async Task CallAsync()
                {
                    await {|#0:Client.Functions.Invoke("hello")|};
                    await {|#1:Client.Functions.Invoke<string>("hello", null)|};
                    await {|#2:Client.Functions.RawInvoke("hello", token: null)|};
                    var client = new Supabase.Client("https://x.supabase.co", "{{TestKeys.Secret}}");
                    await {|#3:client.Functions.Invoke("report")|};
                }
            }
            """,
            "2.2.0",
            Expected(0, PublishableShown),
            Expected(1, PublishableShown),
            Expected(2, PublishableShown),
            Expected(3, "sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'"));

    [Fact]
    public Task Reports_keys_named_as_new_format_and_StatelessClient_Functions()
        => VerifyAsync("""
            using Microsoft.Extensions.Configuration;

            class Functions
            {
                async Task CallAsync(IConfiguration configuration)
                {
                    var fromEnvironment = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_PUBLISHABLE_KEY"));
                    await {|#0:fromEnvironment.Functions.Invoke("hello")|};
                    var fromConfiguration = new Supabase.Client("https://x.supabase.co", configuration["Supabase:SecretKey"]);
                    await {|#1:fromConfiguration.Functions.Invoke("hello")|};
                    await {|#2:StatelessClient.Functions("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY")!).Invoke("hello")|};
                }
            }
            """,
            "2.2.0",
            Expected(0, "the SUPABASE_PUBLISHABLE_KEY environment variable"),
            Expected(1, "the configuration value 'Supabase:SecretKey'"),
            Expected(2, "the SUPABASE_SECRET_KEY environment variable"));

    [Fact]
    public Task Does_not_report_legacy_mixed_or_unknown_keys_nor_calls_with_a_user_token()
        => VerifyAsync($$"""
            class Functions
            {
                async Task CallAsync(string key, string userToken, bool legacy)
                {
                    var anon = new Supabase.Client("https://x.supabase.co", "{{TestKeys.AnonJwt}}");
                    await anon.Functions.Invoke("hello");
                    var legacyName = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_ANON_KEY"));
                    await legacyName.Functions.Invoke("hello");
                    var mixed = new Supabase.Client("https://x.supabase.co", legacy ? "{{TestKeys.AnonJwt}}" : "{{P}}");
                    await mixed.Functions.Invoke("hello");
                    var unknown = new Supabase.Client("https://x.supabase.co", key);
                    await unknown.Functions.Invoke("hello");
                    var client = new Supabase.Client("https://x.supabase.co", "{{P}}");
                    await client.Functions.Invoke("hello", userToken);
                    await client.Functions.Invoke("hello", token: client.Auth.CurrentSession!.AccessToken);
                    await new Supabase.Functions.Client("https://x.supabase.co/functions/v1").Invoke("hello");
                }
            }
            """,
            "2.2.0");

    [Fact]
    public Task Does_not_report_on_Supabase_Functions_8()
        => VerifyAsync($$"""
            class Functions
            {
                async Task CallAsync()
                {
                    var client = new Supabase.Client("https://x.supabase.co", "{{P}}");
                    await client.Functions.Invoke("hello");
                    await StatelessClient.Functions("https://x.supabase.co", "{{P}}").RawInvoke("hello");
                }
            }
            """,
            "8.0.0");
}
