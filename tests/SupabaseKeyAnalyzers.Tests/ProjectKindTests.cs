using SupabaseKeyAnalyzers.Rules;
using SupabaseKeyAnalyzers.Tests.Infrastructure;
using Verify = SupabaseKeyAnalyzers.Tests.Infrastructure.Verify<SupabaseKeyAnalyzers.Rules.SecretKeyLeakAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>
/// The project-kind resolver, seen through SBK001 (client) and SBK004 (server, unknown): every kind with the
/// build_property values MSBuild really produces for it.
/// </summary>
public class ProjectKindTests
{
    public static TheoryData<ProjectSetup> ClientProjects => new()
    {
        ProjectSetup.BlazorWebAssembly,
        ProjectSetup.BlazorWebAppClient,
        ProjectSetup.MauiAndroid,
        ProjectSetup.MauiIos,
        ProjectSetup.Wpf,
        ProjectSetup.WindowsForms,
        ProjectSetup.LegacyWindowsForms,
        ProjectSetup.Avalonia,
        ProjectSetup.Unity,
        ProjectSetup.Godot,
        ProjectSetup.DotnetTool,
        ProjectSetup.Console.WithProperty("SupabaseProjectKind", "client"),
        ProjectSetup.Console.WithProperty("SupabaseProjectKind", "CLIENT"),
        ProjectSetup.ClassLibrary.With("supabase_key_analyzers.project_kind = client"),
        ProjectSetup.Web.WithProperty("RuntimeIdentifier", "browser-wasm"),
        new ProjectSetup("Uno WebAssembly head") { Properties = new[] { ("UsingUnoSdk", "true"), ("TargetPlatformIdentifier", "browser") } },
        new ProjectSetup("Uno Skia desktop") { Properties = new[] { ("UsingUnoSdk", "true") }, Symbols = new[] { "__UNO__", "__UNO_SKIA__" } },
        new ProjectSetup("WinUI") { Properties = new[] { ("UseWinUI", "true"), ("OutputType", "WinExe") } },
        new ProjectSetup("MAUI class library") { Properties = new[] { ("UseMaui", "true"), ("OutputType", "Library") } },
        new ProjectSetup("Xamarin.Android") { Properties = new[] { ("TargetFrameworkIdentifier", "MonoAndroid") }, Symbols = new[] { "__ANDROID__", "__MOBILE__" } },
        new ProjectSetup("Mac Catalyst") { Properties = new[] { ("TargetPlatformIdentifier", "maccatalyst") } },
    };

    public static TheoryData<ProjectSetup> NotClientProjects => new()
    {
        ProjectSetup.Web,
        ProjectSetup.BlazorWebAppServer,
        ProjectSetup.Worker,
        ProjectSetup.AzureFunctions,
        ProjectSetup.Console,
        ProjectSetup.ClassLibrary,
        ProjectSetup.UnityServer,
        ProjectSetup.BlazorWebAssembly.WithProperty("SupabaseProjectKind", "server"),
        ProjectSetup.BlazorWebAssembly.With("supabase_key_analyzers.project_kind = server"),
        ProjectSetup.Console.WithProperty("SupabaseProjectKind", "auto"),
        ProjectSetup.TestProject.With("supabase_key_analyzers.analyze_test_projects = true"),
        new ProjectSetup("Windows service (net8.0-windows)") { Properties = new[] { ("OutputType", "Exe"), ("TargetPlatformIdentifier", "windows"), ("UsingMicrosoftNETSdkWorker", "true") } },
        new ProjectSetup("no MSBuild at all"),
    };

    [Theory]
    [MemberData(nameof(ClientProjects))]
    public Task Client_projects_get_SBK001(ProjectSetup project)
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string Key = {|SBK001:"{{TestKeys.Secret}}"|};
            }
            """, project);

    [Theory]
    [MemberData(nameof(NotClientProjects))]
    public Task Other_projects_get_SBK004(ProjectSetup project)
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string Key = {|SBK004:"{{TestKeys.Secret}}"|};
            }
            """, project);

    [Fact]
    public Task Test_projects_are_skipped_by_default()
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string Key = "{{TestKeys.Secret}}";
            }
            """, ProjectSetup.TestProject);

    [Fact]
    public async Task In_test_projects_the_misuse_rules_still_report_and_the_leak_rules_do_not()
    {
        // A Bearer misuse or a sign-up on a secret-key client in an integration test is still a bug (SBK002, SBK003);
        // keys in test fixtures are not shipped (SBK001/SBK004 wait for analyze_test_projects = true).
        var project = AnalyzerRunner.CreateProject(
            new[]
            {
                ("/app/IntegrationTests.cs", TestSources.Usings + /* lang=c#-test */ $$"""
                    class IntegrationTests
                    {
                        const string Secret = "{{TestKeys.Secret}}";
                        const string Publishable = "{{TestKeys.Publishable}}";

                        async Task Run(HttpClient http)
                        {
                            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Publishable);
                            var admin = new Supabase.Client("https://x.supabase.co", Secret);
                            await admin.Auth.SignUp("a@b.c", "pw");
                        }
                    }
                    """),
            },
            "build_property.IsTestProject = true\n");
        var (diagnostics, exceptions) = await AnalyzerRunner.AnalyzeAsync(project);
        Assert.Empty(exceptions);
        Assert.Equal(new[] { "SBK002", "SBK003" }, diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public Task A_test_framework_reference_alone_marks_a_test_project()
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string Key = "{{TestKeys.Secret}}";
            }
            """, new ProjectSetup("NUnit project") { AssemblyReferences = new[] { "nunit.framework" } });

    [Fact]
    public Task The_test_project_check_comes_before_the_browser_check()
        => Verify.AnalyzerAsync($$"""
            class Config
            {
                public const string Key = "{{TestKeys.Secret}}";
            }
            """, ProjectSetup.BlazorWebAssembly.WithProperty("IsTestProject", "true"));

    [Fact]
    public Task Unity_editor_assemblies_are_unknown()
    {
        var test = new SupabaseTest<SecretKeyLeakAnalyzer>
        {
            TestCode = $$"""
                class Tool
                {
                    const string Key = {|SBK004:"{{TestKeys.Secret}}"|};
                }
                """,
            AssemblyName = "Assembly-CSharp-Editor",
        };
        test.WithProject(ProjectSetup.Unity);
        return test.RunAsync();
    }

    [Fact]
    public Task An_editorconfig_override_applies_to_the_files_it_names()
    {
        var test = new SupabaseTest<SecretKeyLeakAnalyzer>();
        test.TestState.Sources.Add(("/src/Client/Config.cs", /* lang=c#-test */ $$"""
            class ClientConfig
            {
                public const string Key = {|SBK001:"{{TestKeys.Secret}}"|};
            }
            """));
        test.TestState.Sources.Add(("/src/Server/Config.cs", /* lang=c#-test */ $$"""
            class ServerConfig
            {
                public const string Key = {|SBK004:"{{TestKeys.OtherSecret}}"|};
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/src/Client/.editorconfig", "[*.cs]\nsupabase_key_analyzers.project_kind = client\n"));
        test.WithProject(ProjectSetup.Web);
        return test.RunAsync();
    }

    [Fact]
    public Task The_message_names_the_evidence()
        => Verify.AnalyzerAsync(
            $$"""
            class Config
            {
                public const string Key = "{{TestKeys.Secret}}";
            }
            """,
            ProjectSetup.MauiAndroid,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.SBK001_SecretKeyInClientProject)
                .WithSpan(3, 31, 3, 33 + TestKeys.Secret.Length)
                .WithArguments("sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'", "client project: UseMaui=true"));
}
