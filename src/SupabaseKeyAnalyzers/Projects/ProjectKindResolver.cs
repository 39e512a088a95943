using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SupabaseKeyAnalyzers.Projects;

/// <summary>
/// Decides, once per compilation, whether the code ships to users' devices (client), runs on a server, is a test
/// project, or could be either (unknown). First match wins; see docs/configuration.md.
/// </summary>
public static class ProjectKindResolver
{
    /// <summary>Analyzer-config key (in .globalconfig or .editorconfig) that overrides the detection.</summary>
    public const string ProjectKindOption = "supabase_key_analyzers.project_kind";

    /// <summary>MSBuild property that overrides the detection (made compiler-visible by the package props).</summary>
    public const string ProjectKindProperty = "build_property.SupabaseProjectKind";

    private static readonly string[] MobilePlatforms = { "android", "ios", "maccatalyst", "tvos", "tizen", "macos" };
    private static readonly string[] MobileSymbols = { "ANDROID", "IOS", "MACCATALYST", "TVOS", "TIZEN", "__ANDROID__", "__IOS__", "__MOBILE__", "__MACOS__", "__TVOS__" };
    private static readonly string[] XamarinFrameworks = { "MonoAndroid", "Xamarin.iOS", "Xamarin.Mac", "Xamarin.TVOS", "Xamarin.WatchOS" };
    private static readonly string[] TestAssemblies = { "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core" };
    private static readonly string[] AvaloniaAssemblies = { "Avalonia", "Avalonia.Base", "Avalonia.Controls" };
    private static readonly string[] DesktopFrameworkAssemblies = { "PresentationFramework", "System.Windows.Forms" };
    private static readonly string[] UnityAssemblies = { "UnityEngine", "UnityEngine.CoreModule" };

