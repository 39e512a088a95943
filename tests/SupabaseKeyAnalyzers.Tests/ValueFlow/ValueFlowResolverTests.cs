using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SupabaseKeyAnalyzers.SupabaseSdk;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.Tests.ValueFlow;

/// <summary>
/// The resolver on its own: one test per line of <c>docs/value-flow.md</c> ("Followed" and "Not followed"). Each
/// source passes the expression under test to <c>Check.Probe(…)</c>; the test reads the values the resolver gives it.
/// Values print as <c>text:…</c>, <c>env:NAME</c>, <c>config:KEY</c>, <c>object:new …</c> or <c>unknown</c>.
/// </summary>
public class ValueFlowResolverTests
{
    /// <summary>The probe, a class with a few members, and the hosting surface.</summary>
    private const string Prelude = """
        public static class Check
        {
            public static void Probe(object? value) { }
        }

        """;

    internal static async Task<(Compilation Compilation, IOperation Probed)> ProbeAsync(params string[] sources)
    {
        // A source that starts with a global using directive takes no other using before it.
        var files = sources.Select((s, i) => ($"/0/Test{i}.cs", s.StartsWith("global using", StringComparison.Ordinal) ? s : TestSources.Usings + s)).Append(("/0/Prelude.cs", Prelude + TestSources.Hosting));
        var project = AnalyzerRunner.CreateProject(files);
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        var probes = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Probe" } && i.ArgumentList.Arguments.Count == 1)
            .ToList();
        var probe = Assert.Single(probes);
        var model = compilation.GetSemanticModel(probe.SyntaxTree);
        var operation = ValueFlowResolver.OperationOf(model, probe.ArgumentList.Arguments[0].Expression, CancellationToken.None);
        return (compilation, Assert.IsAssignableFrom<IOperation>(operation));
    }

    private static async Task<string[]> ValuesAsync(params string[] sources)
    {
        var (compilation, probed) = await ProbeAsync(sources);
        return SupabaseModel.For(compilation).Resolver.Values(probed, CancellationToken.None).Select(Print).Order(StringComparer.Ordinal).ToArray();
    }

    private static string Print(FlowValue value) => value.Kind switch
    {
        FlowValueKind.Text => "text:" + value.Text,
        FlowValueKind.EnvironmentVariable => "env:" + value.Text,
        FlowValueKind.Configuration => "config:" + value.Text,
        FlowValueKind.Object => "object:" + value.Operation!.Syntax,
        _ => "unknown",
    };

    private static Task AssertValuesAsync(string source, params string[] expected) => AssertValuesInAsync(new[] { source }, expected);

    private static async Task AssertValuesInAsync(string[] sources, params string[] expected)
        => Assert.Equal(expected.Order(StringComparer.Ordinal), await ValuesAsync(sources));

    // Followed: conversions, casts, parentheses, !, InitializeAsync, ??, ?:, concatenations, interpolations, Concat/Format.

    [Fact]
    public Task Conversions_and_casts() => AssertValuesAsync("""
        class C { void M() { object o = (object)"a"; Check.Probe((string)o); } }
        """, "text:a");

    [Fact]
    public Task Parentheses_and_the_null_forgiving_operator() => AssertValuesAsync("""
        class C { void M() { string? s = "a"; Check.Probe((s!)); } }
        """, "text:a");

    [Fact]
    public Task Await_of_InitializeAsync_is_the_client_itself() => AssertValuesAsync("""
        class C
        {
            async Task M()
            {
                var client = new Supabase.Client("https://x.supabase.co", "k");
                Check.Probe(await client.InitializeAsync());
            }
        }
        """, "object:new Supabase.Client(\"https://x.supabase.co\", \"k\")");

    [Fact]
    public Task Both_sides_of_a_coalesce() => AssertValuesAsync("""
        class C { void M() { Check.Probe(Environment.GetEnvironmentVariable("A") ?? "b"); } }
        """, "env:A", "text:b");

    [Fact]
    public Task A_throw_on_the_right_of_a_coalesce_adds_nothing() => AssertValuesAsync("""
        class C { void M() { Check.Probe(Environment.GetEnvironmentVariable("A") ?? throw new InvalidOperationException()); } }
        """, "env:A");

    [Fact]
    public Task An_empty_string_fallback_is_not_a_source() => AssertValuesAsync("""
        class C { void M() { Check.Probe(Environment.GetEnvironmentVariable("A") ?? ""); } }
        """, "env:A");

