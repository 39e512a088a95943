using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.SecretKeyClientKeepsSessionsAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.SecretKeyClientKeepsSessionsFixer>;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK006_SecretKeyClientKeepsSessionsTests
{
    private static readonly string S = TestKeys.Secret;

    /// <summary>A session handler that saves sessions, after the shared usings.</summary>
    private static string Prelude => TestSources.Usings + """
        class FileSessionHandler : IGotrueSessionPersistence<Session>
        {
            public void SaveSession(Session session) { }
            public void DestroySession() { }
            public Session? LoadSession() => null;
        }

        """;

    [Fact]
    public Task Reports_a_session_handler_and_SetPersistence_on_secret_key_clients()
        => Verify.AnalyzerAsync(Prelude + /* lang=c#-test */ $$"""
            class Admin
            {
                static readonly Supabase.Client Shared = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"));

                void Run()
                {
                    var options = new SupabaseOptions { AutoConnectRealtime = true, {|SBK006:SessionHandler = new FileSessionHandler()|} };
                    var admin = new Supabase.Client("https://x.supabase.co", "{{S}}", options);

                    var later = new SupabaseOptions();
                    {|SBK006:later.SessionHandler = new FileSessionHandler()|};
                    var other = new Supabase.Client("https://x.supabase.co", "{{TestKeys.ServiceRoleJwt}}", later);

                    {|SBK006:Shared.Auth.SetPersistence(new FileSessionHandler())|};
                    var gotrue = new Supabase.Gotrue.Client(new ClientOptions { Headers = { ["apikey"] = "{{S}}" } });
                    {|SBK006:gotrue.SetPersistence(new FileSessionHandler())|};
                }
            }
            """);

    [Fact]
    public Task The_message_names_the_client_its_key_and_what_keeps_sessions()
        => Verify.AnalyzerAsync(
            Prelude + /* lang=c#-test */ """
            class Admin
            {
                void Run()
                {
                    var admin = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY"));
                    {|#0:admin.Auth.SetPersistence(new FileSessionHandler())|};
                }
            }
            """,
            expected: new DiagnosticResult(RuleDescriptors.SBK006_SecretKeyClientKeepsSessions)
                .WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("'admin'", "the SUPABASE_SERVICE_ROLE_KEY environment variable", "SetPersistence saves every session"));

    [Fact]
    public Task Does_not_report_publishable_clients_the_default_handler_or_unknown_keys()
        => Verify.AnalyzerAsync(Prelude + /* lang=c#-test */ $$"""
            class App
            {
                void Run(string key)
                {
                    var user = new Supabase.Client("https://x.supabase.co", "{{TestKeys.Publishable}}", new SupabaseOptions { SessionHandler = new FileSessionHandler() });
                    user.Auth.SetPersistence(new FileSessionHandler());
                    var admin = new Supabase.Client("https://x.supabase.co", "{{S}}", new SupabaseOptions { SessionHandler = new DefaultSupabaseSessionHandler() });
                    var unknown = new Supabase.Client("https://x.supabase.co", key, new SupabaseOptions { SessionHandler = new FileSessionHandler() });
                    var anon = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_ANON_KEY"), new SupabaseOptions { SessionHandler = new FileSessionHandler() });
                }
            }
            """);

    [Fact]
    public Task Fix_removes_the_handler_and_turns_token_refresh_off()
        => Verify.FixAsync(
            Prelude + /* lang=c#-test */ $$"""
            class Admin
            {
                void Run()
                {
                    var options = new SupabaseOptions { AutoConnectRealtime = true, {|SBK006:SessionHandler = new FileSessionHandler()|} };
                    var admin = new Supabase.Client("https://x.supabase.co", "{{S}}", options);

                    var later = new SupabaseOptions { AutoRefreshToken = true };
                    {|SBK006:later.SessionHandler = new FileSessionHandler()|};
                    var other = new Supabase.Client("https://x.supabase.co", "{{S}}", later);

                    var bare = new Supabase.Client("https://x.supabase.co", "{{S}}");
                    {|SBK006:bare.Auth.SetPersistence(new FileSessionHandler())|};
                }
            }
            """,
            Prelude + /* lang=c#-test */ $$"""
            class Admin
            {
                void Run()
                {
                    var options = new SupabaseOptions { AutoConnectRealtime = true, AutoRefreshToken = false };
                    var admin = new Supabase.Client("https://x.supabase.co", "{{S}}", options);

                    var later = new SupabaseOptions { AutoRefreshToken = false };
                    var other = new Supabase.Client("https://x.supabase.co", "{{S}}", later);

                    var bare = new Supabase.Client("https://x.supabase.co", "{{S}}", new SupabaseOptions { AutoRefreshToken = false });
                }
            }
            """);
}