    /// <summary>Resolves the kind of the whole compilation from global options, symbols and references.</summary>
    public static ProjectKindResolution Resolve(Compilation compilation, AnalyzerConfigOptions globalOptions)
    {
        if (TryReadOverride(globalOptions, out var overridden))
        {
            return overridden;
        }

        var symbols = new HashSet<string>(
            compilation.SyntaxTrees.FirstOrDefault()?.Options.PreprocessorSymbolNames ?? Enumerable.Empty<string>(),
            StringComparer.Ordinal);
        var references = new HashSet<string>(compilation.ReferencedAssemblyNames.Select(a => a.Name), StringComparer.OrdinalIgnoreCase);

        bool IsTrue(string property) => string.Equals(Read(globalOptions, property), "true", StringComparison.OrdinalIgnoreCase);
        bool Is(string property, string value) => string.Equals(Read(globalOptions, property), value, StringComparison.OrdinalIgnoreCase);
        bool HasValue(string property) => Read(globalOptions, property).Length != 0;

        // 2. Test projects never ship.
        if (IsTrue("IsTestProject"))
        {
            return new(ProjectKind.Test, "IsTestProject=true");
        }

        var testReference = TestAssemblies.FirstOrDefault(references.Contains);
        if (testReference is not null)
        {
            return new(ProjectKind.Test, "references " + testReference);
        }

        // 3. Browser (checked before the Web SDK flag: old Blazor and Uno WebAssembly heads used the Web SDK).
        if (IsTrue("UsingMicrosoftNETSdkBlazorWebAssembly"))
        {
            return new(ProjectKind.Client, "UsingMicrosoftNETSdkBlazorWebAssembly=true");
        }

        if (IsTrue("UsingMicrosoftNETSdkWebAssembly"))
        {
            return new(ProjectKind.Client, "UsingMicrosoftNETSdkWebAssembly=true");
        }

        if (Is("RuntimeIdentifier", "browser-wasm"))
        {
            return new(ProjectKind.Client, "RuntimeIdentifier=browser-wasm");
        }

        if (Is("_SupportedPlatformList", "browser"))
        {
            return new(ProjectKind.Client, "_SupportedPlatformList=browser");
        }

        var platform = Read(globalOptions, "TargetPlatformIdentifier");
        if (string.Equals(platform, "browser", StringComparison.OrdinalIgnoreCase))
        {
            return new(ProjectKind.Client, "TargetPlatformIdentifier=browser");
        }

        // 4. Mobile.
        if (IsTrue("UseMaui"))
        {
            return new(ProjectKind.Client, "UseMaui=true");
        }

        if (IsTrue("AndroidApplication"))
        {
            return new(ProjectKind.Client, "AndroidApplication=true");
        }

        if (MobilePlatforms.Any(p => string.Equals(p, platform, StringComparison.OrdinalIgnoreCase)))
        {
            return new(ProjectKind.Client, "TargetPlatformIdentifier=" + platform);
        }

        var framework = Read(globalOptions, "TargetFrameworkIdentifier");
        if (XamarinFrameworks.Any(f => string.Equals(f, framework, StringComparison.OrdinalIgnoreCase)))
        {
            return new(ProjectKind.Client, "TargetFrameworkIdentifier=" + framework);
        }

        var mobileSymbol = MobileSymbols.FirstOrDefault(symbols.Contains);
        if (mobileSymbol is not null)
        {
            return new(ProjectKind.Client, "symbol " + mobileSymbol);
        }

        // 5. Desktop UI.
        foreach (var property in new[] { "UseWPF", "UseWindowsForms", "UseWinUI" })
        {
            if (IsTrue(property))
            {
                return new(ProjectKind.Client, property + "=true");
            }
        }

        if (Read(globalOptions, "UsedAvaloniaProducts").IndexOf("AvaloniaUI", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new(ProjectKind.Client, "UsedAvaloniaProducts=AvaloniaUI");
        }

        var uiReference = AvaloniaAssemblies.Concat(DesktopFrameworkAssemblies).FirstOrDefault(references.Contains);
        if (uiReference is not null)
        {
            return new(ProjectKind.Client, "references " + uiReference);
        }

        if (IsTrue("UsingUnoSdk") && (platform.Length != 0 || symbols.Contains("__UNO_SKIA__") || symbols.Contains("__WASM__")))
        {
            return new(ProjectKind.Client, "UsingUnoSdk=true with a platform target");
        }

        // 6. Game engines and tools handed to users.
        if (symbols.Contains("UNITY_5_3_OR_NEWER") || UnityAssemblies.Any(references.Contains))
        {
            if (symbols.Contains("UNITY_SERVER"))
            {
                return new(ProjectKind.Server, "Unity with UNITY_SERVER");
            }

            var name = compilation.AssemblyName ?? string.Empty;
            if (name.StartsWith("Assembly-CSharp-Editor", StringComparison.Ordinal)
                || (references.Contains("UnityEditor") && name.EndsWith(".Editor", StringComparison.OrdinalIgnoreCase)))
            {
                return new(ProjectKind.Unknown, "Unity editor assembly");
            }

            return new(ProjectKind.Client, "Unity player assembly");
        }

        if (HasValue("GodotProjectDir") || symbols.Contains("GODOT") || references.Contains("GodotSharp"))
        {
            return new(ProjectKind.Client, "Godot project");
        }

        if (IsTrue("PackAsTool"))
        {
            return new(ProjectKind.Client, "PackAsTool=true");
        }

        // 7. Servers.
        foreach (var property in new[] { "UsingMicrosoftNETSdkWeb", "UsingMicrosoftNETSdkWorker" })
        {
            if (IsTrue(property))
            {
                return new(ProjectKind.Server, property + "=true");
            }
        }

        if (HasValue("AzureFunctionsVersion"))
        {
            return new(ProjectKind.Server, "AzureFunctionsVersion set");
        }

        return new(ProjectKind.Unknown, "no client or server signal");
    }

    /// <summary>
    /// The kind for one syntax tree: an <c>.editorconfig</c> override for that file wins over the compilation's kind.
    /// </summary>
    public static ProjectKind ForTree(ProjectKind compilationKind, AnalyzerConfigOptions treeOptions)
        => treeOptions.TryGetValue(ProjectKindOption, out var value) && TryParse(value, out var kind) ? kind : compilationKind;

    private static bool TryReadOverride(AnalyzerConfigOptions options, out ProjectKindResolution resolution)
    {
        resolution = default;
        if (options.TryGetValue(ProjectKindOption, out var value) && TryParse(value, out var kind))
        {
            resolution = new(kind, ProjectKindOption + "=" + value.Trim());
            return true;
        }

        if (options.TryGetValue(ProjectKindProperty, out value) && TryParse(value, out kind))
        {
            resolution = new(kind, "SupabaseProjectKind=" + value.Trim());
            return true;
        }

        return false;
    }

    /// <summary>Parses <c>client</c> / <c>server</c> (case-insensitive); <c>auto</c> and anything else mean "detect".</summary>
    private static bool TryParse(string? value, out ProjectKind kind)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "client":
                kind = ProjectKind.Client;
                return true;
            case "server":
                kind = ProjectKind.Server;
                return true;
            default:
                kind = ProjectKind.Unknown;
                return false;
        }
    }

    private static string Read(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out var value) ? value.Trim() : string.Empty;
}
