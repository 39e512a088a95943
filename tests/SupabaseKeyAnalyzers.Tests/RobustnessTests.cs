using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SupabaseKeyAnalyzers.Tests.Infrastructure;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>
/// Every analyzer and every code fix over adversarial input: incomplete code as typed in an editor, missing references,
/// huge and deeply nested strings, malformed keys, non-ASCII text, generated files, thousands of keys.
/// No exception, no AD0001, and fixed code parses no worse than the input.
/// </summary>
public class RobustnessTests
{
    private static readonly string S = TestKeys.Secret;
    private static readonly string P = TestKeys.Publishable;
    private static readonly string Jwt = TestKeys.ServiceRoleJwt;

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>
        {
            { "unterminated literal", $"class C {{ const string K = \"{S}" },
            { "unterminated interpolation", $"class C {{ void M(HttpClient c) {{ c.DefaultRequestHeaders.Add(\"Authorization\", $\"Bearer {{" },
            { "half-typed Bearer", $"class C {{ const string K = \"{P}\"; void M(HttpClient c) {{ c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", " },
            { "half-typed SignUp", $"class C {{ async Task M() {{ var c = new Supabase.Client(\"u\", \"{S}\"); await c.Auth.SignUp(" },
            { "half-typed client", $"class C {{ void M() {{ var c = new Supabase.Client(\"u\", " },
            { "missing type names", $"class C {{ void M() {{ var c = new Unknown.Client(\"u\", \"{S}\"); c.Auth.SignUp(\"a\", \"b\"); x.Headers[\"Authorization\"] = \"Bearer {P}\"; }} }}" },
            { "stray tokens", $"}} ) ] \"{S}\" + + $\"{{ {{ {{\" @\"{Jwt}" },
            { "empty", string.Empty },
            { "only a key", S },
            { "cyclic constants", $"class C {{ const string A = B + \"{S[..12]}\"; const string B = A + \"x\"; }}" },
            { "self-referencing initializers", $"class C {{ static readonly string A = A + \"{P}\"; static readonly Supabase.Client Client = Client; async Task M(HttpClient h) {{ h.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer \" + A); await Client.Auth.SignUp(\"a\", \"b\"); }} }}" },
            { "bad format strings", $"class C {{ const string K = \"{P}\"; void M(HttpClient h) {{ h.DefaultRequestHeaders.Add(\"Authorization\", string.Format(\"Bearer {{5}}\", K)); h.DefaultRequestHeaders.Add(\"Authorization\", string.Format(\"{{\", K)); }} }}" },
            { "null and default arguments", "class C { void M(HttpClient h) { h.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", null); h.DefaultRequestHeaders.Add(\"Authorization\", default(string)); new Supabase.Client(null!, null); } }" },
            { "malformed JWTs and base64", "class C { const string A = \"eyJ!!!.eyJ@@@.x\"; const string B = \"eyJhbGciOiJIUzI1NiJ9\" + \".eyJyb2xlIjoic2VydmljZV9yb2xl.abcdefghijklmnopqrstuvwxyz\"; const string D = \"eyJ" + new string('A', 20000) + ".eyJ" + new string('_', 20000) + ".sig\"; }" },
            { "non-ASCII text", $"class Ç {{ const string Ключ = \"ключ {S} 鍵 🔑\"; const string É = \"sb_secret_ΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩ\"; }}" },
            { "UTF-8 and raw literals", $"class C {{ static ReadOnlySpan<byte> U => \"{S}\"u8; const string R = \"\"\"\n{Jwt}\n\"\"\"; }}" },
            { "local development keys", $"class C {{ const string A = \"{TestKeys.LocalSecret}\"; const string B = \"{TestKeys.LocalServiceRoleJwt}\"; }}" },
            { "every rule at once", $$"""
                class C
                {
                    const string Key = "{{S}}";
                    const string Anon = "{{P}}";
                    async Task M(HttpClient h, Supabase.Functions.Client f)
                    {
                        h.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Anon);
                        var headers = new Dictionary<string, string> { { "Authorization", $"Bearer {Anon}" }, ["authorization"] = "Bearer " + Anon };
                        await f.Invoke("x", Anon);
                        var client = new Supabase.Client("u", Key);
                        await client.Auth.SignUp("a", "b");
                        await client.Auth.SignUp(Supabase.Gotrue.Constants.SignUpType.Phone, "p", "b", new Supabase.Gotrue.SignUpOptions { Data = null });
                    }
                }
                """ },
        };

        data.Add("huge literal", "class C { const string K = \"" + new string('x', 2_000_000) + S + "\"; }");
        data.Add("deeply nested concatenation", "class C { const string K = " + string.Join(" + ", Enumerable.Repeat("\"ab\"", 3000)) + " + \"" + S + "\"; }");
        data.Add("deeply nested name concatenation", "class C { const string A = \"a\"; const string K = " + string.Join(" + ", Enumerable.Repeat("A", 3000)) + "; }");
        data.Add("deeply nested arithmetic", "class C { int M(int i) => " + string.Join(" + ", Enumerable.Repeat("i", 3000)) + "; }");

        var thousands = new StringBuilder("class Many {\n");
        for (var i = 0; i < 3000; i++)
        {
            thousands.Append("    const string K").Append(i).Append(" = \"").Append(i % 2 == 0 ? S : Jwt).Append("\";\n");
        }

        data.Add("thousands of keys", thousands.Append('}').ToString());
        return data;
    }