    [Fact]
    public Task Both_arms_of_a_conditional() => AssertValuesAsync("""
        class C { void M(bool b) { Check.Probe(b ? "x" : "y"); } }
        """, "text:x", "text:y");

    [Fact]
    public Task Concatenations() => AssertValuesAsync("""
        class C { const string A = "a"; void M(bool b) { Check.Probe(A + (b ? "1" : "2")); } }
        """, "text:a1", "text:a2");

    [Fact]
    public Task Interpolations() => AssertValuesAsync("""
        class C { static readonly string A = "a"; void M() { Check.Probe($"{A}-b"); } }
        """, "text:a-b");

    [Fact]
    public Task String_Concat_and_Format() => AssertValuesAsync("""
        class C { void M() { Check.Probe(string.Concat("a", string.Format("{0}-{1}", "b", "c"))); } }
        """, "text:ab-c");

    // Followed: locals.

    [Fact]
    public Task A_local_holds_its_initializer_and_every_assignment_in_its_body() => AssertValuesAsync("""
        class C
        {
            void M(bool b)
            {
                var s = "a";
                if (b) { s = "b"; }
                Action later = () => s = "c";
                Check.Probe(s);
            }
        }
        """, "text:a", "text:b", "text:c");

    // Followed: fields and properties.

    [Fact]
    public Task A_field_holds_its_initializer() => AssertValuesAsync("""
        class C { static readonly string Key = "a"; void M() { Check.Probe(Key); } }
        """, "text:a");

    [Fact]
    public Task A_property_holds_what_its_expression_body_or_getter_returns() => AssertValuesAsync("""
        class C
        {
            string backing = "a";
            string Arrow => "b";
            string Block { get { return backing; } }
            void M(bool b) { Check.Probe(b ? Arrow : Block); }
        }
        """, "text:a", "text:b");

    [Fact]
    public Task A_member_holds_every_assignment_in_the_compilation() => AssertValuesInAsync(
        new[]
        {
            """
            class Settings
            {
                public string Key = "";
                public Settings() { Key = "ctor"; }
                public void Reset() { this.Key = "method"; }
            }
            """,
            """
            class Other
            {
                Settings settings = new Settings { Key = "initializer" };
                void M(Holder holder)
                {
                    holder.Inner.Key = "chain";
                    Check.Probe(settings.Key);
                }
            }

            class Holder { public Settings Inner = new Settings(); }
            """,
        },
        "text:", "text:chain", "text:ctor", "text:initializer", "text:method");

    [Fact]
    public Task A_copy_from_another_object_of_the_same_member_adds_nothing() => AssertValuesAsync("""
        class Settings
        {
            public string Key { get; set; } = "a";
            public void Update(Settings other) { Key = other.Key; }
            void M() { Check.Probe(Key); }
        }
        """, "text:a");

    [Fact]
    public Task Constructor_primary_constructor_and_record_parameters_hold_what_every_construction_passes() => AssertValuesInAsync(
        new[]
        {
            """
            record Config(string Url, string Key);

            class Service(string key)
            {
                public string Key => key;
            }

            class Plain
            {
                private readonly string key;
                public Plain(string key) { this.key = key; }
                public Plain() : this("this") { }
                public string Key => key;
            }
            """,
            """
            class C
            {
                void M()
                {
                    var first = new Config("u", "record");
                    Config second = new("u", "target-typed");
                    var service = new Service("primary");
                    var plain = new Plain("plain");
                    Check.Probe(first.Key + "|" + service.Key + "|" + plain.Key);
                }
            }
            """,
        },
        "text:record|primary|plain", "text:record|primary|this", "text:target-typed|primary|plain", "text:target-typed|primary|this");

    [Fact]
    public Task A_static_readonly_holder_read_from_another_file() => AssertValuesInAsync(
        new[]
        {
            """static class Db { public static readonly string Admin = "a"; }""",
            """class C { void M() { Check.Probe(Db.Admin); } }""",
        },
        "text:a");

    [Fact]
    public Task An_auto_property_with_a_private_setter() => AssertValuesAsync("""
        class C
        {
            public string Key { get; private set; } = "a";
            void Set() { Key = "b"; }
            void M() { Check.Probe(Key); }
        }
        """, "text:a", "text:b");

