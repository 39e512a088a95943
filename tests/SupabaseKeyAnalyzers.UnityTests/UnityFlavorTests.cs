using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers.UnityTests;

/// <summary>
/// The Unity flavor of the analyzers, loaded as a Unity editor's compiler loads it: from the DLL, through an
/// <see cref="AnalyzerFileReference"/>, in a process whose Microsoft.CodeAnalysis is the version that flavor targets
/// (3.7 for Unity 2021.2–2023, whose compiler is 3.8; 4.3.1 for Unity 6). The compilations look like Unity's: no
/// <c>build_property</c> options, Unity's defines, a <c>UnityEngine</c> reference, C# 9.
/// </summary>
public class UnityFlavorTests
{
    private static readonly string Secret = "sb_" + "secret_" + "Xq7-Lm3_Rt9KpWz2Vb4Nc8" + "_" + "Ab12Cd34";
    private static readonly string Publishable = "sb_" + "publishable_" + "Pk5-Hy6_Tn2LqRs8Uv1Wx3" + "_" + "Ef56Gh78";
    private static readonly string ServiceRoleJwt = Jwt("{\"iss\":\"supabase\",\"ref\":\"abcdefghijklmnopqrst\",\"role\":\"service_role\",\"iat\":1700000000,\"exp\":2015576000}");
    private static readonly string AnonJwt = Jwt("{\"iss\":\"supabase\",\"ref\":\"abcdefghijklmnopqrst\",\"role\":\"anon\",\"iat\":1700000000,\"exp\":2015576000}");

    private static string Flavor(string key) => typeof(UnityFlavorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    [Fact]
    public void The_flavor_loads_in_a_compiler_of_its_version_with_every_rule_it_ships()
    {
        // The host really is the compiler version this flavor is for.
        Assert.Equal(Flavor("RoslynVersion"), typeof(Compilation).Assembly.GetName().Version!.ToString(2));

        var (analyzers, failures) = Load(Flavor("FlavorPath"));
        Assert.Empty(failures);
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "SBK000", "SBK001", "SBK002", "SBK003", "SBK004", "SBK005", "SBK006", "SBK007", "SBK008", "SBK009", "SBK010" }, ids);
    }

#if ROSLYN_4_3
    /// <summary>
    /// Why the flavors exist: the main one (Roslyn 4.8) does not run in this compiler, as it does not in Unity 6 (CS9057).
    /// (A .NET host pinned to 3.7 binds the newer reference anyway, unlike Unity 2021–2023's compiler, which reports CS8032.)
    /// </summary>
    [Fact]
    public void The_main_flavor_is_refused_by_this_compiler_as_Unity_6_refuses_it()
    {
        var (analyzers, failures) = Load(Flavor("MainFlavorPath"));
        Assert.Contains(failures, f => f.ErrorCode == AnalyzerLoadFailureEventArgs.FailureErrorCode.ReferencesNewerCompiler);
        Assert.Empty(analyzers);
    }
#endif

    [Fact]
    public async Task A_secret_key_in_a_MonoBehaviour_of_a_player_assembly_is_SBK001()
    {
        var diagnostics = await AnalyzeAsync("Assembly-CSharp", new[] { "UNITY_5_3_OR_NEWER", "UNITY_2022_3_OR_NEWER", "UNITY_ANDROID", "UNITY_EDITOR" }, $$"""
            using UnityEngine;

            public class SupabaseBootstrap : MonoBehaviour
            {
                private const string ServiceKey = "{{Secret}}";
                private static readonly string Legacy = "{{ServiceRoleJwt}}";
            }
            """);
        var leaks = diagnostics.Where(d => d.Id is "SBK001" or "SBK004").ToList();
        Assert.Equal(new[] { "SBK001", "SBK001" }, leaks.Select(d => d.Id));
        Assert.Equal(new[] { "\"" + Secret + "\"", "\"" + ServiceRoleJwt + "\"" }, leaks.Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.All(leaks, d => Assert.Contains("Unity player assembly", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishable_and_anon_keys_are_not_leaks()
    {
        var diagnostics = await AnalyzeAsync("Assembly-CSharp", new[] { "UNITY_5_3_OR_NEWER", "UNITY_STANDALONE" }, $$"""
            using UnityEngine;

            public class SupabaseBootstrap : MonoBehaviour
            {
                private const string Publishable = "{{Publishable}}";
                private const string Anon = "{{AnonJwt}}";
            }
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id is "SBK001" or "SBK004");
        Assert.Equal(new[] { "SBK007" }, diagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("Assembly-CSharp", "UNITY_SERVER", "Unity dedicated server")]
    [InlineData("Assembly-CSharp-Editor", "UNITY_EDITOR", "Unity editor assembly")]
    public async Task Servers_and_editor_assemblies_are_not_clients(string assembly, string define, string what)
    {
        var diagnostics = await AnalyzeAsync(assembly, new[] { "UNITY_5_3_OR_NEWER", define }, $$"""
            public class Seeder
            {
                private const string ServiceKey = "{{Secret}}";
            }
            """);
        Assert.True(diagnostics.Select(d => d.Id).SequenceEqual(new[] { "SBK004" }), what + ": " + string.Join(", ", diagnostics));
    }

    private static (ImmutableArray<DiagnosticAnalyzer> Analyzers, List<AnalyzerLoadFailureEventArgs> Failures) Load(string path)
    {
        var failures = new List<AnalyzerLoadFailureEventArgs>();
        var reference = new AnalyzerFileReference(path, new Loader());
        reference.AnalyzerLoadFailed += (_, e) => failures.Add(e);
        return (reference.GetAnalyzers(LanguageNames.CSharp), failures);
    }

    /// <summary>Runs the flavor on a Unity-shaped compilation; fails on any analyzer exception (AD0001) or load failure.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string assemblyName, string[] defines, string source)
    {
        var (analyzers, failures) = Load(Flavor("FlavorPath"));
        Assert.Empty(failures);
        var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: defines);
        var references = Framework.Add(Unity("UnityEngine", "namespace UnityEngine { public class Object { } public class Component : Object { } public class Behaviour : Component { } public class MonoBehaviour : Behaviour { } }"));
        if (assemblyName.EndsWith("-Editor", StringComparison.Ordinal))
        {
            references = references.Add(Unity("UnityEditor", "namespace UnityEditor { public class Editor { } }"));
        }

        var compilation = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(source, parse, "/Assets/Scripts/Script.cs") }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "CS8032" or "CS9057");
        return diagnostics.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
    }

    private static readonly ImmutableArray<MetadataReference> Framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();

    /// <summary>A stand-in for one of Unity's assemblies, compiled here under its real name.</summary>
    private static MetadataReference Unity(string name, string source)
    {
        var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, Framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>A JWT whose payload is <paramref name="payload"/>, with a signature of random bytes (built at run time, never committed).</summary>
    private static string Jwt(string payload)
    {
        static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Encode(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) + "." + Encode(Encoding.UTF8.GetBytes(payload)) + "." + Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Loads each analyzer DLL in a context of its own (two flavors share a name); Roslyn itself comes from the host.</summary>
    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => new System.Runtime.Loader.AssemblyLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
    }
}
