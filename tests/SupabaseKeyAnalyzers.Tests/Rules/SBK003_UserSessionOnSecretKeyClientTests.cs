using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.UserSessionOnSecretKeyClientAnalyzer, SupabaseKeyAnalyzers.CodeFixes.UserSessionOnSecretKeyClientFixer>;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK003_UserSessionOnSecretKeyClientTests
{
    private static readonly string S = TestKeys.Secret;

    private static string Usings => """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Supabase.Gotrue;

        """;

    [Fact]
    public Task Reports_SignUp_on_clients_created_with_a_secret_key_through_every_receiver_shape()
        => Verify.AnalyzerAsync(Usings + /* lang=c#-test */ $$"""
            using Client = Supabase.Client;

            class Seeder
            {
                const string ServiceKey = "{{S}}";
                static readonly string LegacyKey = "{{TestKeys.ServiceRoleJwt}}";
                static readonly Client Shared = new("https://x.supabase.co", LegacyKey);
                readonly Supabase.Client fromConstructor;
                readonly string key;

                Supabase.Client Admin { get; } = new Supabase.Client("https://x.supabase.co", ServiceKey);

                Seeder()
                {
                    key = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY")!;
                    fromConstructor = new Supabase.Client("https://x.supabase.co", key);
                }

                async Task Run(string email, string password)
                {
                    var local = new Supabase.Client("https://x.supabase.co", ServiceKey);
                    await {|SBK003:local.Auth.SignUp(email, password)|};
                    Client targetTyped = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? "");
                    await {|SBK003:targetTyped.Auth.SignUp(Constants.SignUpType.Phone, "+15550100", password)|};
                    await {|SBK003:Shared.Auth.SignUp(email, password)|};
                    await {|SBK003:Admin.Auth.SignUp(email, password)|};
                    await {|SBK003:fromConstructor.Auth.SignUp(email, password)|};
                    await {|SBK003:new Supabase.Client("https://x.supabase.co", "{{TestKeys.OtherSecret}}").Auth.SignUp(email, password)|};
                }
            }
            """);

    [Fact]
    public Task Reports_a_Gotrue_client_whose_headers_carry_a_secret_key()
        => Verify.AnalyzerAsync(Usings + /* lang=c#-test */ $$"""
            class Seeder
            {
                const string ServiceKey = "{{S}}";

                async Task Run(string email, string password)
                {
                    var auth = new Supabase.Gotrue.Client(new ClientOptions { Headers = { ["apikey"] = ServiceKey } });
                    await {|SBK003:auth.SignUp(email, password)|};
                    var bearer = new Supabase.Gotrue.Client(new ClientOptions { Headers = new Dictionary<string, string> { { "Authorization", "Bearer {{TestKeys.ServiceRoleJwt}}" } } });
                    await {|SBK003:bearer.SignUp(email, password)|};
                }
            }
            """);

    [Fact]
    public Task Reports_other_sign_in_calls_and_names_them()
        => Verify.AnalyzerAsync(
            Usings + /* lang=c#-test */ $$"""
            class Seeder
            {
                async Task Run(string email, string password)
                {
                    var client = new Supabase.Client("https://x.supabase.co", "{{S}}");
                    await client.Auth.SignInWithPassword(email, password);
                    await {|SBK003:client.Auth.SignIn(email, password)|};
                }
            }
            """,
            expected: new DiagnosticResult(RuleDescriptors.SBK003_UserSessionOnSecretKeyClient)
                .WithSpan(10, 15, 10, 62)
                .WithArguments("SignInWithPassword", "sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'", "sign users in on a separate client created with the publishable key"));

    [Fact]
    public Task Does_not_report_publishable_anon_or_unknown_keys_user_types_or_CreateUser()
        => Verify.AnalyzerAsync(Usings + /* lang=c#-test */ $$"""
            namespace MyApp
            {
                class Client
                {
                    public Client(string url, string key) { }
                    public MyAuth Auth { get; } = new MyAuth();
                }

                class MyAuth
                {
                    public Task SignUp(string email, string password) => Task.CompletedTask;
                }

                class SupabaseOptions
                {
                    public Dictionary<string, string> Headers = new();
                }

                class Seeder
                {
                    async Task Run(string email, string password, string unknownKey)
                    {
                        await new Supabase.Client("https://x.supabase.co", "{{TestKeys.Publishable}}").Auth.SignUp(email, password);
                        await new Supabase.Client("https://x.supabase.co", "{{TestKeys.AnonJwt}}").Auth.SignUp(email, password);
                        await new Supabase.Client("https://x.supabase.co", unknownKey).Auth.SignUp(email, password);
                        await new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_ANON_KEY")).Auth.SignUp(email, password);
                        await new Client("https://x.supabase.co", "{{S}}").Auth.SignUp(email, password);
                        var admin = new Supabase.Client("https://x.supabase.co", "{{S}}");
                        await admin.AdminAuth("{{S}}").CreateUser(email, password);
                        var reassigned = new Supabase.Client("https://x.supabase.co", "{{S}}");
                        reassigned = new Supabase.Client("https://x.supabase.co", "{{TestKeys.Publishable}}");
                        await reassigned.Auth.SignUp(email, password);
                        await new Supabase.Gotrue.Client(new ClientOptions()).SignUp(email, password);
                    }
                }
            }
            """);

    [Fact]
    public Task Fix_rewrites_the_email_overload()
        => Verify.FixAsync(
            Usings + /* lang=c#-test */ $$"""
            class Seeder
            {
                const string ServiceKey = "{{S}}";

                async Task Run(string email, string password)
                {
                    var client = new Supabase.Client("https://x.supabase.co", ServiceKey);
                    await {|SBK003:client.Auth.SignUp(email, password)|};
                    var session = await {|SBK003:client.Auth.SignUp(email, password, null)|};
                    if (session == null)
                    {
                        throw new InvalidOperationException();
                    }
                }
            }
            """,
            Usings + /* lang=c#-test */ $$"""
            class Seeder
            {
                const string ServiceKey = "{{S}}";

                async Task Run(string email, string password)
                {
                    var client = new Supabase.Client("https://x.supabase.co", ServiceKey);
                    await client.AdminAuth(ServiceKey).CreateUser(email, password);
                    var session = await client.AdminAuth(ServiceKey).CreateUser(email, password);
                    if (session == null)
                    {
                        throw new InvalidOperationException();
                    }
                }
            }
            """);

    [Fact]
    public Task Fix_rewrites_the_phone_and_options_overloads_to_AdminUserAttributes()
        => Verify.FixAsync(
            Usings + /* lang=c#-test */ $$"""
            static class Keys
            {
                public static readonly string Service = "{{TestKeys.ServiceRoleJwt}}";
            }

            class Seeder
            {
                static readonly Supabase.Client Client = new("https://x.supabase.co", Keys.Service);

                async Task Run(string phone, string email, string password, Dictionary<string, object> data)
                {
                    await {|SBK003:Client.Auth.SignUp(Constants.SignUpType.Phone, phone, password)|};
                    await {|SBK003:Client.Auth.SignUp(email, password, new SignUpOptions { Data = data })|};
                    await {|SBK003:Client.Auth.SignUp(Constants.SignUpType.Email, email, password)|};
                }
            }
            """,
            Usings + /* lang=c#-test */ $$"""
            static class Keys
            {
                public static readonly string Service = "{{TestKeys.ServiceRoleJwt}}";
            }

            class Seeder
            {
                static readonly Supabase.Client Client = new("https://x.supabase.co", Keys.Service);

                async Task Run(string phone, string email, string password, Dictionary<string, object> data)
                {
                    await Client.AdminAuth(Keys.Service).CreateUser(new AdminUserAttributes { Phone = phone, Password = password });
                    await Client.AdminAuth(Keys.Service).CreateUser(new AdminUserAttributes { Email = email, Password = password, UserMetadata = data });
                    await Client.AdminAuth(Keys.Service).CreateUser(email, password);
                }
            }
            """);

    [Fact]
    public Task Fix_uses_the_environment_lookup_and_fields_assigned_in_a_constructor()
        => Verify.FixAsync(
            Usings + /* lang=c#-test */ """
            class Seeder
            {
                private readonly Supabase.Client client;
                private readonly Supabase.Client other;
                private readonly string serviceKey;

                public Seeder()
                {
                    serviceKey = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY")!;
                    client = new Supabase.Client("https://x.supabase.co", serviceKey);
                    other = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY")!);
                }

                public async Task Run(string email, string password)
                {
                    await {|SBK003:client.Auth.SignUp(email, password)|};
                    await {|SBK003:other.Auth.SignUp(email, password)|};
                }
            }
            """,
            Usings + /* lang=c#-test */ """
            class Seeder
            {
                private readonly Supabase.Client client;
                private readonly Supabase.Client other;
                private readonly string serviceKey;

                public Seeder()
                {
                    serviceKey = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY")!;
                    client = new Supabase.Client("https://x.supabase.co", serviceKey);
                    other = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY")!);
                }

                public async Task Run(string email, string password)
                {
                    await client.AdminAuth(serviceKey).CreateUser(email, password);
                    await other.AdminAuth(Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY")!).CreateUser(email, password);
                }
            }
            """);

    [Fact]
    public Task No_fix_where_the_result_is_used_as_a_session_or_the_key_is_out_of_scope()
        => Verify.NoFixAsync(Usings + /* lang=c#-test */ $$"""
            class Seeder
            {
                Supabase.Client Create(string key) => new Supabase.Client("https://x.supabase.co", key);

                async Task Run(string email, string password)
                {
                    var client = new Supabase.Client("https://x.supabase.co", "{{S}}");
                    var session = await {|SBK003:client.Auth.SignUp(email, password)|};
                    Console.WriteLine(session?.AccessToken);
                    await {|SBK003:client.Auth.SignUp(email, password, new SignUpOptions { RedirectTo = "https://app" })|};
                    var auth = new Supabase.Gotrue.Client(new ClientOptions { Headers = { ["apikey"] = "{{S}}" } });
                    await {|SBK003:auth.SignUp(email, password)|};
                }
            }
            """);
}