    [Fact]
    public Task A_member_written_through_ref_or_out_is_unknown() => AssertValuesAsync("""
        class C
        {
            static string key = "a";
            static void Fill(ref string s) { }
            void M() { Fill(ref key); Check.Probe(key); }
        }
        """, "unknown");

    [Fact]
    public Task A_member_never_written_whose_name_says_what_it_holds_is_bound_from_configuration() => AssertValuesAsync("""
        class Options { public string? ServiceRoleKey { get; set; } }
        class C { void M(Options options) { Check.Probe(options.ServiceRoleKey); } }
        """, "config:ServiceRoleKey");

    [Fact]
    public Task A_member_never_written_whose_name_says_nothing_is_unknown() => AssertValuesAsync("""
        class Options { public string? Key { get; set; } }
        class C { void M(Options options) { Check.Probe(options.Key); } }
        """, "unknown");

    // Followed: methods, environment, configuration.

    [Fact]
    public Task A_method_of_the_compilation_returns_every_value_it_returns() => AssertValuesAsync("""
        class C
        {
            static string Key(bool b) { if (b) { return "a"; } return "b"; }
            static string Arrow() => "c";
            void M() { Check.Probe(Key(true) + Arrow()); }
        }
        """, "text:ac", "text:bc");

    [Fact]
    public Task An_environment_variable() => AssertValuesAsync("""
        class C { const string Name = "SUPABASE_SECRET_KEY"; void M() { Check.Probe(Environment.GetEnvironmentVariable(Name)); } }
        """, "env:SUPABASE_SECRET_KEY");

    [Theory]
    [InlineData("configuration[\"Supabase:A\"]", "config:Supabase:A")]
    [InlineData("configuration.GetSection(\"Supabase\")[\"B\"]", "config:Supabase:B")]
    [InlineData("configuration.GetValue<string>(\"Supabase:C\")", "config:Supabase:C")]
    public Task Configuration_values_are_known_by_their_key(string expression, string expected) => AssertValuesAsync($$"""
        using Microsoft.Extensions.Configuration;

        class C { void M(IConfiguration configuration) { Check.Probe({{expression}}); } }
        """, expected);

    // Followed: dependency injection.

    private const string Registration = """
        using Microsoft.Extensions.DependencyInjection;

        class Service { public Service(string key) { } }

        static class Startup
        {
            public static void Register(IServiceCollection services) => services.AddSingleton(_ => new Service("a"));
        }

        """;

    [Fact]
    public Task An_injected_constructor_parameter_is_the_one_registration_of_its_type() => AssertValuesAsync(Registration + """
        class Consumer { public Consumer(Service service) { Check.Probe(service); } }
        """, "object:new Service(\"a\")");

    [Fact]
    public Task An_injected_primary_constructor_parameter() => AssertValuesAsync(Registration + """
        class Consumer(Service service) { void M() { Check.Probe(service); } }
        """, "object:new Service(\"a\")");

    [Fact]
    public Task An_injected_lambda_parameter() => AssertValuesAsync(Registration + """
        class Consumer { void M() { Func<Service, object> use = service => { Check.Probe(service); return service; }; } }
        """, "object:new Service(\"a\")");

    [Fact]
    public Task Two_registrations_of_one_type_resolve_to_nothing() => AssertValuesAsync(Registration + """
        static class More { public static void Register(IServiceCollection services) => services.AddScoped(_ => new Service("b")); }
        class Consumer { public Consumer(Service service) { Check.Probe(service); } }
        """, "unknown");

    private const string Consumer = """
        interface IConsumer { }
        class Consumer : IConsumer { public Consumer(Service service) { Check.Probe(service); } }
        static class Direct { public static object Make() => new Consumer(new Service("direct")); }
        """;

    [Theory]
    [InlineData("", "services.AddScoped<Consumer>()")]
    [InlineData("", "services.AddScoped<IConsumer, Consumer>()")]
    [InlineData("using Built = Consumer;", "services.AddScoped<Built>()")]
    public Task A_type_the_container_builds_takes_its_constructor_parameters_from_the_registrations(string alias, string registration) => AssertValuesInAsync(new[]
    {
        Registration + Consumer,
        $$"""
        using Microsoft.Extensions.DependencyInjection;
        {{alias}}
        static class Wiring { public static void Register(IServiceCollection services) => {{registration}}; }
        """,
    }, "object:new Service(\"a\")");

