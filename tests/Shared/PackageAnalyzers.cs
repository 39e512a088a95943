using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers.Testing;

/// <summary>
/// The package's analyzers, found by reflection (so a new rule is covered without editing tests or benchmarks), and the
/// framework references every in-memory compilation of the tests and benchmarks uses. Shared as a linked file.
/// </summary>
public static class PackageAnalyzers
{
    /// <summary>A new instance of every analyzer of the package.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Create() => typeof(RuleDescriptors).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The running .NET's framework assemblies (System.*, netstandard, mscorlib).</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences => Framework.Value;

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());
}
