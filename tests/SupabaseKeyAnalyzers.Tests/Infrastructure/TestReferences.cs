using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

public static class TestReferences
{
    /// <summary>
    /// .NET 10 reference assemblies from a pack version the package mirror serves
    /// (ReferenceAssemblies.Net.Net80/Net90 ask for versions it lacks).
    /// </summary>
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    /// <summary>The compile-only stand-in for the Supabase packages (tests/SupabaseStubs).</summary>
    public static readonly MetadataReference Supabase = MetadataReference.CreateFromFile(typeof(global::Supabase.Client).Assembly.Location);

    private static readonly ConcurrentDictionary<string, MetadataReference> Empty = new();

    /// <summary>An empty assembly with the given name: enough for detection that reads referenced assembly names (UnityEngine, Avalonia, xunit.core…).</summary>
    public static MetadataReference EmptyAssembly(string name) => Empty.GetOrAdd(name, static n =>
    {
        var compilation = CSharpCompilation.Create(n, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Could not emit " + n);
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    });
}
