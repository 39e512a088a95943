using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.LegacyJwtKeyAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.LegacyJwtKeyFixer>;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK007_LegacyJwtKeyTests
{
    private static readonly string Anon = TestKeys.AnonJwt;
    private static readonly string ServiceRole = TestKeys.ServiceRoleJwt;

    public static TheoryData<string> ProjectKinds() => new() { ProjectSetup.Web.Name, ProjectSetup.BlazorWebAssembly.Name, ProjectSetup.ClassLibrary.Name, ProjectSetup.TestProject.Name };

    private static ProjectSetup Kind(string name) => new[] { ProjectSetup.Web, ProjectSetup.BlazorWebAssembly, ProjectSetup.ClassLibrary, ProjectSetup.TestProject }.Single(p => p.Name == name);

    [Theory]
    [MemberData(nameof(ProjectKinds))]
    public Task Reports_anon_and_service_role_JWTs_in_every_kind_of_project(string kind)
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string AnonKey = {|SBK007:"{{Anon}}"|};
                public static readonly string ServiceKey = {|SBK007:"{{ServiceRole}}"|};
                public static readonly string Joined = {|SBK007:"{{Anon[..10]}}" + "{{Anon[10..]}}"|};
                public const string Local = "{{TestKeys.LocalServiceRoleJwt}}";
                public const string User = "{{TestKeys.UserJwt}}";
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Secret = "{{TestKeys.Secret}}";
            }
            """, Kind(kind));

    [Fact]
    public Task The_message_names_the_key_kind_and_its_replacement_with_six_characters_of_key_material()
        => Verify.AnalyzerAsync(
            $$"""
            class Config
            {
                public const string AnonKey = "{{Anon}}";
                public const string ServiceKey = "{{ServiceRole}}";
            }
            """,
            ProjectSetup.Web,
            new DiagnosticResult(RuleDescriptors.SBK007_LegacyJwtKey).WithSpan(3, 35, 3, 37 + Anon.Length).WithSeverity(DiagnosticSeverity.Info).WithArguments("anon JWT 'eyJhbG…'", "a publishable key (sb_publishable_…)"),
            new DiagnosticResult(RuleDescriptors.SBK007_LegacyJwtKey).WithSpan(4, 38, 4, 40 + ServiceRole.Length).WithSeverity(DiagnosticSeverity.Info).WithArguments("service_role JWT 'eyJhbG…'", "a secret key (sb_secret_…)"));

    [Fact]
    public Task Reports_legacy_keys_in_settings_shipped_and_Razor_files_anywhere_in_the_project()
    {
        var test = new SupabaseTest<LegacyJwtKeyAnalyzer> { TestCode = "class App { }" };
        test.TestState.AdditionalFiles.Add(("/0/appsettings.Development.json", "{ \"Supabase\": { \"Key\": \"" + ServiceRole + "\" } }"));
        test.TestState.AdditionalFiles.Add(("/0/.env", "SUPABASE_ANON_KEY=" + Anon + "\n"));
        test.TestState.AdditionalFiles.Add(("/0/wwwroot/config.js", "const key = '" + Anon + "';"));
        test.TestState.AdditionalFiles.Add(("/0/Pages/Login.razor", "<Login ApiKey=\"" + Anon + "\" />"));
        test.TestState.AdditionalFiles.Add(("/0/local.env", "KEY=" + TestKeys.LocalServiceRoleJwt + "\nUSER=" + TestKeys.UserJwt));
        test.TestState.AdditionalFiles.Add(("/0/logo.svg", "<svg>" + Anon + "</svg>"));
        test.WithProject(ProjectSetup.Web);
        DiagnosticResult At(string path, int column, string key, string description, string replacement)
            => new DiagnosticResult(RuleDescriptors.SBK007_LegacyJwtKey).WithSpan(path, 1, column, 1, column + key.Length).WithSeverity(DiagnosticSeverity.Info).WithArguments(description, replacement);
        test.ExpectedDiagnostics.Add(At("/0/appsettings.Development.json", 25, ServiceRole, "service_role JWT 'eyJhbG…'", "a secret key (sb_secret_…)"));
        test.ExpectedDiagnostics.Add(At("/0/.env", 19, Anon, "anon JWT 'eyJhbG…'", "a publishable key (sb_publishable_…)"));
        test.ExpectedDiagnostics.Add(At("/0/wwwroot/config.js", 14, Anon, "anon JWT 'eyJhbG…'", "a publishable key (sb_publishable_…)"));
        test.ExpectedDiagnostics.Add(At("/0/Pages/Login.razor", 16, Anon, "anon JWT 'eyJhbG…'", "a publishable key (sb_publishable_…)"));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_refers_to_the_one_new_key_of_the_matching_kind()
        => Verify.FixAsync(
            $$"""
            public static class Keys
            {
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Secret = "{{TestKeys.Secret}}";
                public const string Anon = {|SBK007:"{{Anon}}"|};
            }

            public class Admin
            {
                public Supabase.Client Create() => new Supabase.Client("https://x.supabase.co", {|SBK007:"{{ServiceRole}}"|});
            }
            """,
            """
            public static class Keys
            {
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Secret = "{{TestKeys.Secret}}";
                public const string Anon = Publishable;
            }

            public class Admin
            {
                public Supabase.Client Create() => new Supabase.Client("https://x.supabase.co", Keys.Secret);
            }
            """.Replace("{{TestKeys.Publishable}}", TestKeys.Publishable, StringComparison.Ordinal).Replace("{{TestKeys.Secret}}", TestKeys.Secret, StringComparison.Ordinal),
            ProjectSetup.Web);

    [Fact]
    public Task No_fix_without_exactly_one_new_key_of_the_matching_kind()
        => Verify.NoFixAsync($$"""
            public static class Keys
            {
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string OtherPublishable = "{{TestKeys.LocalPublishable}}";
                public const string Anon = {|SBK007:"{{Anon}}"|};
                public const string ServiceRole = {|SBK007:"{{ServiceRole}}"|};
            }
            """, ProjectSetup.Web);

    [Fact]
    public Task Reports_legacy_keys_in_the_projects_SQL()
    {
        var test = new SupabaseTest<LegacyJwtKeyAnalyzer> { TestCode = "class App { }" };
        test.TestState.AdditionalFiles.Add((SqlSamples.MigrationPath, SqlSamples.Migration));
        test.WithProject(ProjectSetup.Web);
        test.ExpectedDiagnostics.Add(SqlSamples.At(RuleDescriptors.SBK007_LegacyJwtKey, 7, ServiceRole).WithSeverity(DiagnosticSeverity.Info).WithArguments("service_role JWT 'eyJhbG…'", "a secret key (sb_secret_…)"));
        return test.RunAsync();
    }

    [Fact]
    public async Task Fix_title_warns_of_SBK009_when_the_SDK_would_send_the_new_key_to_Functions_as_Bearer()
    {
        var source = $$"""
            public static class Keys
            {
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Anon = {|SBK007:"{{Anon}}"|};
            }

            public class Calls
            {
                public System.Threading.Tasks.Task<string> Hello(Supabase.Client client) => client.Functions.Invoke("hello");
            }
            """;
        var test = new SupabaseTest<LegacyJwtKeyAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.LegacyJwtKeyFixer>
        {
            TestCode = source,
            FixedCode = source.Replace("{|SBK007:\"" + Anon + "\"|}", "Publishable", StringComparison.Ordinal),
            CodeActionVerifier = (action, verifier) => verifier.Equal("Use Keys.Publishable (Supabase.Functions 2.2.0 sends it to Functions as a Bearer token: upgrade to 8.0.0, see SBK009)", action.Title),
        };
        test.WithProject(ProjectSetup.Web);
        await test.RunAsync();
    }
}
