using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.UserSessionOnSecretKeyClientAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.UserSessionOnSecretKeyClientFixer>;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK003_UserSessionOnSecretKeyClientTests
{
    private static readonly string S = TestKeys.Secret;

    /// <summary>Each way code holds a secret-key client before signing up on it: the members it needs, and the call.</summary>
    private static readonly Dictionary<string, (string Members, string Call)> ReceiverShapes = new()
    {
        ["a local"] = ("", """
            var local = new Supabase.Client("https://x.supabase.co", ServiceKey);
            await {|SBK003:local.Auth.SignUp(email, password)|};
            """),
        ["a target-typed local with an empty fallback"] = ("", """
            Client targetTyped = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? "");
            await {|SBK003:targetTyped.Auth.SignUp(Constants.SignUpType.Phone, "+15550100", password)|};
            """),
        ["a static readonly field with a legacy key"] = ("""
            static readonly Client Shared = new("https://x.supabase.co", LegacyKey);
            """, """
            await {|SBK003:Shared.Auth.SignUp(email, password)|};
            """),
        ["a property initializer"] = ("""
            Supabase.Client Admin { get; } = new Supabase.Client("https://x.supabase.co", ServiceKey);
            """, """
            await {|SBK003:Admin.Auth.SignUp(email, password)|};
            """),
        ["a field set in the constructor from the environment"] = ("""
            readonly Supabase.Client fromConstructor;
            readonly string key;

            Seeder()
            {
                key = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY")!;
                fromConstructor = new Supabase.Client("https://x.supabase.co", key);
            }
            """, """
            await {|SBK003:fromConstructor.Auth.SignUp(email, password)|};
            """),
        ["an inline construction"] = ("", $$"""
            await {|SBK003:new Supabase.Client("https://x.supabase.co", "{{TestKeys.OtherSecret}}").Auth.SignUp(email, password)|};
            """),
    };

    public static TheoryData<string> ReceiverShapeNames() => new(ReceiverShapes.Keys);

    [Theory]
    [MemberData(nameof(ReceiverShapeNames))]
    public Task Reports_SignUp_on_a_client_created_with_a_secret_key_held_in(string shape)
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            using Client = Supabase.Client;

            class Seeder
            {
                const string ServiceKey = "{{S}}";
                static readonly string LegacyKey = "{{TestKeys.ServiceRoleJwt}}";
            {{Indent(ReceiverShapes[shape].Members, 1)}}

                async Task Run(string email, string password)
                {
            {{Indent(ReceiverShapes[shape].Call, 2)}}
                }
            }
            """);

    private static string Indent(string code, int levels)
        => string.Join("\n", code.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', 4 * levels) + line));

    [Fact]
    public Task Reports_a_Gotrue_client_whose_headers_carry_a_secret_key()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
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
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Seeder
            {
                async Task Run(string email, string password)
                {
                    var client = new Supabase.Client("https://x.supabase.co", "{{S}}");
                    await {|#0:client.Auth.SignInWithPassword(email, password)|};
                    await {|SBK003:client.Auth.SignIn(email, password)|};
                }
            }
            """,
            expected: new DiagnosticResult(RuleDescriptors.SBK003_UserSessionOnSecretKeyClient)
                .WithLocation(0)
                .WithArguments("SignInWithPassword", "sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'", "sign users in on a separate client created with the publishable key"));

    [Fact]
    public Task Does_not_report_publishable_anon_or_unknown_keys_user_types_or_CreateUser()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
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
            TestSources.Usings + /* lang=c#-test */ $$"""
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
            TestSources.Usings + /* lang=c#-test */ $$"""
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
            TestSources.Usings + /* lang=c#-test */ $$"""
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
            TestSources.Usings + /* lang=c#-test */ $$"""
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
            TestSources.Usings + /* lang=c#-test */ """
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
            TestSources.Usings + /* lang=c#-test */ """
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
        => Verify.NoFixAsync(TestSources.Usings + /* lang=c#-test */ $$"""
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

    [Fact]
    public Task Follows_a_const_key_through_a_local_and_a_property_set_in_another_class_constructor()
        => Verify.FilesAsync(
            /* lang=c#-test */ $$"""
            namespace MauiApp;

            public static class AppConfig
            {
                public const string Url = "https://x.supabase.co";
                public const string Key = "{{TestKeys.ServiceRoleJwt}}";
            }
            """,
            /* lang=c#-test */ """
            using Supabase;

            namespace MauiApp;

            public class DataService
            {
                public DataService()
                {
                    var url = AppConfig.Url;
                    var key = AppConfig.Key;
                    SupabaseClient = new Client(url, key);
                }

                public Supabase.Client SupabaseClient { get; private set; }
            }
            """,
            /* lang=c#-test */ """
            using System.Threading.Tasks;

            namespace MauiApp;

            public partial class SignUpPage
            {
                private readonly DataService _dataservice = new();

                private async Task OnSignUp(string email, string password)
                {
                    await {|SBK003:_dataservice.SupabaseClient.Auth.SignUp(email, password)|};
                }
            }

            public partial class SignInPage(DataService dataservice)
            {
                private readonly DataService _dataservice = dataservice;

                private async Task OnSignIn(string email, string password)
                {
                    await {|SBK003:_dataservice.SupabaseClient.Auth.SignIn(email, password)|};
                }
            }
            """);

    [Fact]
    public Task Follows_null_forgiving_and_throwing_coalesce_static_holders_and_named_arguments()
        => Verify.FilesAsync(
            TestSources.Usings + /* lang=c#-test */ """
            static class Db
            {
                const string Url = "https://x.supabase.co";
                static readonly string SecretKey = Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("SUPABASE_SECRET_KEY is not set");
                public static readonly Supabase.Client Admin = new(Url, SecretKey);
            }

            class Seeder
            {
                private readonly Supabase.Client field;

                Seeder()
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY") ?? throw new InvalidOperationException("SUPABASE_SERVICE_ROLE_KEY is not set");
                    field = new Supabase.Client("https://x.supabase.co", key);
                }

                async Task Run(string url, string email, string password)
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY")!;
                    var supabase = new Supabase.Client(url, key);
                    await {|SBK003:supabase.Auth.SignUp(email, password)|};
                    await {|SBK003:field.Auth.SignUp(email, password)|};
                    var named = new Supabase.Client(supabaseKey: key, supabaseUrl: url);
                    await {|SBK003:named.Auth.SignUp(email, password)|};
                    var either = email.Length > 3 ? key : (string)Db.Admin.ToString()!;
                    await new Supabase.Client(url, either).Auth.SignUp(email, password);
                }
            }
            """,
            TestSources.Usings + /* lang=c#-test */ """
            class Other
            {
                async Task Run(string email, string password)
                {
                    await {|SBK003:Db.Admin.Auth.SignUp(email, password)|};
                    _ = Db.Admin?{|SBK003:.Auth.SignUp(email, password)|};
                    var ready = await Db.Admin.InitializeAsync();
                    await {|SBK003:ready.Auth.SignIn(email, password)|};
                }
            }
            """);

    [Fact]
    public Task Follows_options_headers_set_in_initializers_and_after_construction()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Seeder
            {
                const string Secret = "{{S}}";

                async Task Run(string email, string password)
                {
                    var options = new Supabase.Gotrue.ClientOptions { Url = "https://x.supabase.co/auth/v1" };
                    options.Headers["apikey"] = "{{S}}";
                    var auth = new Supabase.Gotrue.Client(options);
                    await {|SBK003:auth.SignUp(email, password)|};

                    var replaced = new Supabase.Gotrue.ClientOptions { Headers = new Dictionary<string, string> { ["apikey"] = Secret } };
                    await {|SBK003:new Supabase.Gotrue.Client(replaced).SignUp(email, password)|};

                    var added = new Supabase.Gotrue.ClientOptions();
                    added.Headers.Add("Authorization", $"Bearer {Secret}");
                    await {|SBK003:new Supabase.Gotrue.Client(added).SignIn(email, password)|};

                    var stateless = new Supabase.Gotrue.Client(Supabase.StatelessClient.GetAuthOptions("https://x.supabase.co", Secret));
                    await {|SBK003:stateless.SignUp(email, password)|};
                }
            }
            """);

    [Fact]
    public Task Follows_dependency_injection_and_configuration_keys()
        => Verify.FilesAsync(
            TestSources.Hosting,
            /* lang=c#-test */ """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            static class Setup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                    => services.AddSingleton(_ => new Supabase.Client(configuration["Supabase:Url"]!, configuration.GetSection("Supabase")["ServiceRoleKey"]));
            }

            class AccountService(Supabase.Client supabase)
            {
                public async System.Threading.Tasks.Task Register(string email, string password)
                    => await {|SBK003:supabase.Auth.SignUp(email, password)|};
            }
            """);

    [Fact]
    public Task Reports_every_call_that_stores_a_session_and_names_it()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Seeder
            {
                private readonly Supabase.Client _admin = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"));

                async Task Run(string accessToken, string refreshToken, string idToken, Uri callback, string email)
                {
                    await {|SBK003:_admin.Auth.SetSession(accessToken, refreshToken)|};
                    await {|SBK003:_admin.Auth.SignInAnonymously()|};
                    await {|SBK003:_admin.Auth.SignInWithIdToken(Constants.Provider.Google, idToken)|};
                    await {|SBK003:_admin.Auth.SignInWithSSO("example.com")|};
                    await {|SBK003:_admin.Auth.SignInWithOtp(new SignInWithPasswordlessEmailOptions(email))|};
                    await {|SBK003:_admin.Auth.VerifyOTP(email, "123456")|};
                    await {|SBK003:_admin.Auth.ExchangeCodeForSession("verifier", "code")|};
                    await {|SBK003:_admin.Auth.GetSessionFromUrl(callback)|};
                    await _admin.Auth.GetSessionFromUrl(callback, storeSession: false);
                    {|SBK003:_admin.Auth.LoadSession()|};
                    await _admin.Auth.RetrieveSessionAsync();
                    await _admin.Auth.GetUser(accessToken);
                    await _admin.Auth.SignOut();
                }
            }
            """,
            expected: new DiagnosticResult[0]);

    [Fact]
    public Task The_message_names_the_call_and_the_source()
        => Verify.AnalyzerAsync(
            TestSources.Usings + /* lang=c#-test */ """
            class Seeder
            {
                private readonly Supabase.Client _admin = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"));

                Task Run(string accessToken, string refreshToken) => {|#0:_admin.Auth.SetSession(accessToken, refreshToken)|};
            }
            """,
            expected: new DiagnosticResult(RuleDescriptors.SBK003_UserSessionOnSecretKeyClient)
                .WithLocation(0)
                .WithArguments("SetSession", "the SUPABASE_SECRET_KEY environment variable", "sign users in on a separate client created with the publishable key"));

    [Fact]
    public Task Publishable_anon_mixed_and_unknown_sources_in_the_same_shapes_are_not_reported()
        => Verify.FilesAsync(
            TestSources.Hosting,
            TestSources.Usings + /* lang=c#-test */ $$"""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public static class AppConfig
            {
                public const string Key = "{{TestKeys.AnonJwt}}";
            }

            public class DataService
            {
                public DataService()
                {
                    var key = AppConfig.Key;
                    SupabaseClient = new Supabase.Client("https://x.supabase.co", key);
                }

                public Supabase.Client SupabaseClient { get; private set; }
            }

            static class Db
            {
                public static readonly Supabase.Client Public = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_ANON_KEY") ?? throw new InvalidOperationException());
                public static readonly Supabase.Client Mixed = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? "{{TestKeys.Publishable}}");
                public static Supabase.Client Reassigned = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"));

                public static void Reset(string key) => Reassigned = new("https://x.supabase.co", key);
            }

            static class Setup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    services.AddSingleton(_ => new Supabase.Client(configuration["Supabase:Url"]!, configuration["Supabase:AnonKey"]));
                    services.AddScoped(_ => new Supabase.Client(configuration["Supabase:Url"]!, configuration["Supabase:ServiceRoleKey"]));
                }
            }

            class Pages(DataService data, Supabase.Client injected)
            {
                async Task Run(string email, string password, string accessToken, string refreshToken)
                {
                    await data.SupabaseClient.Auth.SignUp(email, password);
                    await Db.Public.Auth.SignUp(email, password);
                    await Db.Mixed.Auth.SignUp(email, password);
                    await Db.Reassigned.Auth.SetSession(accessToken, refreshToken);
                    await injected.Auth.SignUp(email, password);
                    var key = Environment.GetEnvironmentVariable("SUPABASE_PUBLISHABLE_KEY")!;
                    await new Supabase.Client("https://x.supabase.co", key).Auth.SignUp(email, password);
                    var options = new Supabase.Gotrue.ClientOptions();
                    options.Headers["apikey"] = "{{TestKeys.Publishable}}";
                    await new Supabase.Gotrue.Client(options).SignUp(email, password);
                    var userScoped = new Supabase.Gotrue.ClientOptions { Headers = { ["apikey"] = "{{TestKeys.Publishable}}", ["Authorization"] = "Bearer " + accessToken } };
                    await new Supabase.Gotrue.Client(userScoped).SignIn(email, password);
                }
            }
            """);

    [Fact]
    public Task Fix_applies_in_every_shape_and_passes_the_key_with_a_visible_null_check()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ """
            class Seeder
            {
                private readonly Supabase.Client _client;

                public Seeder()
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY") ?? throw new InvalidOperationException("SUPABASE_SERVICE_ROLE_KEY is not set");
                    _client = new Supabase.Client("https://x.supabase.co", key);
                }

                public async Task Register(string email, string password) => await {|SBK003:_client.Auth.SignUp(email, password)|};

                public void Fire(string email, string password) => _ = _client?{|SBK003:.Auth.SignUp(email, password)|};

                public Func<string, string, Task> Handler => async (email, password) => await {|SBK003:_client.Auth.SignUp(email, password)|};

                public async Task Local(string email, string password)
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY");
                    var admin = new Supabase.Client("https://x.supabase.co", key);
                    await Task.WhenAll({|SBK003:admin.Auth.SignUp(email, password)|}, Task.CompletedTask);
                }
            }
            """,
            TestSources.Usings + /* lang=c#-test */ """
            class Seeder
            {
                private readonly Supabase.Client _client;

                public Seeder()
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY") ?? throw new InvalidOperationException("SUPABASE_SERVICE_ROLE_KEY is not set");
                    _client = new Supabase.Client("https://x.supabase.co", key);
                }

                public async Task Register(string email, string password) => await _client.AdminAuth(Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SERVICE_ROLE_KEY environment variable.")).CreateUser(email, password);

                public void Fire(string email, string password) => _ = _client?.AdminAuth(Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SERVICE_ROLE_KEY environment variable.")).CreateUser(email, password);

                public Func<string, string, Task> Handler => async (email, password) => await _client.AdminAuth(Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SERVICE_ROLE_KEY environment variable.")).CreateUser(email, password);

                public async Task Local(string email, string password)
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY");
                    var admin = new Supabase.Client("https://x.supabase.co", key);
                    await Task.WhenAll(admin.AdminAuth(key ?? throw new InvalidOperationException("The Supabase secret key is not set.")).CreateUser(email, password), Task.CompletedTask);
                }
            }
            """);

    [Fact]
    public Task Fix_reads_the_key_from_the_environment_inside_a_lambda_of_the_body_that_built_the_client()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ """
            class Seeder
            {
                public Func<Task> Later(string email, string password)
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY");
                    var admin = new Supabase.Client("https://x.supabase.co", key);
                    return async () => await {|SBK003:admin.Auth.SignUp(email, password)|};
                }
            }
            """,
            TestSources.Usings + /* lang=c#-test */ """
            class Seeder
            {
                public Func<Task> Later(string email, string password)
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY");
                    var admin = new Supabase.Client("https://x.supabase.co", key);
                    return async () => await admin.AdminAuth(Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.")).CreateUser(email, password);
                }
            }
            """);

    [Fact]
    public Task Fix_applies_in_top_level_statements()
        => Verify.ProgramFixAsync(
            /* lang=c#-test */ """
            var key = System.Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY")!;
            var supabase = new Supabase.Client("https://x.supabase.co", key);
            await {|SBK003:supabase.Auth.SignUp(args[0], args[1])|};
            """,
            /* lang=c#-test */ """
            var key = System.Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY")!;
            var supabase = new Supabase.Client("https://x.supabase.co", key);
            await supabase.AdminAuth(key).CreateUser(args[0], args[1]);
            """);

    [Fact]
    public Task Follows_record_primary_constructor_and_constructor_parameters_through_every_construction()
        => Verify.FilesAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            public record AdminConfig(string Url, string Key);

            public class AdminService(string key)
            {
                private readonly Supabase.Client client = new("https://x.supabase.co", key);

                public async Task Register(string email, string password) => await {|SBK003:client.Auth.SignUp(email, password)|};
            }

            public class Seeder
            {
                private readonly string key;

                public Seeder(string key) => this.key = key;

                public async Task Run(string email, string password)
                {
                    var client = new Supabase.Client("https://x.supabase.co", key);
                    await {|SBK003:client.Auth.SignUp(email, password)|};
                }
            }

            public static class Admin
            {
                private static readonly AdminConfig Config = new("https://x.supabase.co", "{{S}}");

                public static async Task Run(string email, string password)
                {
                    var client = new Supabase.Client(Config.Url, Config.Key);
                    await {|SBK003:client.Auth.SignUp(email, password)|};
                    var service = new AdminService("{{S}}");
                    var seeder = new Seeder(Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY")!);
                }
            }
            """);

    [Fact]
    public Task A_record_built_once_with_a_secret_and_once_with_a_publishable_key_is_not_reported()
        => Verify.FilesAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            public record ClientConfig(string Url, string Key);

            public class Clients(string key)
            {
                public async Task Run(ClientConfig config, string email, string password)
                {
                    var fromRecord = new Supabase.Client(config.Url, config.Key);
                    await fromRecord.Auth.SignUp(email, password);
                    var fromParameter = new Supabase.Client("https://x.supabase.co", key);
                    await fromParameter.Auth.SignUp(email, password);
                }

                public static Task Both(string email, string password)
                {
                    var admin = new ClientConfig("https://x.supabase.co", "{{S}}");
                    var user = new ClientConfig("https://x.supabase.co", "{{TestKeys.Publishable}}");
                    var clients = new Clients("{{S}}");
                    var other = new Clients("{{TestKeys.Publishable}}");
                    return clients.Run(admin, email, password);
                }
            }
            """);

    [Fact]
    public Task Follows_a_child_client_kept_in_a_local_but_not_one_reassigned_to_another_client()
        => Verify.FilesAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            public class Seeder
            {
                private const string ServiceKey = "{{S}}";

                public async Task Run(string email, string password, bool asUser)
                {
                    var admin = new Supabase.Client("https://x.supabase.co", ServiceKey);
                    var auth = admin.Auth;
                    await {|SBK003:auth.SignUp(email, password)|};
                    await {|SBK003:auth.SignInWithPassword(email, password)|};

                    var user = new Supabase.Client("https://x.supabase.co", "{{TestKeys.Publishable}}");
                    var either = admin.Auth;
                    if (asUser)
                    {
                        either = user.Auth;
                    }

                    await either.SignUp(email, password);
                }
            }
            """);

    /// <summary>The source with its <c>[|…|]</c> span expected as SBK003 when <paramref name="reported"/>, else expected to have none.</summary>
    private static string Expecting(string source, bool reported)
        => source.Replace("[|", reported ? "{|SBK003:" : string.Empty, StringComparison.Ordinal).Replace("|]", reported ? "|}" : string.Empty, StringComparison.Ordinal);

    /// <summary>A singleton client built from <c>config["Supabase:Key"]</c> that signs users in.</summary>
    private const string ClientFromConfiguration = /* lang=c#-test */ """
        using Microsoft.Extensions.Configuration;

        public class AuthController(IConfiguration config)
        {
            private readonly Supabase.Client client = new(config["Supabase:Url"]!, config["Supabase:Key"]);

            public async Task Login(string email, string password) => await [|client.Auth.SignInWithPassword(email, password)|];
        }
        """;

    [Theory]
    [InlineData(true, "appsettings.json")]
    [InlineData(false, "appsettings.json", "appsettings.Development.json")]
    [InlineData(false)]
    public Task Configuration_keys_take_the_values_the_projects_settings_files_give_them(bool reported, params string[] files)
    {
        // appsettings.json holds a service_role JWT; appsettings.Development.json an anon one: a mix is not reported.
        var test = new SupabaseTest<UserSessionOnSecretKeyClientAnalyzer> { TestCode = TestSources.Usings + Expecting(ClientFromConfiguration, reported) };
        test.TestState.Sources.Add(("/0/Hosting.cs", TestSources.Hosting));
        foreach (var file in files)
        {
            var key = file == "appsettings.json" ? TestKeys.ServiceRoleJwt : TestKeys.AnonJwt;
            test.TestState.AdditionalFiles.Add(("/0/" + file, "{ \"Supabase\": { \"Url\": \"https://x.supabase.co\", \"Key\": \"" + key + "\" } }"));
        }

        test.WithProject(ProjectSetup.Web);
        return test.RunAsync();
    }

    [Fact]
    public async Task Fix_reads_the_secret_key_from_the_environment_when_the_key_is_private_to_a_holder_or_a_factory()
    {
        var holder = TestSources.Usings + /* lang=c#-test */ $$"""
            public static class Supa
            {
                private const string ServiceKey = "{{S}}";

                public static readonly Supabase.Client Client = new("https://x.supabase.co", ServiceKey);

                public static Supabase.Client Create() => new Supabase.Client("https://x.supabase.co", ServiceKey);
            }
            """;
        const string before = /* lang=c#-test */ """
            public class Seeder
            {
                public async Task Run(string email, string password)
                {
                    await {|SBK003:Supa.Client.Auth.SignUp(email, password)|};
                    await {|SBK003:Supa.Create().Auth.SignUp(email, password)|};
                }
            }
            """;
        const string after = /* lang=c#-test */ """
            public class Seeder
            {
                public async Task Run(string email, string password)
                {
                    await Supa.Client.AdminAuth(Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.")).CreateUser(email, password);
                    await Supa.Create().AdminAuth(Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.")).CreateUser(email, password);
                }
            }
            """;
        var test = new SupabaseTest<UserSessionOnSecretKeyClientAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.UserSessionOnSecretKeyClientFixer>();
        test.TestState.Sources.Add(("/0/Supa.cs", holder));
        test.TestState.Sources.Add(("/0/Seeder.cs", TestSources.Usings + before));
        test.FixedState.Sources.Add(("/0/Supa.cs", holder));
        test.FixedState.Sources.Add(("/0/Seeder.cs", TestSources.Usings + after));
        await test.RunAsync();
    }

    /// <summary>A settings class with a secret key in its initializer, bound from a configuration section and injected.</summary>
    private static string BoundSettings(string section) => /* lang=c#-test */ $$"""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;

        public class SupabaseSettings
        {
            public string Url { get; set; } = "https://x.supabase.co";
            public string ServiceKey { get; set; } = "{{S}}";
        }

        public static class Startup
        {
            public static void Register(IServiceCollection services, IConfiguration configuration, string name)
                => services.Configure<SupabaseSettings>({{section}});
        }

        public class Admin(IOptions<SupabaseSettings> options)
        {
            public async Task Run(string email, string password)
            {
                var client = new Supabase.Client(options.Value.Url, options.Value.ServiceKey);
                await [|client.Auth.SignUp(email, password)|];
            }
        }
        """;

    [Theory]
    [InlineData(true, "configuration.GetSection(\"Supabase\")", null)]
    [InlineData(true, "configuration.GetSection(\"Supabase\")", "service_role")]
    [InlineData(false, "configuration.GetSection(\"Supabase\")", "publishable")]
    [InlineData(false, "configuration.GetSection(name)", null)]
    public Task A_settable_property_of_a_bound_settings_class_holds_its_initializer_and_the_bound_value(bool reported, string section, string? configured)
    {
        // Supabase:ServiceKey: named as a secret key when no settings file sets it; else the value the file gives.
        var test = new SupabaseTest<UserSessionOnSecretKeyClientAnalyzer> { TestCode = TestSources.Usings + Expecting(BoundSettings(section), reported) };
        test.TestState.Sources.Add(("/0/Hosting.cs", TestSources.Hosting));
        if (configured is not null)
        {
            var key = configured == "service_role" ? TestKeys.ServiceRoleJwt : TestKeys.Publishable;
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Supabase\": { \"ServiceKey\": \"" + key + "\" } }"));
        }

        test.WithProject(ProjectSetup.Web);
        return test.RunAsync();
    }
}
