using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.CodeFixes;
using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.SecretKeyLeakAnalyzer, SupabaseKeyAnalyzers.CodeFixes.Rules.SecretKeyInClientProjectFixer>;

namespace SupabaseKeyAnalyzers.Tests.Rules;

public class SBK001_SecretKeyInClientProjectTests
{
    private static readonly ProjectSetup Client = ProjectSetup.BlazorWebAssembly;
    private static readonly string S = TestKeys.Secret;

    public static TheoryData<string> SecretValues => new()
    {
        $"{{|SBK001:\"{S}\"|}}",
        $"{{|SBK001:@\"{S}\"|}}",
        $"{{|SBK001:\"\"\"{S}\"\"\"|}}",
        $"{{|SBK001:\"{S[..12]}\" + \"{S[12..]}\"|}}",
        $"{{|SBK001:\"{S[..12]}\" + (\"{S[12..20]}\" + \"{S[20..]}\")|}}",
        // Every prefix from 20 body characters on is itself key-shaped: still one diagnostic, on the whole value.
        $"{{|SBK001:\"sb_\" + \"secret_\" + \"{TestKeys.SecretBody[..22]}\" + \"_\" + \"{TestKeys.SecretBody[23..]}\"|}}",
        $"{{|SBK001:\"{{\\\"key\\\":\\\"{TestKeys.ServiceRoleJwt}\\\"}}\"|}}",
        $"{{|SBK001:\"https://x.supabase.co/rest/v1/t?apikey={TestKeys.PersonalAccessToken}\"|}}",
    };

