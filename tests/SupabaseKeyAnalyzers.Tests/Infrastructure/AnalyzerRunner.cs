using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs every analyzer of the package (found by reflection, so a new rule is covered without editing the tests) over
/// sources in a real workspace, records analyzer exceptions, and applies every code fix.
/// </summary>
public static class AnalyzerRunner
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = PackageAnalyzers.Create();

    public static ImmutableArray<CodeFixProvider> Fixers { get; } = typeof(CodeFixes.Rules.SecretKeyInClientProjectFixer).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CodeFixProvider)) && !t.IsAbstract && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>A project with the given sources, global config lines and (optionally) the Supabase stubs.</summary>
    public static Project CreateProject(IEnumerable<(string Path, string Text)> sources, string globalConfig = "", bool withSupabase = true, IEnumerable<(string Path, string Text)>? additionalFiles = null, string? editorConfig = null)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = withSupabase ? PackageAnalyzers.FrameworkReferences.AddRange(TestReferences.Supabase) : PackageAnalyzers.FrameworkReferences;
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "App",
            "App",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        foreach (var (path, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        foreach (var (path, text) in additionalFiles ?? Array.Empty<(string, string)>())
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From("is_global = true\n" + globalConfig), filePath: "/app/.globalconfig");
        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From("root = true\n\n" + editorConfig), filePath: "/app/.editorconfig");
        }

        return solution.GetProject(projectId)!;
    }

    /// <summary>Runs the analyzers; analyzer exceptions are collected, not thrown.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(Project project, bool concurrent = true)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var compilation = (await project.GetCompilationAsync())!;
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions.ToList());
    }

    /// <summary>Applies every code fix offered for <paramref name="diagnostic"/> and returns the changed documents' texts.</summary>
    public static async Task<IReadOnlyList<(Document Original, SourceText Fixed)>> ApplyFixesAsync(Project project, Diagnostic diagnostic)
    {
        var results = new List<(Document, SourceText)>();
        var document = diagnostic.Location.SourceTree is { } tree ? project.GetDocument(tree) : null;
        if (document is null)
        {
            return results;
        }

        foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions)
            {
                foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                {
                    if (operation is ApplyChangesOperation apply)
                    {
                        var changed = apply.ChangedSolution.GetDocument(document.Id);
                        if (changed is not null)
                        {
                            results.Add((document, await changed.GetTextAsync()));
                        }
                    }
                }
            }
        }

        return results;
    }
}