    public static TheoryData<string> ProjectKinds => new() { "build_property.UsingMicrosoftNETSdkBlazorWebAssembly = true", "build_property.UsingMicrosoftNETSdkWeb = true" };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Analyzers_and_fixes_never_throw(string name, string source)
    {
        foreach (var withSupabase in new[] { true, false })
        {
            foreach (var kind in ProjectKinds)
            {
                var project = AnalyzerRunner.CreateProject(
                    new[] { ("/app/Input.cs", TestSources.Usings + source), ("/app/Generated.g.cs", "// <auto-generated/>\n" + source) },
                    kind + "\n",
                    withSupabase,
                    new[] { ("/app/wwwroot/appsettings.json", "{ \"k\": \"" + source.Replace("\"", "'", StringComparison.Ordinal) + "\" }") });
                var (diagnostics, exceptions) = await AnalyzerRunner.AnalyzeAsync(project);
                Assert.True(exceptions.Count == 0, $"{name}: {string.Join("\n", exceptions)}");
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
                Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);

                foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource).Take(50))
                {
                    foreach (var (original, fixedText) in await AnalyzerRunner.ApplyFixesAsync(project, diagnostic))
                    {
                        var before = (await original.GetSyntaxTreeAsync())!.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                        var after = CSharpSyntaxTree.ParseText(fixedText, new CSharpParseOptions(LanguageVersion.Latest)).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                        Assert.True(after <= before, $"{name}: the fix for {diagnostic.Id} at {diagnostic.Location.GetLineSpan()} added syntax errors:\n{fixedText}");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("build_property.UsingMicrosoftNETSdkBlazorWebAssembly = true", new[] { "SBK001", "SBK002", "SBK003" })]
    [InlineData("build_property.UsingMicrosoftNETSdkWeb = true", new[] { "SBK002", "SBK003", "SBK004" })]
    public async Task The_harness_sees_every_rule_and_applies_fixes(string kind, string[] expectedIds)
    {
        var source = Inputs().Single(row => (string)row[0] == "every rule at once")[1];
        var project = AnalyzerRunner.CreateProject(new[] { ("/app/Input.cs", TestSources.Usings + source) }, kind + "\n");
        var (diagnostics, exceptions) = await AnalyzerRunner.AnalyzeAsync(project);

        Assert.Empty(exceptions);
        Assert.Equal(expectedIds, diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        var fixes = 0;
        foreach (var diagnostic in diagnostics)
        {
            fixes += (await AnalyzerRunner.ApplyFixesAsync(project, diagnostic)).Count;
        }

        Assert.True(fixes >= diagnostics.Length - 1, $"{fixes} fixes for {diagnostics.Length} diagnostics");
    }
}
