using SupabaseKeyAnalyzers.Testing;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers.Benchmarks;

public static class CorpusCompilation
{
    public static CSharpCompilation Create(IEnumerable<(string Path, string Text)> files)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path)).ToList();
        var references = PackageAnalyzers.FrameworkReferences.AddRange(StubAssemblies.Paths.Select(p => MetadataReference.CreateFromFile(p)));
        var compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
        if (errors.Count > 0)
        {
            // A corpus that does not compile measures error recovery, not analysis.
            throw new InvalidOperationException("The generated corpus does not compile: " + string.Join("; ", errors));
        }

        return compilation;
    }

    /// <summary>
    /// A copy of <paramref name="compilation"/> over new syntax trees, parsed again from the same texts. What the
    /// analyzers cache per tree (the key scan, the registrations) is then computed again, as in a build,
    /// which analyzes each tree once; a plain <c>Clone()</c> would hand every run after the first those caches filled.
    /// </summary>
    public static CSharpCompilation WithFreshTrees(CSharpCompilation compilation)
        => compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)));

    /// <summary>Analyzer options carrying <c>build_property</c> values, as MSBuild would pass them.</summary>
    public static AnalyzerOptions Options(params string[] keyValues)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < keyValues.Length; i += 2)
        {
            values[keyValues[i]] = keyValues[i + 1];
        }

        return new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(values));
    }

    private sealed class OptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions global = new(values);

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