    [Fact]
    public Task A_type_spelled_by_a_global_alias_may_be_built_by_the_container() => AssertValuesInAsync(new[]
    {
        Registration + Consumer,
        "global using Built = Consumer;",
        "using Microsoft.Extensions.DependencyInjection; static class Wiring { public static void Register(IServiceCollection services) => services.AddScoped<Built>(); }",
    }, "object:new Service(\"a\")");

    [Fact]
    public Task A_type_no_registration_names_takes_its_constructor_parameters_from_its_calls() => AssertValuesInAsync(new[]
    {
        Registration + Consumer,
        "using Microsoft.Extensions.DependencyInjection; static class Wiring { public static void Register(IServiceCollection services) => services.AddScoped<Service>(); }",
    }, "object:new Service(\"direct\")");

    [Theory]
    [InlineData("using Svc = Service;", "Svc", "unknown")]
    [InlineData("", "Probed", "object:new Service(\"a\")")]
    public Task A_registration_counts_for_a_type_unless_its_service_type_argument_names_another(string alias, string service, string expected) => AssertValuesInAsync(new[]
    {
        Registration + "class Probed { public Probed(Service service) { Check.Probe(service); } }",
        $$"""
        using Microsoft.Extensions.DependencyInjection;
        {{alias}}
        static class More { public static void Register(IServiceCollection services) => services.AddSingleton<{{service}}>(_ => null!); }
        """,
    }, expected);

    // Followed: objects.

    [Fact]
    public Task Objects_built_in_the_source() => AssertValuesAsync("""
        class C { void M() { var list = new List<string> { "a" }; Check.Probe(list); } }
        """, "object:new List<string> { \"a\" }");

    [Fact]
    public Task A_StatelessClient_factory_is_an_object_its_arguments_describe() => AssertValuesAsync("""
        class C { void M() { Check.Probe(Supabase.StatelessClient.Functions("https://x.supabase.co", "k")); } }
        """, "object:Supabase.StatelessClient.Functions(\"https://x.supabase.co\", \"k\")");

    // Not followed.

    [Fact]
    public Task A_method_parameter_that_is_not_injected() => AssertValuesAsync("""
        class C { void M(string key) { Check.Probe(key); } }
        """, "unknown");

    [Fact]
    public Task A_value_computed_in_another_assembly() => AssertValuesAsync("""
        class C { void M() { Check.Probe(System.IO.Path.GetTempPath()); } }
        """, "unknown");

    [Theory]
    [InlineData("var keys = new[] { \"a\" }; Check.Probe(keys[0]);")]
    [InlineData("var pair = (\"a\", \"b\"); Check.Probe(pair.Item1);")]
    [InlineData("var map = new Dictionary<string, string> { [\"k\"] = \"a\" }; Check.Probe(map[\"k\"]);")]
    public Task Collections_and_tuples(string statements) => AssertValuesAsync($$"""
        class C { void M() { {{statements}} } }
        """, "unknown");

    [Theory]
    [InlineData("Take(out var key); Check.Probe(key);")]
    [InlineData("object o = \"a\"; if (o is string key) { Check.Probe(key); }")]
    [InlineData("foreach (var key in new[] { \"a\" }) { Check.Probe(key); }")]
    public Task Out_pattern_and_foreach_variables(string statements) => AssertValuesAsync($$"""
        class C { static void Take(out string s) => s = "a"; void M() { {{statements}} } }
        """, "unknown");

    [Fact]
    public Task A_local_passed_by_reference_is_unknown() => AssertValuesAsync("""
        class C { static void Fill(ref string s) { } void M() { var key = "a"; Fill(ref key); Check.Probe(key); } }
        """, "unknown");

    [Theory]
    [InlineData("key += \"b\";")]
    [InlineData("key ??= \"b\";")]
    [InlineData("(key, var other) = (\"b\", \"c\");")]
    [InlineData("Action later = () => (key, _) = (\"b\", 1);")]
    public Task A_local_written_by_a_compound_assignment_or_a_deconstruction_is_unknown(string write) => AssertValuesAsync($$"""
        class C { void M() { string? key = "a"; {{write}} Check.Probe(key); } }
        """, "unknown");

    [Fact]
    public Task A_walk_stops_on_a_cycle() => AssertValuesAsync("""
        class C { static string A => B; static string B => A; void M() { Check.Probe(A); } }
        """, "unknown");
}
