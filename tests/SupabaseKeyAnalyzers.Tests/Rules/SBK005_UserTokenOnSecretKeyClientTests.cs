using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.CodeFixes.Rules;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.UserTokenOnSecretKeyClientAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.UserTokenOnSecretKeyClientFixer>;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK005_UserTokenOnSecretKeyClientTests
{
    private static readonly string S = TestKeys.Secret;

    /// <summary>Each site that puts a user token on Authorization for a client that holds a secret key.</summary>
    private static readonly Dictionary<string, string> Sites = new()
    {
        ["a Supabase.Client options initializer"] = """
            var options = new SupabaseOptions { Headers = { {|SBK005:["Authorization"] = "Bearer " + userJwt|} } };
            var admin = new Supabase.Client(Url, Secret, options);
            """,
        ["a later write to the options' headers"] = """
            var options = new SupabaseOptions();
            options.Headers.Add("X-Client-Info", "app");
            {|SBK005:options.Headers["Authorization"] = $"Bearer {session.AccessToken}"|};
            var admin = new Supabase.Client(Url, Secret, options);
            """,
        ["a new header dictionary from the environment's secret key"] = $$"""
            var replaced = new SupabaseOptions { Headers = new Dictionary<string, string> { {|SBK005:{ "Authorization", "Bearer {{TestKeys.UserJwt}}" }|} } };
            var other = new Supabase.Client(Url, Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"), replaced);
            """,
        ["a header name in a constant, by Add with named arguments"] = """
            const string header = "authorization";
            var options = new SupabaseOptions();
            {|SBK005:options.Headers.Add(value: "Bearer " + userJwt, key: header)|};
            var admin = new Supabase.Client(Url, Secret, options);
            """,
        ["the Postgrest options' headers by indexer"] = """
            var admin = new Supabase.Client(Url, Secret);
            {|SBK005:admin.Postgrest.Options.Headers["Authorization"] = "Bearer " + userJwt|};
            """,
        ["the Postgrest options' headers by Add"] = """
            var admin = new Supabase.Client(Url, Secret);
            {|SBK005:admin.Postgrest.Options.Headers.Add("Authorization", "Bearer " + userJwt)|};
            """,
        ["a child client's GetHeaders"] = """
            var admin = new Supabase.Client(Url, Secret);
            {|SBK005:admin.Postgrest.GetHeaders = () => new Dictionary<string, string> { ["Authorization"] = "Bearer " + userJwt }|};
            """,
        ["Realtime SetAuth"] = """
            var admin = new Supabase.Client(Url, Secret);
            {|SBK005:admin.Realtime.SetAuth(userJwt)|};
            """,
        ["Functions InvokeFunctionOptions"] = """
            var admin = new Supabase.Client(Url, Secret);
            await admin.Functions.Invoke("hello", options: new Supabase.Functions.Client.InvokeFunctionOptions { Headers = { {|SBK005:["Authorization"] = "Bearer " + userJwt|} } });
            """,
        ["a Gotrue client's options"] = """
            var gotrueOptions = new Supabase.Gotrue.ClientOptions { Headers = { ["apikey"] = Secret, {|SBK005:["Authorization"] = "Bearer " + userJwt|} } };
            var auth = new Supabase.Gotrue.Client(gotrueOptions);
            """,
        ["a Postgrest client's options"] = """
            var rest = new Supabase.Postgrest.Client(Url + "/rest/v1", new Supabase.Postgrest.ClientOptions { Headers = { ["apikey"] = Secret, {|SBK005:["Authorization"] = "Bearer " + userJwt|} } });
            """,
    };

    public static TheoryData<string> SiteNames() => new(Sites.Keys);

    [Theory]
    [MemberData(nameof(SiteNames))]
    public Task Reports_a_user_token_on_Authorization_through(string site)
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Handler
            {
                const string Url = "https://x.supabase.co";
                const string Secret = "{{S}}";

                async Task Run(string userJwt, Supabase.Gotrue.Session session)
                {
            {{string.Join("\n", Sites[site].Split('\n').Select(line => line.Length == 0 ? line : "        " + line))}}
                    await Task.CompletedTask;
                }
            }
            """);

    [Fact]
    public Task The_message_names_the_client_and_its_key()
        => Verify.AnalyzerAsync(
            TestSources.Usings + /* lang=c#-test */ """
            class Handler
            {
                void Run(Supabase.Client admin, string userJwt)
                {
                }

                void Run(string userJwt)
                {
                    var admin = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY"));
                    {|#0:admin.Realtime.SetAuth(userJwt)|};
                }
            }
            """,
            expected: new DiagnosticResult(RuleDescriptors.SBK005_UserTokenOnSecretKeyClient)
                .WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("'admin'", "the SUPABASE_SERVICE_ROLE_KEY environment variable"));

    [Fact]
    public Task Does_not_report_the_same_secret_key_publishable_clients_or_unknown_keys()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Handler
            {
                const string Url = "https://x.supabase.co";
                const string Secret = "{{S}}";

                void Run(string userJwt, string unknownKey)
                {
                    var explicitKey = new SupabaseOptions { Headers = { ["Authorization"] = "Bearer " + Secret } };
                    var admin = new Supabase.Client(Url, Secret, explicitKey);
                    var fromEnvironment = new SupabaseOptions();
                    fromEnvironment.Headers["Authorization"] = "Bearer " + Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY");
                    var admin2 = new Supabase.Client(Url, Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"), fromEnvironment);
                    admin.Realtime.SetAuth(Secret);
                    const string traceHeader = "X-Trace";
                    admin.Postgrest.Options.Headers[traceHeader] = userJwt;
                    admin.Postgrest.Options.Headers.Add("X-User", userJwt);

                    var userScoped = new SupabaseOptions { Headers = { ["Authorization"] = "Bearer " + userJwt } };
                    var user = new Supabase.Client(Url, "{{TestKeys.Publishable}}", userScoped);
                    var anon = new Supabase.Client(Url, "{{TestKeys.AnonJwt}}", new SupabaseOptions { Headers = { ["Authorization"] = "Bearer " + userJwt } });
                    var unknown = new Supabase.Client(Url, unknownKey, new SupabaseOptions { Headers = { ["Authorization"] = "Bearer " + userJwt } });
                    user.Realtime.SetAuth(userJwt);
                    user.Postgrest.Options.Headers["Authorization"] = "Bearer " + userJwt;
                    var gotrue = new Supabase.Gotrue.Client(new Supabase.Gotrue.ClientOptions { Headers = { ["apikey"] = "{{TestKeys.Publishable}}", ["Authorization"] = "Bearer " + userJwt } });
                }
            }
            """);

    [Fact]
    public Task Follows_the_client_through_fields_and_dependency_injection()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            static class Db
            {
                public static readonly Supabase.Client Admin = new("https://x.supabase.co", "{{TestKeys.ServiceRoleJwt}}");
            }

            class Handler
            {
                void Run(string userJwt) => {|SBK005:Db.Admin.Realtime.SetAuth(userJwt)|};
            }
            """);

    [Fact]
    public Task Fix_uses_the_one_publishable_constant()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            static class Keys
            {
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Secret = "{{S}}";
            }

            class Handler
            {
                Supabase.Client Create(string userJwt)
                {
                    var options = new SupabaseOptions { Headers = { {|SBK005:["Authorization"] = "Bearer " + userJwt|} } };
                    return new Supabase.Client("https://x.supabase.co", Keys.Secret, options);
                }
            }
            """,
            TestSources.Usings + /* lang=c#-test */ $$"""
            static class Keys
            {
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Secret = "{{S}}";
            }

            class Handler
            {
                Supabase.Client Create(string userJwt)
                {
                    var options = new SupabaseOptions { Headers = { ["Authorization"] = "Bearer " + userJwt } };
                    return new Supabase.Client("https://x.supabase.co", Keys.Publishable, options);
                }
            }
            """);

    [Fact]
    public Task Fix_reads_the_publishable_key_from_the_environment_when_no_constant_exists()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ """
            class Handler
            {
                Supabase.Client Create(string userJwt)
                {
                    var options = new SupabaseOptions();
                    {|SBK005:options.Headers["Authorization"] = "Bearer " + userJwt|};
                    return new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"), options);
                }
            }
            """,
            TestSources.Usings + /* lang=c#-test */ """
            class Handler
            {
                Supabase.Client Create(string userJwt)
                {
                    var options = new SupabaseOptions();
                    options.Headers["Authorization"] = "Bearer " + userJwt;
                    return new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_PUBLISHABLE_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_PUBLISHABLE_KEY environment variable."), options);
                }
            }
            """);

    [Fact]
    public async Task Fix_removes_the_Authorization_override_and_keeps_the_admin_client()
    {
        var test = new SupabaseTest<UserTokenOnSecretKeyClientAnalyzer, UserTokenOnSecretKeyClientFixer>
        {
            CodeActionEquivalenceKey = nameof(UserTokenOnSecretKeyClientFixer) + ".RemoveOverride",
            CodeActionIndex = 1,
            TestCode = TestSources.Usings + /* lang=c#-test */ $$"""
                class Handler
                {
                    void Run(string userJwt)
                    {
                        var options = new SupabaseOptions { Headers = { ["X-Client-Info"] = "app", {|SBK005:["Authorization"] = "Bearer " + userJwt|} } };
                        {|SBK005:options.Headers.Add("Authorization", userJwt)|};
                        var admin = new Supabase.Client("https://x.supabase.co", "{{S}}", options);
                        {|SBK005:admin.Realtime.SetAuth(userJwt)|};
                    }
                }
                """,
            FixedCode = TestSources.Usings + /* lang=c#-test */ $$"""
                class Handler
                {
                    void Run(string userJwt)
                    {
                        var options = new SupabaseOptions { Headers = { ["X-Client-Info"] = "app" } };
                        var admin = new Supabase.Client("https://x.supabase.co", "{{S}}", options);
                    }
                }
                """,
        };
        await test.RunAsync();
    }
}