    [Theory]
    [MemberData(nameof(SecretValues))]
    public Task Reports_secret_constant_values(string value)
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string Key = {{value}};
            }
            """, Client);

    [Fact]
    public Task Reports_a_UTF8_literal()
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public static System.ReadOnlySpan<byte> Key => {|SBK001:"{{S}}"u8|};
            }
            """, Client);

    [Fact]
    public Task Reports_once_where_the_full_value_is_first_formed()
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                const string A = "{{S[..15]}}";
                const string B = "{{S[15..]}}";
                public const string Key = {|SBK001:$"{A}{B}"|};
                public const string SameKey = Key;
                public const string Url = "https://x.supabase.co?apikey=" + Key;
            }
            """, Client);

    [Fact]
    public Task Reports_a_key_formed_from_constants_inside_a_method_body()
        => Verify.AnalyzerAsync($$"""
            static class Parts
            {
                public const string Prefix = "{{S[..14]}}";
            }

            class Startup
            {
                const string Body = "{{S[14..]}}";

                Supabase.Client Create(string url)
                {
                    const string local = Parts.Prefix;
                    var noKey = url + "/rest/v1/" + Body.Length;
                    return new Supabase.Client(url, {|SBK001:local + Body|});
                }

                string Interpolated() => {|SBK001:$"{Parts.Prefix}{Body}"|};
            }
            """, Client);

    [Fact]
    public Task Reports_a_key_formed_from_names_the_text_search_passes_over_elsewhere()
        => Verify.AnalyzerAsync($$"""
            class Startup
            {
                protected internal const string Head = "{{S[..14]}}";

                string Create(int count)
                {
                    count++; const string start = Head;
                    var named = new { Head = {|SBK001:start + "{{S[14..]}}"|} };
                    return Head == "" ? "" : named.Head + count;
                }
            }
            """, Client);

    [Fact]
    public Task Reports_a_key_formed_from_a_constant_made_of_another_constant()
        => Verify.AnalyzerAsync($$"""
            static class Parts
            {
                public const string Start = "{{S[..10]}}";
                public const string Middle = Start + "{{S[10..20]}}";
            }

            class Startup
            {
                Supabase.Client Create(string url) => new Supabase.Client(url, {|SBK001:Parts.Middle + "{{S[20..]}}"|});
            }
            """, Client);

    [Fact]
    public Task Reports_a_key_formed_from_constants_of_other_files_with_and_without_a_key_start()
        => Verify.FilesAsync(
            Client,
            // A key's start, and a constant made of it in the same file: both are found in the file's one walk of its constants.
            $$"""
            static class Parts
            {
                public const string Start = "{{S[..10]}}";
                public const string Middle = Start + "{{S[10..15]}}";
            }
            """,
            // No key's start in this file (nor a whole key: fewer than 20 characters of a body): its constants are looked at
            // once the compilation is known to hold one.
            $$"""
            static class More
            {
                public const string Almost = Parts.Middle + "{{S[15..25]}}";
            }
            """,
            $$"""
            class Startup
            {
                Supabase.Client Create(string url) => new Supabase.Client(url, {|SBK001:More.Almost + "{{S[25..]}}"|});
            }
            """);

    [Fact]
    public Task Reports_keys_in_locals_arguments_attributes_and_fallbacks()
        => Verify.AnalyzerAsync($$"""
            using System;

            class Startup
            {
                [Obsolete({|SBK001:"{{S}}"|})]
                public void Configure()
                {
                    var key = Environment.GetEnvironmentVariable("SUPABASE_SERVICE_ROLE_KEY")
                        ?? {|SBK001:"{{TestKeys.ServiceRoleJwt}}"|};
                    var client = new Supabase.Client("https://x.supabase.co", {|SBK001:"{{TestKeys.OtherSecret}}"|});
                }
            }
            """, Client);

    [Fact]
    public Task Does_not_report_publishable_anon_user_or_local_development_keys()
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Anon = "{{TestKeys.AnonJwt}}";
                public const string User = "{{TestKeys.UserJwt}}";
                public const string LocalSecret = "{{TestKeys.LocalSecret}}";
                public const string LocalServiceRole = "{{TestKeys.LocalServiceRoleJwt}}";
                public const string NotAKey = "sb_secretary_is_not_a_key_at_all_no";
            }
            """, Client);

    [Fact]
    public Task Skips_generated_code()
    {
        var test = new SupabaseTest<SecretKeyLeakAnalyzer>();
        test.TestState.Sources.Add(("/0/Config.g.cs", /* lang=c#-test */ $$"""
            class Generated
            {
                public const string Key = "{{S}}";
            }
            """));
        test.TestState.Sources.Add(("/0/Other.cs", /* lang=c#-test */ $$"""
            // <auto-generated/>
            class AlsoGenerated
            {
                public const string Key = "{{S}}";
            }
            """));
        test.WithProject(Client);
        return test.RunAsync();
    }

    [Fact]
    public Task Severity_can_be_tuned_in_editorconfig()
    {
        var test = new SupabaseTest<SecretKeyLeakAnalyzer>
        {
            TestCode = $$"""
                class Config
                {
                    public const string Key = "{{S}}";
                    public const string Other = {|#0:"{{TestKeys.OtherSecret}}"|};
                }
                """,
        };
        test.WithProject(Client);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SBK001.severity = none\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_a_secret_in_a_shipped_wwwroot_file_on_its_line()
    {
        var json = "{\n  \"Supabase\": {\n    \"Url\": \"https://x.supabase.co\",\n    \"Key\": \"" + TestKeys.ServiceRoleJwt + "\"\n  }\n}\n";
        var test = new SupabaseTest<SecretKeyLeakAnalyzer> { TestCode = "class App { }" };
        test.TestState.AdditionalFiles.Add(("/0/wwwroot/appsettings.json", json));
        test.WithProject(Client);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.SBK001_SecretKeyInClientProject)
            .WithSpan("/0/wwwroot/appsettings.json", 4, 13, 4, 13 + TestKeys.ServiceRoleJwt.Length)
            .WithArguments("service_role JWT 'eyJhbG…'", "served publicly from wwwroot"));
        return test.RunAsync();
    }

    /// <summary>
    /// A shipped file takes the severity set for its own path (the package's key: the compiler keeps
    /// dotnet_diagnostic entries for C# files only), else the project-wide one (.globalconfig, or an .editorconfig
    /// entry every C# file has), else the default: never the entry of one C# file.
    /// </summary>
    [Theory]
    [InlineData("[Program.cs]\ndotnet_diagnostic.SBK001.severity = none", null, "Error")]
    [InlineData("[Pages/*.cs]\ndotnet_diagnostic.SBK001.severity = none", null, "Error")]
    [InlineData("[*.cs]\ndotnet_diagnostic.SBK001.severity = none", null, null)]
    [InlineData("[*]\ndotnet_diagnostic.SBK001.severity = suggestion", null, "Info")]
    [InlineData("[wwwroot/**]\nsupabase_key_analyzers.SBK001.severity = none", null, null)]
    [InlineData("[wwwroot/**.json]\nsupabase_key_analyzers.SBK001.severity = warning", null, "Warning")]
    [InlineData("[wwwroot/**]\ndotnet_diagnostic.SBK001.severity = none", null, "Error")]
    [InlineData("[*.cs]\ndotnet_diagnostic.SBK001.severity = none\n[wwwroot/**]\nsupabase_key_analyzers.SBK001.severity = error", null, "Error")]
    [InlineData("[Program.cs]\ndotnet_diagnostic.SBK001.severity = none", "dotnet_diagnostic.SBK001.severity = warning", "Warning")]
    [InlineData(null, "dotnet_diagnostic.SBK001.severity = none", null)]
    public Task A_shipped_file_takes_its_own_or_the_project_wide_severity_never_one_C_sharp_file_s(string? editorConfig, string? globalConfig, string? severity)
    {
        var test = new SupabaseTest<SecretKeyLeakAnalyzer>();
        test.TestState.Sources.Add(("/0/Program.cs", "class Program { }"));
        test.TestState.Sources.Add(("/0/Pages/Index.cs", "class Index { }"));
        test.TestState.AdditionalFiles.Add(("/0/wwwroot/appsettings.json", "{ \"Key\": \"" + S + "\" }"));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n\n" + editorConfig + "\n"));
        }

        test.WithProject(globalConfig is null ? Client : Client.With(globalConfig));
        if (severity is not null)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.SBK001_SecretKeyInClientProject)
                .WithSpan("/0/wwwroot/appsettings.json", 1, 11, 1, 11 + S.Length)
                .WithSeverity(Enum.Parse<Microsoft.CodeAnalysis.DiagnosticSeverity>(severity))
                .WithArguments("sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'", "served publicly from wwwroot"));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task A_wwwroot_file_is_public_in_a_server_project_too()
    {
        var test = new SupabaseTest<SecretKeyLeakAnalyzer> { TestCode = "class App { }" };
        test.TestState.AdditionalFiles.Add(("/0/wwwroot/js/config.js", "window.key = '" + S + "';\n"));
        test.TestState.AdditionalFiles.Add(("/0/wwwroot/.env", "SUPABASE_KEY=" + TestKeys.OtherSecret + "\n"));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Key\": \"" + S + "\" }"));
        test.WithProject(ProjectSetup.Web);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.SBK001_SecretKeyInClientProject).WithSpan("/0/wwwroot/js/config.js", 1, 15, 1, 15 + S.Length).WithArguments("sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'", "served publicly from wwwroot"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.SBK001_SecretKeyInClientProject).WithSpan("/0/wwwroot/.env", 1, 14, 1, 14 + S.Length).WithArguments("sb_secret_ key 'sb_secret_Zz9-Yy…'", "served publicly from wwwroot"));
        return test.RunAsync();
    }

    [Fact]
    public Task Tagged_assets_ship_only_in_client_projects()
    {
        var clientTest = new SupabaseTest<SecretKeyLeakAnalyzer> { TestCode = "class App { }" };
        clientTest.TestState.AdditionalFiles.Add(("/0/Resources/Raw/config.json", "{ \"Key\": \"" + S + "\" }"));
        clientTest.TestState.AnalyzerConfigFiles.Add(("/0/Resources/Raw/.editorconfig", "[config.json]\nbuild_metadata.AdditionalFiles.SupabaseShipsTo = MauiAsset\n"));
        clientTest.WithProject(ProjectSetup.MauiAndroid);
        clientTest.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.SBK001_SecretKeyInClientProject).WithSpan("/0/Resources/Raw/config.json", 1, 11, 1, 11 + S.Length).WithArguments("sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'", "bundled as MauiAsset in a client project: UseMaui=true"));
        return clientTest.RunAsync();
    }

    [Fact]
    public Task Tagged_assets_are_not_reported_in_server_projects()
    {
        var test = new SupabaseTest<SecretKeyLeakAnalyzer> { TestCode = "class App { }" };
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Key\": \"" + S + "\" }"));
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "[appsettings.json]\nbuild_metadata.AdditionalFiles.SupabaseShipsTo = EmbeddedResource\n"));
        test.WithProject(ProjectSetup.Web);
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_uses_the_one_publishable_constant()
        => Verify.FixAsync(
            $$"""
            namespace App;

            public static class Keys
            {
                public const string Anon = "{{TestKeys.Publishable}}";
            }

            public class Program
            {
                private const string Key = {|SBK001:"{{S}}"|};
                public Supabase.Client Create() => new Supabase.Client("https://x.supabase.co", {|SBK001:"{{TestKeys.OtherSecret}}"|});
            }
            """,
            $$"""
            namespace App;

            public static class Keys
            {
                public const string Anon = "{{TestKeys.Publishable}}";
            }

            public class Program
            {
                private const string Key = Keys.Anon;
                public Supabase.Client Create() => new Supabase.Client("https://x.supabase.co", Keys.Anon);
            }
            """,
            Client);

    [Fact]
    public Task Fix_uses_a_placeholder_when_no_single_publishable_constant_exists()
        => Verify.FixAsync(
            $$"""
            public static class Keys
            {
                public const string Anon = "{{TestKeys.AnonJwt}}";
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Service = {|SBK001:"{{S[..12]}}" + "{{S[12..]}}"|};
                public static System.ReadOnlySpan<byte> Utf8 => {|SBK001:"{{TestKeys.OtherSecret}}"u8|};
                public const string Json = {|SBK001:"{\"url\":\"https://x.supabase.co\",\"key\":\"{{TestKeys.ServiceRoleJwt}}\"}"|};
            }
            """,
            $$"""
            public static class Keys
            {
                public const string Anon = "{{TestKeys.AnonJwt}}";
                public const string Publishable = "{{TestKeys.Publishable}}";
                public const string Service = "YOUR_SUPABASE_PUBLISHABLE_KEY";
                public static System.ReadOnlySpan<byte> Utf8 => "YOUR_SUPABASE_PUBLISHABLE_KEY"u8;
                public const string Json = "{\"url\":\"https://x.supabase.co\",\"key\":\"YOUR_SUPABASE_PUBLISHABLE_KEY\"}";
            }
            """,
            Client);

    [Fact]
    public async Task Fixed_code_holds_no_secret_material()
    {
        var source = $$"""
            class Config
            {
                const string A = {|SBK001:"{{S}}"|};
                const string B = {|SBK001:"{{TestKeys.ServiceRoleJwt}}"|};
                const string C = {|SBK001:"{{TestKeys.PersonalAccessToken}}"|};
            }
            """;
        var fixedSource = """
            class Config
            {
                const string A = "YOUR_SUPABASE_PUBLISHABLE_KEY";
                const string B = "YOUR_SUPABASE_PUBLISHABLE_KEY";
                const string C = "YOUR_SUPABASE_PUBLISHABLE_KEY";
            }
            """;
        await Verify.FixAsync(source, fixedSource, Client);
        foreach (var key in new[] { S, TestKeys.ServiceRoleJwt, TestKeys.PersonalAccessToken })
        {
            Assert.All(TestKeys.MaterialLongerThanShown(key), m => Assert.DoesNotContain(m, fixedSource, StringComparison.Ordinal));
        }
    }
}
