using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SupabaseKeyAnalyzers.Testing;

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

    /// <summary>
    /// The compile-only stand-ins for the Supabase packages (tests/SupabaseStubs*): the umbrella <c>Supabase</c>
    /// assembly, <c>Supabase.Core</c>, and <c>Supabase.Functions</c> 2.2.0 (what Supabase 1.6.0 pins).
    /// </summary>
    public static readonly ImmutableArray<MetadataReference> Supabase = StubAssemblies.Paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();

    /// <summary>The real token libraries (System.IdentityModel.Tokens.Jwt, Microsoft.IdentityModel.*), as a project that references them has.</summary>
    public static readonly ImmutableArray<MetadataReference> TokenLibraries = new[]
        {
            typeof(System.IdentityModel.Tokens.Jwt.JwtSecurityToken),
            typeof(Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor),
            typeof(Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler),
            typeof(Microsoft.IdentityModel.Logging.LogHelper),
            typeof(Microsoft.IdentityModel.Abstractions.IIdentityLogger),
        }
        .Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location))
        .ToImmutableArray();

    private static readonly ConcurrentDictionary<string, MetadataReference> FunctionsVersions = new();

    /// <summary>
    /// <see cref="Supabase"/> with <c>Supabase.Functions</c> built from the same stub sources at <paramref name="version"/>
    /// (8.0.0: the release that stops sending the client's key as a Bearer token).
    /// </summary>
    public static ImmutableArray<MetadataReference> SupabaseWithFunctions(string version)
        => Supabase.SetItem(2, FunctionsVersions.GetOrAdd(version, static v =>
        {
            using var stream = typeof(TestReferences).Assembly.GetManifestResourceStream("Stubs.Functions.cs")!;
            var source = new StreamReader(stream).ReadToEnd();
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText(source),
                CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{v}\")]"),
            };
            // The reference assemblies the tests compile against, so that the stub binds as the real package does.
            var references = Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult().Add(Supabase[1]);
            var compilation = CSharpCompilation.Create("Supabase.Functions", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            return result.Success ? MetadataReference.CreateFromImage(image.ToArray()) : throw new InvalidOperationException("Supabase.Functions " + v + ": " + string.Join("; ", result.Diagnostics));
        }));

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
