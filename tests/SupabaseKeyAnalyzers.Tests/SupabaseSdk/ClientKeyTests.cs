using SupabaseKeyAnalyzers.SupabaseSdk;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using SupabaseKeyAnalyzers.Tests.ValueFlow;

namespace SupabaseKeyAnalyzers.Tests.SupabaseSdk;

/// <summary>
/// Which key a client holds (<see cref="SupabaseClients.KeyOf"/>): the SDK lines of <c>docs/value-flow.md</c>, one test
/// each. A key prints as the kinds of its sources, in order (<c>Secret</c>, <c>Publishable</c>, <c>LegacyServiceRole</c>,
/// <c>unknown</c> for a source that is not a key); a client whose construction is not followed holds no source at all.
/// </summary>
public class ClientKeyTests
{
    private static readonly string S = TestKeys.Secret;
    private static readonly string P = TestKeys.Publishable;

    private static async Task<string> KeyAsync(params string[] sources)
    {
        var (compilation, probed) = await ValueFlowResolverTests.ProbeAsync(sources);
        var key = SupabaseClients.For(compilation)!.KeyOf(probed, CancellationToken.None);
        return (key.IsSecret ? "secret: " : "not secret: ") + string.Join(", ", key.Sources.Select(s => s.Kind?.ToString() ?? "unknown").Order(StringComparer.Ordinal));
    }

    // Every constructor that takes a key, by parameter position.

    [Fact]
    public async Task Supabase_Client_holds_its_key_argument_by_position()
        => Assert.Equal("secret: Secret", await KeyAsync($$"""
            class C { void M() { Check.Probe(new Supabase.Client(supabaseKey: "{{S}}", supabaseUrl: "https://x.supabase.co")); } }
            """));

    [Fact]
    public async Task Supabase_Client_holds_the_apikey_of_its_options_too()
        => Assert.Equal("not secret: Publishable, Secret", await KeyAsync($$"""
            class C
            {
                void M()
                {
                    var options = new Supabase.SupabaseOptions { Headers = { ["apikey"] = "{{P}}" } };
                    Check.Probe(new Supabase.Client("https://x.supabase.co", "{{S}}", options));
                }
            }
            """));

    [Theory]
    [InlineData("new Supabase.Gotrue.Client(new Supabase.Gotrue.ClientOptions { Headers = { [\"apikey\"] = KEY } })")]
    [InlineData("new Supabase.Gotrue.Client(new Supabase.Gotrue.ClientOptions { Headers = { [\"Authorization\"] = \"Bearer \" + KEY } })")]
    [InlineData("new Supabase.Postgrest.Client(\"https://x.supabase.co/rest/v1\", new Supabase.Postgrest.ClientOptions { Headers = { [\"apikey\"] = KEY } })")]
    [InlineData("new Supabase.Gotrue.AdminClient(KEY)")]
    [InlineData("Supabase.StatelessClient.Functions(\"https://x.supabase.co\", KEY)")]
    [InlineData("new Supabase.Gotrue.Client(Supabase.StatelessClient.GetAuthOptions(\"https://x.supabase.co\", KEY))")]
    [InlineData("new Supabase.Postgrest.Client(\"https://x.supabase.co/rest/v1\", Supabase.StatelessClient.GetRestOptions(KEY))")]
    public async Task Every_client_construction_that_takes_a_key(string construction)
        => Assert.Equal("secret: Secret", await KeyAsync($$"""
            class C { const string KEY = "{{S}}"; void M() { Check.Probe({{construction}}); } }
            """));

    [Fact]
    public async Task A_child_client_holds_its_umbrella_clients_key()
        => Assert.Equal("secret: Secret", await KeyAsync($$"""
            class C { readonly Supabase.Client admin = new("https://x.supabase.co", "{{S}}"); void M() { Check.Probe(admin.Auth); } }
            """));

    // Options objects: initializers and later writes through the local or field that holds them.

    [Fact]
    public async Task Options_written_later_through_their_local()
        => Assert.Equal("secret: Secret", await KeyAsync($$"""
            class C
            {
                void M()
                {
                    var options = new Supabase.Gotrue.ClientOptions();
                    options.Headers.Add("apikey", "{{S}}");
                    Check.Probe(new Supabase.Gotrue.Client(options));
                }
            }
            """));

    [Fact]
    public async Task Options_written_through_the_field_that_holds_them_in_its_type()
        => Assert.Equal("secret: Secret", await KeyAsync($$"""
            class C
            {
                readonly Supabase.Gotrue.ClientOptions options = new();
                C() { this.options.Headers["apikey"] = "{{S}}"; }
                void M() { Check.Probe(new Supabase.Gotrue.Client(options)); }
            }
            """));

    // A client holds a secret key only when every source is secret.

    [Fact]
    public async Task A_mix_of_secret_and_publishable_sources_is_not_secret()
        => Assert.Equal("not secret: Publishable, Secret", await KeyAsync($$"""
            class C { void M(bool b) { Check.Probe(new Supabase.Client("https://x.supabase.co", b ? "{{S}}" : "{{P}}")); } }
            """));

    [Fact]
    public async Task A_source_the_resolver_cannot_follow_is_not_secret()
        => Assert.Equal("not secret: Secret, unknown", await KeyAsync($$"""
            class C { void M(string key) { Check.Probe(new Supabase.Client("https://x.supabase.co", key ?? "{{S}}")); } }
            """));

    [Theory]
    [InlineData("SUPABASE_SERVICE_ROLE_KEY", "secret: Secret")]
    [InlineData("SUPABASE_ANON_KEY", "not secret: Publishable")]
    [InlineData("SUPABASE_KEY", "not secret: unknown")]
    public async Task Environment_variables_are_judged_by_their_name(string variable, string expected)
        => Assert.Equal(expected, await KeyAsync($$"""
            class C { void M() { Check.Probe(new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("{{variable}}"))); } }
            """));

    [Fact]
    public async Task A_child_client_stored_in_a_variable_of_its_own_holds_its_umbrella_clients_key()
        => Assert.Equal("secret: Secret", await KeyAsync($$"""
            class C
            {
                void M()
                {
                    var admin = new Supabase.Client("https://x.supabase.co", "{{S}}");
                    var auth = admin.Auth;
                    Check.Probe(auth);
                }
            }
            """));

    // Not followed.

    [Fact]
    public async Task A_Functions_client_whose_key_is_set_through_GetHeaders()
        => Assert.Equal("not secret: ", await KeyAsync($$"""
            class C
            {
                void M()
                {
                    var functions = new Supabase.Functions.Client("https://x.supabase.co/functions/v1");
                    functions.GetHeaders = () => new Dictionary<string, string> { ["apikey"] = "{{S}}" };
                    Check.Probe(functions);
                }
            }
            """));

    [Fact]
    public async Task Options_written_in_another_type_than_the_field_that_holds_them()
        => Assert.Equal("not secret: ", await KeyAsync($$"""
            class Holder { public readonly Supabase.Gotrue.ClientOptions Options = new(); }
            class Setup { void Run(Holder holder) { holder.Options.Headers["apikey"] = "{{S}}"; } }
            class C { void M(Holder holder) { Check.Probe(new Supabase.Gotrue.Client(holder.Options)); } }
            """));
}
