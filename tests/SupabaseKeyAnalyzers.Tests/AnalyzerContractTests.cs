using SupabaseKeyAnalyzers.Testing;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Tests.Infrastructure;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>What every rule owes its users, checked for all rules at once so that a new rule cannot skip it.</summary>
public class AnalyzerContractTests
{
    public static IEnumerable<DiagnosticDescriptor> Descriptors => AnalyzerRunner.Analyzers.SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id);

    /// <summary>The registry: every <c>RuleDescriptors.SBKnnn_Name</c> field.</summary>
    public static IEnumerable<DiagnosticDescriptor> Registry => typeof(RuleDescriptors).GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    public static TheoryData<string> RuleIdsData()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Registry)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Every_rule_has_a_docs_page_whose_title_matches_its_descriptor(string id)
    {
        var descriptor = Assert.Single(Descriptors, d => d.Id == id);
        Assert.Equal(RuleDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);

        var page = Path.Combine(DotnetCli.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Contains($"| Category | {descriptor.Category} |", File.ReadAllText(page), StringComparison.Ordinal);

        var readme = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "README.md"));
        Assert.Contains($"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} |", readme, StringComparison.Ordinal);

        var releases = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "src", "SupabaseKeyAnalyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "src", "SupabaseKeyAnalyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Matches(new Regex($"^{id} \\| {descriptor.Category} \\| {descriptor.DefaultSeverity} \\|", RegexOptions.Multiline), releases);
        Assert.Contains(id, File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "CHANGELOG.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_is_a_known_rule_id()
        => Assert.Equal(Registry.Select(d => d.Id).Order(StringComparer.Ordinal), Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_descriptor_field_is_named_after_its_id_and_its_rule()
    {
        foreach (var field in typeof(RuleDescriptors).GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)))
        {
            var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
            Assert.StartsWith(descriptor.Id + "_", field.Name, StringComparison.Ordinal);
            var name = field.Name[(descriptor.Id.Length + 1)..];
            var tests = Directory.GetFiles(Path.Combine(DotnetCli.RepositoryRoot, "tests", "SupabaseKeyAnalyzers.Tests", "Rules"), $"{descriptor.Id}_*Tests.cs");
            Assert.Equal($"{descriptor.Id}_{name}Tests.cs", Path.GetFileName(Assert.Single(tests)));

            // Exactly one analyzer reports the rule; one that reports only this rule carries its name (one scan may serve several).
            var analyzer = Assert.Single(AnalyzerRunner.Analyzers, a => a.SupportedDiagnostics.Contains(descriptor));
            if (analyzer.SupportedDiagnostics.Length == 1)
            {
                Assert.Equal(name + "Analyzer", analyzer.GetType().Name);
            }

            // A fixer of the rule carries its name.
            Assert.All(AnalyzerRunner.Fixers.Where(f => f.FixableDiagnosticIds.Contains(descriptor.Id)), f => Assert.Equal(name + "Fixer", f.GetType().Name));
        }
    }

    [Fact]
    public void Every_fixable_id_belongs_to_a_rule()
        => Assert.All(AnalyzerRunner.Fixers.SelectMany(f => f.FixableDiagnosticIds), id => Assert.Contains(id, Descriptors.Select(d => d.Id)));

    /// <summary>A corpus in which every rule fires with every kind of key.</summary>
    private static (string Path, string Text)[] Corpus()
    {
        var keys = new[] { TestKeys.Secret, TestKeys.ServiceRoleJwt, TestKeys.PersonalAccessToken, TestKeys.OtherSecret };
        var files = new List<(string, string)>();
        for (var i = 0; i < keys.Length; i++)
        {
            files.Add(($"/app/File{i}.cs", TestSources.Usings + /* lang=c#-test */ $$"""
                class Holder{{i}}
                {
                    const string Key = "{{keys[i]}}";
                    const string Publishable = "{{TestKeys.Publishable}}";
                    static readonly string Json = "{\"key\":\"{{keys[i]}}\"}";

                    async Task Run(HttpClient http, Supabase.Functions.Client functions)
                    {
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Publishable);
                        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + "{{(i % 2 == 0 ? TestKeys.OtherSecret : TestKeys.Publishable)}}");
                        await functions.Invoke("f", Publishable);
                        var admin = new Supabase.Client("https://x.supabase.co", Key);
                        await admin.Auth.SignUp("a@b.c", "pw");
                        await admin.Auth.SignInWithPassword("a@b.c", "pw");
                    }
                }
                """));
        }

        return files.ToArray();
    }

    [Theory]
    [InlineData("build_property.UsingMicrosoftNETSdkBlazorWebAssembly = true", "SBK001 SBK002 SBK003 SBK007")]
    [InlineData("build_property.UsingMicrosoftNETSdkWeb = true", "SBK001 SBK002 SBK003 SBK004 SBK007")]
    public async Task No_message_or_property_holds_more_than_six_characters_of_key_material(string kind, string expectedIds)
    {
        var project = AnalyzerRunner.CreateProject(Corpus(), kind + "\n", additionalFiles: new[] { ("/app/wwwroot/appsettings.json", "{ \"a\": \"" + TestKeys.ServiceRoleJwt + "\", \"b\": \"" + TestKeys.Secret + "\" }") });
        var (diagnostics, exceptions) = await AnalyzerRunner.AnalyzeAsync(project);
        Assert.Empty(exceptions);
        Assert.Equal(expectedIds, string.Join(" ", diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)));

        var material = new[] { TestKeys.Secret, TestKeys.ServiceRoleJwt, TestKeys.PersonalAccessToken, TestKeys.OtherSecret, TestKeys.Publishable }
            .SelectMany(TestKeys.MaterialLongerThanShown)
            .ToArray();
        foreach (var diagnostic in diagnostics)
        {
            var texts = diagnostic.Properties.Values.Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append(diagnostic.ToString());
            foreach (var text in texts.Where(t => t is not null))
            {
                Assert.DoesNotContain(material, m => text!.Contains(m, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Concurrent_and_sequential_execution_give_the_same_diagnostics()
    {
        var sources = Enumerable.Range(0, 8).SelectMany(copy => Corpus().Select(f => (f.Path.Replace(".cs", $"_{copy}.cs", StringComparison.Ordinal), f.Text.Replace("class Holder", $"class Copy{copy}Holder", StringComparison.Ordinal)))).ToArray();
        foreach (var kind in new[] { "build_property.UseMaui = true", "build_property.UsingMicrosoftNETSdkWorker = true" })
        {
            var project = AnalyzerRunner.CreateProject(sources, kind + "\n");
            var (concurrent, concurrentExceptions) = await AnalyzerRunner.AnalyzeAsync(project, concurrent: true);
            var (sequential, sequentialExceptions) = await AnalyzerRunner.AnalyzeAsync(project, concurrent: false);

            Assert.Empty(concurrentExceptions);
            Assert.Empty(sequentialExceptions);
            Assert.True(concurrent.Length >= sources.Length * 4, $"only {concurrent.Length} diagnostics");
            Assert.Equal(Describe(sequential), Describe(concurrent));
        }

        static string[] Describe(IEnumerable<Diagnostic> diagnostics)
            => diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Every_analyzer_enables_concurrent_execution_and_reaches_generated_code_only_through_the_Razor_gate()
    {
        foreach (var analyzer in AnalyzerRunner.Analyzers)
        {
            var context = new RecordingContext();
            analyzer.Initialize(context);
            Assert.True(context.Concurrent, analyzer.GetType().Name + " does not enable concurrent execution");

            // Rules on SupabaseAnalyzer see generated code so that Razor components are analyzed; each action skips
            // other generated code (RazorCode.ShouldAnalyze; tested in RazorComponentTests and the robustness tests).
            Assert.Equal(
                analyzer is SupabaseAnalyzer ? GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics : GeneratedCodeAnalysisFlags.None,
                context.GeneratedCode);
        }
    }

    private sealed class RecordingContext : AnalysisContext
    {
        public bool Concurrent { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

        public override void EnableConcurrentExecution() => Concurrent = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, System.Collections.Immutable.ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, System.Collections.Immutable.ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
    }
}
