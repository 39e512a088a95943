using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.NewKeyOnBearerAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.NewKeyOnBearerFixer>;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK002_NewKeyOnBearerTests
{
    private static readonly string P = TestKeys.Publishable;

    [Fact]
    public Task Reports_AuthenticationHeaderValue_on_any_request_headers()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";
                static readonly string SecretKey = "{{TestKeys.Secret}}";

                void Configure(HttpClient client, HttpRequestMessage request)
                {
                    {|SBK002:client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key)|};
                    var key = Key;
                    {|SBK002:request.Headers.Authorization = new("bearer", key)|};
                    {|SBK002:request.Headers.Authorization = new AuthenticationHeaderValue("BEARER", SecretKey)|};
                }
            }
            """);

    [Fact]
    public Task Reports_header_Add_with_concatenation_interpolation_and_Format()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                void Configure(HttpClient client, HttpRequestMessage request)
                {
                    {|SBK002:client.DefaultRequestHeaders.Add("Authorization", "Bearer " + Key)|};
                    {|SBK002:request.Headers.TryAddWithoutValidation("authorization", $"Bearer {Key}")|};
                    {|SBK002:request.Headers.Add("Authorization", string.Format("Bearer {0}", Key))|};
                    {|SBK002:request.Headers.Add("Authorization", "Bearer {{P}}")|};
                }
            }
            """);

    [Fact]
    public Task Reports_header_dictionaries_including_the_Supabase_options()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                void Configure(IDictionary<string, string> h)
                {
                    var options = new Supabase.SupabaseOptions
                    {
                        Headers = { {|SBK002:["Authorization"] = $"Bearer {Key}"|} },
                    };
                    {|SBK002:options.Headers.Add("Authorization", "Bearer " + Key)|};
                    var gotrue = new Supabase.Gotrue.ClientOptions();
                    {|SBK002:gotrue.Headers["Authorization"] = "Bearer " + Key|};
                    var rest = new Supabase.Postgrest.ClientOptions { Headers = new Dictionary<string, string> { {|SBK002:{ "Authorization", $"Bearer {Key}" }|} } };
                    var invoke = new Supabase.Functions.Client.InvokeFunctionOptions();
                    {|SBK002:invoke.Headers["Authorization"] = "Bearer {{P}}"|};
                    {|SBK002:h["Authorization"] = "Bearer " + Key|};
                }
            }
            """);

    [Fact]
    public Task Reports_the_token_of_Functions_Invoke()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                async Task Call(Supabase.Functions.Client functions, Supabase.Client client)
                {
                    await functions.Invoke("hello", {|SBK002:token: Key|});
                    await functions.Invoke<object>("hello", {|SBK002:Key|});
                    await functions.RawInvoke("hello", {|SBK002:"{{TestKeys.Secret}}"|});
                    await client.Functions.Invoke("hello", {|SBK002:Key|});
                    await functions.Invoke("hello");
                }
            }
            """);

    [Fact]
    public Task Follows_readonly_fields_and_properties_declared_in_other_files()
    {
        var test = new SupabaseTest<NewKeyOnBearerAnalyzer>();
        test.TestState.Sources.Add(("/0/Settings.cs", /* lang=c#-test */ $$"""
            public class SupabaseSettings
            {
                public string AnonKey { get; set; } = "{{P}}";
                public static readonly string Fallback = "{{P}}";
                public string Computed => "{{TestKeys.Secret}}";
            }
            """));
        test.TestState.Sources.Add(("/0/Api.cs", TestSources.Usings + /* lang=c#-test */ """
            class Api
            {
                readonly SupabaseSettings settings = new();

                void Configure(HttpClient client)
                {
                    {|SBK002:client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.AnonKey)|};
                    {|SBK002:client.DefaultRequestHeaders.Add("Authorization", $"Bearer {SupabaseSettings.Fallback}")|};
                    {|SBK002:client.DefaultRequestHeaders.Add("Authorization", "Bearer " + settings.Computed)|};
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Does_not_report_legacy_keys_user_tokens_unknown_values_apikey_or_other_schemes()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";
                const string Anon = "{{TestKeys.AnonJwt}}";
                const string ServiceRole = "{{TestKeys.ServiceRoleJwt}}";
                string mutableKey = "{{P}}";

                void Reset(string value) => mutableKey = value;

                async Task Configure(HttpClient client, Supabase.Gotrue.Session session, string parameter, Supabase.Functions.Client functions)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Anon);
                    client.DefaultRequestHeaders.Add("Authorization", "Bearer " + ServiceRole);
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parameter);
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", mutableKey);
                    client.DefaultRequestHeaders.Add("apikey", Key);
                    client.DefaultRequestHeaders.Add("Authorization", "Basic " + Key);
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Key);
                    client.DefaultRequestHeaders.Add("X-Authorization", "Bearer " + Key);
                    var reassigned = Key;
                    reassigned = parameter;
                    client.DefaultRequestHeaders.Add("Authorization", "Bearer " + reassigned);
                    await functions.Invoke("hello", session.AccessToken);
                    await functions.Invoke("hello", Anon);
                }
            }
            """);

    [Fact]
    public Task The_message_shows_no_more_than_a_prefix()
        => Verify.AnalyzerAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                void Configure(HttpClient client) => {|#0:client.DefaultRequestHeaders.Add("Authorization", "Bearer {{P}}")|};
            }
            """,
            expected: new DiagnosticResult(RuleDescriptors.SBK002_NewKeyOnBearer)
                .WithLocation(0)
                .WithArguments("sb_publishable_ key 'sb_publishable_" + TestKeys.PublishableBody[..6] + "…'"));

    [Fact]
    public Task Fix_rewrites_AuthenticationHeaderValue_to_an_apikey_header()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                void Configure(HttpClient client)
                {
                    // Authenticate every request.
                    {|SBK002:client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key)|};
                }
            }
            """,
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                void Configure(HttpClient client)
                {
                    // Authenticate every request.
                    client.DefaultRequestHeaders.Add("apikey", Key);
                }
            }
            """);

    [Fact]
    public Task Fix_rewrites_Add_TryAddWithoutValidation_and_literal_values()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                void Configure(HttpRequestMessage request, HttpClient client, IDictionary<string, string> h, IDictionary<string, string> other)
                {
                    {|SBK002:request.Headers.Add("Authorization", "Bearer " + Key)|};
                    {|SBK002:client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {Key}")|};
                    {|SBK002:h.Add("Authorization", string.Format("Bearer {0}", Key))|};
                    {|SBK002:other["Authorization"] = "Bearer {{P}}"|};
                }
            }
            """,
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                void Configure(HttpRequestMessage request, HttpClient client, IDictionary<string, string> h, IDictionary<string, string> other)
                {
                    request.Headers.Add("apikey", Key);
                    client.DefaultRequestHeaders.TryAddWithoutValidation("apikey", Key);
                    h.Add("apikey", Key);
                    other["apikey"] = "{{P}}";
                }
            }
            """);

    [Fact]
    public Task Fix_rewrites_initializers()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                Supabase.SupabaseOptions Options() => new()
                {
                    Headers =
                    {
                        {|SBK002:["Authorization"] = $"Bearer {Key}"|},
                    },
                };

                Dictionary<string, string> Headers() => new()
                {
                    {|SBK002:{ "Authorization", "Bearer " + Key }|},
                    { "X-Client-Info", "app/1.0" },
                };
            }
            """,
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                Supabase.SupabaseOptions Options() => new()
                {
                    Headers =
                    {
                        ["apikey"] = Key,
                    },
                };

                Dictionary<string, string> Headers() => new()
                {
                    { "apikey", Key },
                    { "X-Client-Info", "app/1.0" },
                };
            }
            """);

    [Fact]
    public Task Fix_removes_the_Bearer_header_when_apikey_is_already_set_to_the_same_key()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                void Configure(HttpRequestMessage request)
                {
                    request.Headers.Add("apikey", Key);
                    {|SBK002:request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key)|};
                    request.Headers.Add("X-Trace", "1");
                }

                Dictionary<string, string> Headers() => new()
                {
                    { "apikey", Key },
                    {|SBK002:{ "Authorization", $"Bearer {Key}" }|},
                };
            }
            """,
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                void Configure(HttpRequestMessage request)
                {
                    request.Headers.Add("apikey", Key);
                    request.Headers.Add("X-Trace", "1");
                }

                Dictionary<string, string> Headers() => new()
                {
                    { "apikey", Key },
                };
            }
            """);

    [Fact]
    public Task Fix_moves_a_Functions_token_into_the_apikey_header()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                async Task Call(Supabase.Functions.Client functions)
                {
                    await functions.Invoke("hello", {|SBK002:token: Key|});
                    await functions.RawInvoke("hello", {|SBK002:Key|});
                }
            }
            """,
            TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Key = "{{P}}";

                async Task Call(Supabase.Functions.Client functions)
                {
                    await functions.Invoke("hello", options: new Supabase.Functions.Client.InvokeFunctionOptions { Headers = { ["apikey"] = Key } });
                    await functions.RawInvoke("hello", options: new Supabase.Functions.Client.InvokeFunctionOptions { Headers = { ["apikey"] = Key } });
                }
            }
            """);

    [Fact]
    public Task No_fix_where_the_rewrite_is_not_safe()
        => Verify.NoFixAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            class Api
            {
                const string Bearer = "Bearer {{P}}";

                async Task Configure(HttpClient client, Supabase.Functions.Client functions, Supabase.Functions.Client.InvokeFunctionOptions options)
                {
                    {|SBK002:client.DefaultRequestHeaders.Add("Authorization", Bearer)|};
                    var message = new HttpRequestMessage { Headers = { {|SBK002:Authorization = new AuthenticationHeaderValue("Bearer", "{{P}}")|} } };
                    await functions.Invoke("hello", {|SBK002:"{{P}}"|}, options);
                }
            }
            """);

    [Fact]
    public Task Fix_applies_to_expression_bodied_members_and_lambdas()
        => Verify.FixAsync(
            TestSources.Usings + /* lang=c#-test */ $$"""
            static class Api
            {
                const string Key = "{{P}}";

                public static void Configure(HttpClient http) => {|SBK002:http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key)|};

                public static Action<HttpClient> Configurer => http => {|SBK002:http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key)|};

                public static Dictionary<string, string> Headers() => new() { {|SBK002:["Authorization"] = "Bearer " + Key|} };
            }
            """,
            TestSources.Usings + /* lang=c#-test */ $$"""
            static class Api
            {
                const string Key = "{{P}}";

                public static void Configure(HttpClient http) => http.DefaultRequestHeaders.Add("apikey", Key);

                public static Action<HttpClient> Configurer => http => http.DefaultRequestHeaders.Add("apikey", Key);

                public static Dictionary<string, string> Headers() => new() { ["apikey"] = Key };
            }
            """);

    [Fact]
    public Task No_fix_where_the_assigned_value_is_used()
        => Verify.NoFixAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            static class Api
            {
                const string Key = "{{P}}";

                public static AuthenticationHeaderValue? Configure(HttpClient http) => {|SBK002:http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key)|};
            }
            """);

    [Fact]
    public Task Reports_a_new_key_on_Bearer_in_the_projects_SQL_not_on_apikey_nor_a_Vault_lookup()
    {
        var test = new SupabaseTest<NewKeyOnBearerAnalyzer> { TestCode = "class App { }" };
        test.TestState.AdditionalFiles.Add((SqlSamples.MigrationPath, SqlSamples.Migration));
        test.ExpectedDiagnostics.Add(SqlSamples.At(RuleDescriptors.SBK002_NewKeyOnBearer, 2, TestKeys.Secret).WithArguments("sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'"));
        var publishable = "sb_publishable_ key 'sb_publishable_" + TestKeys.PublishableBody[..6] + "…'";
        test.ExpectedDiagnostics.Add(SqlSamples.At(RuleDescriptors.SBK002_NewKeyOnBearer, 3, P, occurrence: 1).WithArguments(publishable));
        test.ExpectedDiagnostics.Add(SqlSamples.At(RuleDescriptors.SBK002_NewKeyOnBearer, 4, P).WithArguments(publishable));
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_a_key_in_a_settings_class_received_through_dependency_injection_and_copied_between_instances()
        => Verify.FilesAsync(
            TestSources.Usings + $$"""
            public class SupabaseSettings
            {
                public string Url { get; set; } = "https://x.supabase.co";
                public string AnonKey { get; set; } = "{{P}}";
            }
            """,
            TestSources.Usings + """
            using Microsoft.Extensions.DependencyInjection;

            public class SupabaseService
            {
                private readonly HttpClient httpClient;
                private readonly SupabaseSettings settings;

                public SupabaseService(HttpClient httpClient, SupabaseSettings settings)
                {
                    this.httpClient = httpClient;
                    this.settings = settings;
                }

                public Task<HttpResponseMessage> GetAsync()
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, settings.Url + "/rest/v1/items");
                    request.Headers.Add("apikey", settings.AnonKey);
                    {|SBK002:request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AnonKey)|};
                    return httpClient.SendAsync(request);
                }

                public void Update(SupabaseSettings newSettings)
                {
                    // A copy from another settings object adds no value of its own.
                    settings.AnonKey = newSettings.AnonKey;
                }

                public static void Register(IServiceCollection services)
                {
                    var supabaseSettings = new SupabaseSettings();
                    services.AddSingleton(supabaseSettings);
                }
            }
            """,
            TestSources.Hosting);

    [Fact]
    public Task Reports_a_fallback_that_sends_a_new_key_whatever_the_other_branch_holds_and_offers_no_fix()
        => Verify.NoFixAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            public record SupabaseConfig(string Url, string Key);

            class Api
            {
                private const string PublishableKey = "{{P}}";
                private static readonly SupabaseConfig Config = new("https://x.supabase.co", "{{P}}");

                void Configure(HttpRequestMessage request, string? token, Supabase.Gotrue.User? user)
                {
                    {|SBK002:request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? PublishableKey)|};
                    {|SBK002:request.Headers.Add("Authorization", "Bearer " + (user != null ? token : PublishableKey))|};
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
            }
            """);

    [Fact]
    public Task Reports_a_key_held_by_a_positional_record_built_once()
        => Verify.AnalyzerAsync(TestSources.Usings + /* lang=c#-test */ $$"""
            public record SupabaseConfig(string Url, string Key);

            class Api
            {
                private static readonly SupabaseConfig Config = new("https://x.supabase.co", "{{P}}");

                void Configure(HttpRequestMessage request) => {|SBK002:request.Headers.Add("Authorization", $"Bearer {Config.Key}")|};
            }
            """);

    [Fact]
    public Task Reports_a_key_the_projects_settings_file_gives_a_configuration_key()
    {
        var test = new SupabaseTest<NewKeyOnBearerAnalyzer>
        {
            TestCode = TestSources.Usings + /* lang=c#-test */ """
                using Microsoft.Extensions.Configuration;

                public class SupabaseClient
                {
                    private readonly HttpClient http;
                    private readonly string publishableKey;

                    public SupabaseClient(HttpClient http, IConfiguration configuration)
                    {
                        this.http = http;
                        publishableKey = configuration["Supabase:PublishableKey"]!;
                    }

                    public Task<HttpResponseMessage> GetAsync(string? token)
                    {
                        var request = new HttpRequestMessage(HttpMethod.Get, "https://x.supabase.co/rest/v1/items");
                        request.Headers.Add("apikey", publishableKey);
                        {|SBK002:request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? publishableKey)|};
                        return http.SendAsync(request);
                    }
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Hosting.cs", TestSources.Hosting));
        test.TestState.AdditionalFiles.Add(("/0/wwwroot/appsettings.json", "{\n  // The project's public settings.\n  \"Supabase\": { \"Url\": \"https://x.supabase.co\", \"PublishableKey\": \"" + P + "\", },\n}"));
        test.WithProject(ProjectSetup.BlazorWebAssembly);
        return test.RunAsync();
    }
}
