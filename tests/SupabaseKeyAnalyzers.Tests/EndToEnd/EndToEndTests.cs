using SupabaseKeyAnalyzers.Testing;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SupabaseKeyAnalyzers.Tests.Infrastructure;

namespace SupabaseKeyAnalyzers.Tests.EndToEnd;

/// <summary>
/// The packed .nupkg on real projects made with <c>dotnet new</c>, restored from a local folder feed; diagnostics are
/// read from real <c>dotnet build</c> output.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class EndToEndTests : IClassFixture<PackedPackage>
{
    private readonly PackedPackage package;

    public EndToEndTests(PackedPackage package) => this.package = package;

    [Fact]
    public void The_package_has_the_expected_layout()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("package/", StringComparison.Ordinal) && !n.StartsWith("_rels/", StringComparison.Ordinal) && n != "[Content_Types].xml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "LICENSE",
                "README.md",
                "SupabaseKeyAnalyzers.nuspec",
                "analyzers/dotnet/roslyn3.7/cs/SupabaseKeyAnalyzers.dll",
                "analyzers/dotnet/roslyn4.3/cs/SupabaseKeyAnalyzers.dll",
                "analyzers/dotnet/roslyn4.8/cs/SupabaseKeyAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/roslyn4.8/cs/SupabaseKeyAnalyzers.dll",
                "build/SupabaseKeyAnalyzers.props",
                "build/SupabaseKeyAnalyzers.targets",
                "build/config/SupabaseKeyAnalyzers.Migration.globalconfig",
                "build/config/SupabaseKeyAnalyzers.None.globalconfig",
                "build/config/SupabaseKeyAnalyzers.Strict.globalconfig",
                "buildTransitive/SupabaseKeyAnalyzers.props",
                "buildTransitive/SupabaseKeyAnalyzers.targets",
            },
            entries);

        using var nuspec = new StreamReader(archive.GetEntry("SupabaseKeyAnalyzers.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependencies>", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unity6", "6000.0")]
    [InlineData("unity2021", "2021.2")]
    public void Each_Unity_package_is_a_tarball_with_the_analyzer_labelled_RoslynAnalyzer_on_no_platform(string flavor, string unity)
    {
        var tarball = Path.Combine(DotnetCli.RepositoryRoot, "artifacts", "unity", $"com.supabase-key-analyzers.{flavor}-{package.Version}.tgz");
        Assert.True(File.Exists(tarball), tarball + " is missing");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        using (var tar = new System.Formats.Tar.TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    data.CopyTo(copy);
                    files[entry.Name.TrimStart('.', '/')] = copy.ToArray();
                }
            }
        }

        Assert.Equal(
            new[] { "package/Analyzers.meta", "package/Analyzers/SupabaseKeyAnalyzers.dll", "package/Analyzers/SupabaseKeyAnalyzers.dll.meta", "package/LICENSE.md", "package/LICENSE.md.meta", "package/package.json", "package/package.json.meta" },
            files.Keys.Order(StringComparer.Ordinal));

        var manifest = System.Text.Json.JsonDocument.Parse(files["package/package.json"]).RootElement;
        Assert.Equal("com.supabase-key-analyzers." + flavor, manifest.GetProperty("name").GetString());
        Assert.Equal(package.Version, manifest.GetProperty("version").GetString());
        Assert.Equal(unity, manifest.GetProperty("unity").GetString());

        // Unity runs a DLL as an analyzer when it carries the RoslynAnalyzer label and no platform includes it.
        var meta = System.Text.Encoding.UTF8.GetString(files["package/Analyzers/SupabaseKeyAnalyzers.dll.meta"]).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("labels:\n- RoslynAnalyzer\n", meta, StringComparison.Ordinal);
        Assert.Contains("PluginImporter:", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("enabled: 1", meta, StringComparison.Ordinal);

        // The DLL is the flavor's: the one the .nupkg carries for that Roslyn.
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var packed = new MemoryStream();
        archive.GetEntry($"analyzers/dotnet/{(flavor == "unity6" ? "roslyn4.3" : "roslyn3.7")}/cs/SupabaseKeyAnalyzers.dll")!.Open().CopyTo(packed);
        Assert.Equal(packed.ToArray(), files["package/Analyzers/SupabaseKeyAnalyzers.dll"]);
    }

    [Fact]
    public void Blazor_WebAssembly_app_fails_a_warnaserror_build_on_SBK001_in_code_and_in_wwwroot()
    {
        var app = package.CreateProject("blazorwasm", "WasmApp");
        File.WriteAllText(Path.Combine(app, "SupabaseConfig.cs"), $$"""
            namespace WasmApp;

            public static class SupabaseConfig
            {
                public const string Key = "{{TestKeys.Secret}}";
            }
            """);
        File.WriteAllText(Path.Combine(app, "wwwroot", "appsettings.json"), $$"""
            {
              "Supabase": {
                "Url": "https://example.supabase.co",
                "Key": "{{TestKeys.ServiceRoleJwt}}"
              }
            }
            """);

        var (exitCode, output) = DotnetCli.Run(app, "build", "-warnaserror");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("SupabaseConfig.cs(5,31): error SBK001: sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…' ships to users (client project: UsingMicrosoftNETSdkBlazorWebAssembly=true)", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("wwwroot", "appsettings.json") + "(4,13): error SBK001: service_role JWT 'eyJhbG…' ships to users (served publicly from wwwroot)", output, StringComparison.Ordinal);
        foreach (var key in new[] { TestKeys.Secret, TestKeys.ServiceRoleJwt })
        {
            Assert.All(TestKeys.MaterialLongerThanShown(key), m => Assert.DoesNotContain(m, output, StringComparison.Ordinal));
        }

        // Severity tuning in .editorconfig turns the rule off, for C# and shipped files alike.
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*]\ndotnet_diagnostic.SBK001.severity = none\n");
        var (quietExit, quietOutput) = DotnetCli.Run(app, "build", "-warnaserror");
        Assert.True(quietExit == 0, quietOutput);
        Assert.DoesNotContain("SBK001", quietOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// A one-file project (dotnet new blazorwasm has Program.cs and Razor files only): an entry for that one file must
    /// not decide a shipped file's severity, while a [*.cs] entry does. The build's own files (AssemblyInfo, global
    /// usings) tell the two apart: [*.cs] reaches them, [Program.cs] does not.
    /// </summary>
    [Fact]
    public void In_a_one_file_project_an_entry_for_that_file_does_not_decide_a_shipped_files_severity()
    {
        var app = package.CreateProject("blazorwasm", "OneFileApp");
        Assert.Single(Directory.GetFiles(app, "*.cs", SearchOption.TopDirectoryOnly));
        File.WriteAllText(Path.Combine(app, "wwwroot", "appsettings.json"), "{ \"Supabase\": { \"Key\": \"" + TestKeys.ServiceRoleJwt + "\" } }");
        var shipped = Path.Combine("wwwroot", "appsettings.json") + "(1,25): ";

        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[Program.cs]\ndotnet_diagnostic.SBK001.severity = none\n");
        var (_, fileEntry) = DotnetCli.Run(app, "build", "--no-incremental");
        Assert.Contains(shipped + "error SBK001", fileEntry, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SBK001.severity = warning\n");
        var (_, projectWide) = DotnetCli.Run(app, "build", "--no-incremental");
        Assert.Contains(shipped + "warning SBK001", projectWide, StringComparison.Ordinal);
    }

    [Fact]
    public void ASP_NET_Core_app_gets_SBK004_not_SBK001()
    {
        var app = package.CreateProject("web", "WebApp");
        File.WriteAllText(Path.Combine(app, "SupabaseConfig.cs"), $$"""
            namespace WebApp;

            public static class SupabaseConfig
            {
                public const string ServiceKey = "{{TestKeys.Secret}}";
            }
            """);

        var output = DotnetCli.RunChecked(app, "build");
        Assert.Contains("SupabaseConfig.cs(5,38): warning SBK004: sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…' is hard-coded", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SBK001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_projects_SQL_gets_SBK002_SBK004_and_SBK007_and_SupabaseDirectory_names_a_folder_elsewhere()
    {
        var app = package.CreateProject("web", "SqlApp");
        var migrations = Path.Combine(app, "supabase", "migrations");
        Directory.CreateDirectory(migrations);
        File.WriteAllText(Path.Combine(migrations, "20260101000000_notify.sql"), SqlSamples.Migration);

        var output = DotnetCli.RunChecked(app, "build", "-p:SupabaseKeyAnalysisMode=Migration");
        var file = Path.Combine("supabase", "migrations", "20260101000000_notify.sql");
        var secret = "sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'";
        foreach (var expected in new[]
        {
            $"{file}(2,{SqlColumn(2, TestKeys.Secret)}): warning SBK002: {secret} is not a JWT",
            $"{file}(2,{SqlColumn(2, TestKeys.Secret)}): warning SBK004: {secret} is hard-coded; store it in Vault and read it from vault.decrypted_secrets at call time, and rotate the committed key",
            $"{file}(6,{SqlColumn(6, TestKeys.Secret)}): warning SBK004: {secret} is hard-coded",
            $"{file}(7,{SqlColumn(7, TestKeys.ServiceRoleJwt)}): warning SBK004: service_role JWT 'eyJhbG…' is hard-coded",
            $"{file}(7,{SqlColumn(7, TestKeys.ServiceRoleJwt)}): warning SBK007: service_role JWT 'eyJhbG…' is a legacy JWT-based API key",
        })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("SBK001", output, StringComparison.Ordinal);

        // The same folder beside the project, named by <SupabaseDirectory>; a folder that does not exist is SBK000.
        var elsewhere = package.CreateProject("web", "SqlElsewhere");
        Directory.CreateDirectory(Path.Combine(elsewhere, "..", "db", "migrations"));
        File.WriteAllText(Path.Combine(elsewhere, "..", "db", "migrations", "20260101000000_notify.sql"), SqlSamples.Migration);
        var named = DotnetCli.RunChecked(elsewhere, "build", "-p:SupabaseDirectory=../db");
        Assert.Contains($"20260101000000_notify.sql(6,{SqlColumn(6, TestKeys.Secret)}): warning SBK004", named, StringComparison.Ordinal);
        var missing = DotnetCli.RunChecked(elsewhere, "build", "-p:SupabaseDirectory=../nowhere", "--no-incremental");
        Assert.Contains("warning SBK000: '../nowhere' is not a valid value for the SupabaseDirectory MSBuild property (the folder does not exist)", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("SBK004", missing, StringComparison.Ordinal);

        static int SqlColumn(int line, string key) => SqlSamples.Migration.Split('\n')[line - 1].IndexOf(key, StringComparison.Ordinal) + 1;
    }

    [Fact]
    public void Dotnet_format_analyzers_rewrites_SBK002_to_the_apikey_header()
    {
        var app = package.CreateProject("console", "FormatApp");
        var file = Path.Combine(app, "Api.cs");
        File.WriteAllText(file, $$"""
            using System.Net.Http;
            using System.Net.Http.Headers;

            namespace FormatApp;

            public static class Api
            {
                public const string Key = "{{TestKeys.Publishable}}";

                public static HttpClient Create()
                {
                    var client = new HttpClient();
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
                    return client;
                }
            }
            """);

        Assert.Contains("warning SBK002", DotnetCli.RunChecked(app, "build"), StringComparison.Ordinal);
        DotnetCli.RunChecked(app, "format", "analyzers", "--diagnostics", "SBK002", "--severity", "warn");

        Assert.Contains("client.DefaultRequestHeaders.Add(\"apikey\", Key);", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.DoesNotContain("AuthenticationHeaderValue(\"Bearer\"", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.DoesNotContain("SBK002", DotnetCli.RunChecked(app, "build", "--no-incremental"), StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>dotnet format analyzers</c> picks the first diagnostic it sees to choose the fix; when that one has no fix it
    /// used to fix nothing. Each project holds a fixable and an unfixable diagnostic of one rule; three runs on fresh
    /// copies must each fix the fixable one and leave the rest, with exactly this result.
    /// </summary>
    [Theory]
    [InlineData("SBK001")]
    [InlineData("SBK002")]
    [InlineData("SBK003")]
    [InlineData("SBK004")]
    [InlineData("SBK005")]
    [InlineData("SBK006")]
    public void Dotnet_format_analyzers_fixes_every_fixable_diagnostic_every_time(string rule)
    {
        var (template, source, expected) = FormatCase(rule);
        var app = package.CreateProject(template, "Format" + rule);
        if (rule is "SBK003" or "SBK005" or "SBK006")
        {
            // The Supabase packages are not on this machine's feed: the stubs carry the same public API.
            var project = Path.Combine(app, "Format" + rule + ".csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"<ItemGroup>{string.Concat(StubAssemblies.Paths.Select(p => $"<Reference Include=\"{Path.GetFileNameWithoutExtension(p)}\"><HintPath>{p}</HintPath></Reference>"))}</ItemGroup></Project>", StringComparison.Ordinal));
        }

        if (rule == "SBK001")
        {
            // A shipped file: reported, never fixed (it has no C# document).
            File.WriteAllText(Path.Combine(app, "wwwroot", "appsettings.json"), $$"""{ "Supabase": { "Key": "{{TestKeys.Secret}}" } }""");
        }

        var file = Path.Combine(app, "Keys.cs");
        File.WriteAllText(file, source);
        DotnetCli.Run(app, "build"); // restores; SBK001 is an error and fails the build, as it should
        for (var run = 1; run <= 3; run++)
        {
            File.WriteAllText(file, source);
            var output = DotnetCli.RunChecked(app, "format", "analyzers", "--diagnostics", rule, "--severity", "info", "--no-restore");
            Assert.True(expected == File.ReadAllText(file), $"Run {run}:\n{File.ReadAllText(file)}\n{output}");
        }
    }

    private static (string Template, string Source, string Expected) FormatCase(string rule)
    {
        var s = TestKeys.Secret;
        var p = TestKeys.Publishable;
        return rule switch
        {
            "SBK001" => ("blazorwasm", $$"""
                namespace FormatSBK001;

                public static class Keys
                {
                    public const string RestUrl = "https://x.supabase.co/rest/v1/todos?apikey={{s}}";
                    public const string Publishable = "{{p}}";
                    public const string Key = "{{s}}";
                }

                """, $$"""
                namespace FormatSBK001;

                public static class Keys
                {
                    public const string RestUrl = "https://x.supabase.co/rest/v1/todos?apikey=YOUR_SUPABASE_PUBLISHABLE_KEY";
                    public const string Publishable = "{{p}}";
                    public const string Key = Publishable;
                }

                """),
            "SBK002" => ("console", $$"""
                using System.Net.Http;
                using System.Net.Http.Headers;

                namespace FormatSBK002;

                public static class Keys
                {
                    public const string Key = "{{p}}";

                    public static AuthenticationHeaderValue? Used(HttpClient http) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

                    public static void Configure(HttpClient http) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
                }

                """, $$"""
                using System.Net.Http;
                using System.Net.Http.Headers;

                namespace FormatSBK002;

                public static class Keys
                {
                    public const string Key = "{{p}}";

                    public static AuthenticationHeaderValue? Used(HttpClient http) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

                    public static void Configure(HttpClient http) => http.DefaultRequestHeaders.Add("apikey", Key);
                }

                """),
            "SBK003" => ("console", """
                using System;
                using System.Threading.Tasks;

                namespace FormatSBK003;

                public static class Keys
                {
                    private static readonly Supabase.Client Admin = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"));

                    public static async Task SignIn(string email, string password) => await Admin.Auth.SignIn(email, password);

                    public static async Task SignUp(string email, string password) => await Admin.Auth.SignUp(email, password);
                }

                """, """
                using System;
                using System.Threading.Tasks;

                namespace FormatSBK003;

                public static class Keys
                {
                    private static readonly Supabase.Client Admin = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"));

                    public static async Task SignIn(string email, string password) => await Admin.Auth.SignIn(email, password);

                    public static async Task SignUp(string email, string password) => await Admin.AdminAuth(Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("The Supabase secret key is not set.")).CreateUser(email, password);
                }

                """),
            "SBK005" => ("console", """
                namespace FormatSBK005;

                public static class Keys
                {
                    private static readonly Supabase.Client Admin = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"));

                    public static void Use(string userJwt)
                    {
                        Admin.Realtime.SetAuth(userJwt);
                    }
                }

                """, """
                namespace FormatSBK005;

                public static class Keys
                {
                    private static readonly Supabase.Client Admin = new("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_PUBLISHABLE_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_PUBLISHABLE_KEY environment variable."));

                    public static void Use(string userJwt)
                    {
                        Admin.Realtime.SetAuth(userJwt);
                    }
                }

                """),
            "SBK006" => ("console", """
                using Supabase.Gotrue;
                using Supabase.Gotrue.Interfaces;

                namespace FormatSBK006;

                public static class Keys
                {
                    public static Supabase.Client Create(IGotrueSessionPersistence<Session> handler)
                    {
                        var admin = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"));
                        admin.Auth.SetPersistence(handler);
                        return admin;
                    }
                }

                """, """
                using Supabase.Gotrue;
                using Supabase.Gotrue.Interfaces;

                namespace FormatSBK006;

                public static class Keys
                {
                    public static Supabase.Client Create(IGotrueSessionPersistence<Session> handler)
                    {
                        var admin = new Supabase.Client("https://x.supabase.co", Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"), new Supabase.SupabaseOptions { AutoRefreshToken = false });
                        return admin;
                    }
                }

                """),
            _ => ("console", $$"""
                namespace FormatSBK004;

                public static class Keys
                {
                    public const string RestUrl = "https://x.supabase.co/rest/v1/todos?apikey={{s}}";
                    public const string Key = "{{s}}";
                }

                """, $$"""
                namespace FormatSBK004;

                public static class Keys
                {
                    public const string RestUrl = "https://x.supabase.co/rest/v1/todos?apikey={{s}}";
                    public static string Key => Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY") ?? throw new InvalidOperationException("Set the SUPABASE_SECRET_KEY environment variable.");
                }

                """),
        };
    }

    [Fact]
    public void The_sample_shows_every_rule_once_with_its_default_severity_and_says_what_was_shown()
    {
        var output = DotnetCli.RunChecked(DotnetCli.RepositoryRoot, "build", Path.Combine("tests", "Sample", "Sample.proj"));
        var findings = output.Split('\n').Select(l => Regex.Match(l, @": (error|warning|info) (SBK\d{3}):")).Where(m => m.Success).ToList();
        foreach (var descriptor in AnalyzerContractTests.Registry)
        {
            var finding = Assert.Single(findings, m => m.Groups[2].Value == descriptor.Id);
            Assert.Equal(descriptor.DefaultSeverity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" }, finding.Groups[1].Value);
        }

        Assert.Equal(AnalyzerContractTests.Registry.Count(), findings.Count);
        Assert.Contains($"Above: the {findings.Count} problems SupabaseKeyAnalyzers found in tests/Sample", output, StringComparison.Ordinal);
        Assert.Contains("dotnet format analyzers", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_builds_get_a_version_that_changes_with_the_commit_and_release_builds_a_clean_one()
    {
        var commits = Regex.Match(RunGit("rev-list", "--count", "HEAD"), @"\d+").Value;
        var output = Path.Combine(package.Workspace, "versioned");
        DotnetCli.RunChecked(DotnetCli.RepositoryRoot, "pack", Path.Combine("src", "SupabaseKeyAnalyzers.Package"), "-c", "Release", "-o", output);
        DotnetCli.RunChecked(DotnetCli.RepositoryRoot, "pack", Path.Combine("src", "SupabaseKeyAnalyzers.Package"), "-c", "Release", "-p:PublicRelease=true", "-o", output);
        Assert.Equal(
            new[] { "SupabaseKeyAnalyzers.0.2.0-dev." + commits + ".nupkg", "SupabaseKeyAnalyzers.0.2.0.nupkg" },
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        static string RunGit(params string[] arguments)
        {
            var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = DotnetCli.RepositoryRoot, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
    }

    [Fact]
    public void The_end_to_end_projects_restore_into_an_isolated_packages_folder()
    {
        var app = package.CreateProject("classlib", "IsolatedApp");
        DotnetCli.RunChecked(app, "build");
        Assert.True(Directory.Exists(Path.Combine(package.PackagesFolder, "supabasekeyanalyzers", package.Version)));
        var userCache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", "supabasekeyanalyzers", package.Version);
        Assert.False(Directory.Exists(userCache), userCache + " was written");
    }

    /// <summary>A component with a key in each place a Razor file can hold one, and a publishable key that is fine.</summary>
    private static string AdminComponent => $$"""
        @page "/admin"
        <h3>Admin</h3>
        <Login ApiKey="{{TestKeys.OtherSecret}}" />
        <Login ApiKey="{{TestKeys.Publishable}}" />
        @code {
            private const string ServiceKey = "{{TestKeys.ServiceRoleJwt}}";
            private Supabase.Client admin = new Supabase.Client("https://x.supabase.co", "{{TestKeys.Secret}}");
            private string joined = "sb_" + "secret_{{TestKeys.SecretBody}}";
        }
        """;

    private static void AddRazorComponents(string app)
    {
        var pages = Directory.GetDirectories(app, "Pages", SearchOption.AllDirectories).First();
        File.WriteAllText(Path.Combine(pages, "Admin.razor"), AdminComponent);
        File.WriteAllText(Path.Combine(pages, "Login.razor"), "<p>Login</p>\n@code {\n    [Parameter] public string? ApiKey { get; set; }\n}\n");
        File.WriteAllText(Path.Combine(app, "SupabaseStub.cs"), "namespace Supabase;\n\npublic class Client\n{\n    public Client(string supabaseUrl, string? supabaseKey) { }\n}\n");
    }

    /// <summary>
    /// Builds <paramref name="app"/> and returns its SupabaseKeyAnalyzers errors and warnings as "file(line,col): severity id",
    /// read from the build output. The console logger repeats errors in its failure recap, so the output is read as a
    /// set; the compiler's own error log (SARIF), which holds each diagnostic once, must hold exactly as many errors and
    /// warnings (it also holds Info diagnostics, such as SBK007, which a build never prints).
    /// </summary>
    private static (int ExitCode, string[] Findings, string Output) BuildFindings(string app)
    {
        var errorLog = Path.Combine(app, "build.sarif");
        var (exitCode, output) = DotnetCli.Run(app, "build", "--no-incremental", "-p:ErrorLog=" + errorLog);
        var findings = Regex.Matches(output, @"([^\s/\\]+\.(?:razor|cs|json))\((\d+),(\d+)\): (error|warning) (SBK\d{3})")
            .Select(m => $"{m.Groups[1].Value}({m.Groups[2].Value},{m.Groups[3].Value}): {m.Groups[4].Value} {m.Groups[5].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        var reported = Regex.Matches(File.ReadAllText(errorLog), @"""ruleId"":\s*""SBK\d{3}"",\s*(?:""ruleIndex"":\s*\d+,\s*)?""level"":\s*""(?:error|warning)""").Count;
        Assert.True(findings.Length == reported, $"the error log holds {reported} SupabaseKeyAnalyzers diagnostics, the output {findings.Length} distinct ones:\n{output}");
        return (exitCode, findings, output);
    }

    [Fact]
    public void Razor_components_of_a_Blazor_WebAssembly_app_are_analyzed_and_each_finding_points_at_the_razor_file_once()
    {
        var app = package.CreateProject("blazorwasm", "RazorWasm");
        AddRazorComponents(app);

        var (exitCode, findings, output) = BuildFindings(app);
        Assert.NotEqual(0, exitCode);
        Assert.Equal(
            new[]
            {
                "Admin.razor(3,16): error SBK001",  // component parameter in markup
                "Admin.razor(6,40): error SBK001",  // @code const
                "Admin.razor(7,83): error SBK001",  // inline in new Supabase.Client(…)
                "Admin.razor(8,29): error SBK001",  // @code concatenation, through the generated C#
            },
            findings);
        Assert.DoesNotContain("_razor.g.cs", output, StringComparison.Ordinal);
        Assert.All(TestKeys.MaterialLongerThanShown(TestKeys.ServiceRoleJwt), m => Assert.DoesNotContain(m, output, StringComparison.Ordinal));
    }

    [Fact]
    public void Razor_components_of_a_Blazor_Server_app_get_SBK004()
    {
        var app = package.CreateProject("blazor", "RazorServer", "--interactivity", "Server", "--empty");
        Directory.CreateDirectory(Path.Combine(app, "Components", "Pages"));
        AddRazorComponents(app);

        var (exitCode, findings, output) = BuildFindings(app);
        Assert.True(exitCode == 0, output);
        Assert.Equal(
            new[]
            {
                "Admin.razor(3,16): warning SBK004",
                "Admin.razor(6,40): warning SBK004",
                "Admin.razor(7,83): warning SBK004",
                "Admin.razor(8,29): warning SBK004",
            },
            findings);
    }

    [Fact]
    public void Analysis_modes_select_the_shipped_presets_and_the_users_own_settings_still_win()
    {
        var app = package.CreateProject("console", "ModesApp");
        File.WriteAllText(Path.Combine(app, "Keys.cs"), $$"""
            using System.Net.Http;
            using System.Net.Http.Headers;

            namespace ModesApp;

            public static class Keys
            {
                public const string Anon = "{{TestKeys.AnonJwt}}";
                public const string Publishable = "{{TestKeys.Publishable}}";

                public static void Configure(HttpClient http) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Publishable);
            }
            """);

        // Default: SBK007 is Info, not in the build output; SBK002 is a warning.
        var standard = DotnetCli.RunChecked(app, "build", "--no-incremental");
        Assert.Contains("warning SBK002", standard, StringComparison.Ordinal);
        Assert.DoesNotContain("SBK007", standard, StringComparison.Ordinal);

        // Migration lists every legacy key as a warning, in one pass.
        var migration = DotnetCli.RunChecked(app, "build", "--no-incremental", "-p:SupabaseKeyAnalysisMode=Migration");
        Assert.Contains("Keys.cs(8,32): warning SBK007: anon JWT 'eyJhbG…' is a legacy JWT-based API key", migration, StringComparison.Ordinal);

        // Strict: every rule is an error.
        var (strictExit, strict) = DotnetCli.Run(app, "build", "--no-incremental", "-p:SupabaseKeyAnalysisMode=strict");
        Assert.NotEqual(0, strictExit);
        Assert.Contains("error SBK002", strict, StringComparison.Ordinal);
        Assert.Contains("error SBK007", strict, StringComparison.Ordinal);

        // None: nothing.
        Assert.DoesNotContain("SBK0", DotnetCli.RunChecked(app, "build", "--no-incremental", "-p:SupabaseKeyAnalysisMode=None"), StringComparison.Ordinal);

        // An unknown mode is reported, not ignored.
        Assert.Contains("warning SBK000: 'Fast' is not a valid value for the SupabaseKeyAnalysisMode MSBuild property", DotnetCli.RunChecked(app, "build", "--no-incremental", "-p:SupabaseKeyAnalysisMode=Fast"), StringComparison.Ordinal);

        // The user's .editorconfig wins over the preset.
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SBK007.severity = none\n");
        Assert.DoesNotContain("SBK007", DotnetCli.RunChecked(app, "build", "--no-incremental", "-p:SupabaseKeyAnalysisMode=Migration"), StringComparison.Ordinal);
    }
}
