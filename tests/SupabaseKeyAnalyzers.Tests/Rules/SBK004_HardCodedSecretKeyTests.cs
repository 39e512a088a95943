using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.SecretKeyLeakAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.HardCodedSecretKeyFixer>;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK004_HardCodedSecretKeyTests
{
    private static readonly ProjectSetup Server = ProjectSetup.Web;
    private static readonly string S = TestKeys.Secret;

    [Fact]
    public Task Reports_in_server_projects_and_not_the_publishable_key()
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string Secret = {|SBK004:"{{S}}"|};
                public static readonly string Legacy = {|SBK004:"{{TestKeys.ServiceRoleJwt}}"|};
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string LocalSecret = "{{TestKeys.LocalSecret}}";
            }
            """, Server);

    [Fact]
    public Task Fix_turns_a_const_into_a_static_property_that_reads_the_environment_where_the_key_is_used()
        => Verify.FixAsync(
            $$"""
            using System;

            public class Config
            {
                public const string ServiceKey = {|SBK004:"{{S}}"|};

                public Supabase.Client Create() => new Supabase.Client("https://x.supabase.co", ServiceKey);
            }
            """,
            """
            using System;

            public class Config
            {
                public static string ServiceKey => Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.");

                public Supabase.Client Create() => new Supabase.Client("https://x.supabase.co", ServiceKey);
            }
            """,
            Server);

    [Fact]
    public Task Fix_replaces_arguments_locals_and_const_locals()
        => Verify.FixAsync(
            $$"""
            class Seeder
            {
                void Run()
                {
                    var key = {|SBK004:"{{TestKeys.ServiceRoleJwt}}"|};
                    const string token = {|SBK004:"{{TestKeys.PersonalAccessToken}}"|};
                    var client = new Supabase.Client("https://x.supabase.co", {|SBK004:"{{S}}"|});
                }
            }
            """,
            """
            class Seeder
            {
                void Run()
                {
                    var key = System.Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new System.InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.");
                    string token = System.Environment.GetEnvironmentVariable("SUPABASE_ACCESS_TOKEN") ?? throw new System.InvalidOperationException("Set the SUPABASE_ACCESS_TOKEN environment variable.");
                    var client = new Supabase.Client("https://x.supabase.co", System.Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new System.InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable."));
                }
            }
            """,
            ProjectSetup.Console);

    [Fact]
    public Task No_fix_where_a_constant_is_required()
        => Verify.NoFixAsync($$"""
            using System;

            class Config
            {
                public const string Key = {|SBK004:"{{S}}"|};

                [Obsolete(Key)]
                void Old() { }

                [Obsolete({|SBK004:"{{TestKeys.OtherSecret}}"|})]
                void Older() { }

                void Switch(string s)
                {
                    switch (s)
                    {
                        case {|SBK004:"{{TestKeys.ServiceRoleJwt}}"|}:
                            break;
                    }
                }
            }
            """, Server);

    [Fact]
    public Task No_fix_where_the_key_is_part_of_a_longer_string()
        => Verify.NoFixAsync($$"""
            class Config
            {
                public const string Url = {|SBK004:"https://x.supabase.co/rest/v1/t?apikey={{S}}"|};
            }
            """, Server);

    [Fact]
    public Task Fix_all_fixes_every_occurrence_and_static_readonly_fields_become_properties_that_do_not_throw_at_type_initialization()
        => Verify.FixAsync(
            $$"""
            using System;

            class A
            {
                static readonly string One = {|SBK004:"{{S}}"|};
                static readonly string Two = {|SBK004:"{{TestKeys.OtherSecret}}"|};
            }
            """,
            """
            using System;

            class A
            {
                static string One => Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.");
                static string Two => Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.");
            }
            """,
            Server);

    [Fact]
    public Task Fix_keeps_fields_that_must_stay_fields_and_turns_instance_fields_into_instance_properties()
        => Verify.FixAsync(
            $$"""
            using System;

            class Settings
            {
                readonly string instanceKey = {|SBK004:"{{S}}"|};
                readonly string assigned = {|SBK004:"{{S}}"|};
                [NonSerialized]
                string serialized = {|SBK004:"{{S}}"|};
                string first = {|SBK004:"{{S}}"|}, second = "";

                Settings(bool other)
                {
                    if (other)
                    {
                        assigned = "";
                    }
                }

                string All => instanceKey + assigned + serialized + first + second;
            }
            """,
            """
            using System;

            class Settings
            {
                string instanceKey => Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.");
                readonly string assigned = Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.");
                [NonSerialized]
                string serialized = Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.");
                string first = Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable."), second = "";

                Settings(bool other)
                {
                    if (other)
                    {
                        assigned = "";
                    }
                }

                string All => instanceKey + assigned + serialized + first + second;
            }
            """,
            Server);

    [Theory]
    [InlineData("secret", "SUPABASE_SECRET_KEY")]
    [InlineData("service_role", "SUPABASE_SECRET_KEY")]
    [InlineData("personal access token", "SUPABASE_ACCESS_TOKEN")]
    public Task The_message_names_the_variable_the_fix_reads(string kind, string variable)
    {
        var key = kind switch { "secret" => S, "service_role" => TestKeys.ServiceRoleJwt, _ => TestKeys.PersonalAccessToken };
        var shown = kind switch
        {
            "secret" => "sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'",
            "service_role" => "service_role JWT '" + key[..6] + "…'",
            _ => "sbp_ personal access token '" + key[..10] + "…'",
        };
        return Verify.AnalyzerAsync(
            $$"""
            class Config
            {
                public const string Key = "{{key}}";
            }
            """,
            Server,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.SBK004_HardCodedSecretKey).WithSpan(3, 31, 3, 33 + key.Length).WithArguments(shown, "read it from configuration or the environment (" + variable + ")"));
    }

    public static TheoryData<string> SqlProjects() => new() { "server", "client" };

    /// <summary>The project's SQL never ships to users: a secret there is SBK004 (never SBK001), in a client project too.</summary>
    [Theory]
    [MemberData(nameof(SqlProjects))]
    public Task Reports_secret_keys_in_the_projects_SQL_with_the_Vault_advice(string kind)
    {
        var test = new SupabaseTest<SupabaseKeyAnalyzers.Rules.SecretKeyLeakAnalyzer> { TestCode = "class App { }" };
        test.TestState.AdditionalFiles.Add((SqlSamples.MigrationPath, SqlSamples.Migration));
        test.WithProject(kind == "server" ? Server : ProjectSetup.BlazorWebAssembly);
        const string vault = "store it in Vault and read it from vault.decrypted_secrets at call time";
        var secret = "sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'";
        test.ExpectedDiagnostics.Add(SqlSamples.At(RuleDescriptors.SBK004_HardCodedSecretKey, 2, TestKeys.Secret).WithArguments(secret, vault));
        test.ExpectedDiagnostics.Add(SqlSamples.At(RuleDescriptors.SBK004_HardCodedSecretKey, 6, TestKeys.Secret).WithArguments(secret, vault));
        test.ExpectedDiagnostics.Add(SqlSamples.At(RuleDescriptors.SBK004_HardCodedSecretKey, 7, TestKeys.ServiceRoleJwt).WithArguments("service_role JWT 'eyJhbG…'", vault));
        return test.RunAsync();
    }
}
