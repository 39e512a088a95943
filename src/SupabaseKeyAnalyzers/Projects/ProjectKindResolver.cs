using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Configuration;

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

    /// <summary>
    /// Resolves the kind of the whole compilation from global options, symbols and references: the steps of
    /// docs/configuration.md ("How a client project is recognised") in order, first match wins.
    /// </summary>
    public static ProjectKindResolution Resolve(Compilation compilation, AnalyzerConfigOptions globalOptions)
    {
        if (TryReadOverride(globalOptions, out var overridden))
        {
            return overridden;
        }

        var signals = new Signals(compilation, globalOptions);
        return Step2TestProject(signals)
            ?? Step3Browser(signals)
            ?? Step4Mobile(signals)
            ?? Step5DesktopUi(signals)
            ?? Step6GamesAndTools(signals, compilation)
            ?? Step7Server(signals)
            ?? new(ProjectKind.Unknown, "no client or server signal");
    }

    /// <summary>What a compilation says about itself: build properties, preprocessor symbols, referenced assemblies.</summary>
    private sealed class Signals
    {
        private readonly AnalyzerConfigOptions options;

        public Signals(Compilation compilation, AnalyzerConfigOptions options)
        {
            this.options = options;
            Symbols = new HashSet<string>(
                compilation.SyntaxTrees.FirstOrDefault()?.Options.PreprocessorSymbolNames ?? Enumerable.Empty<string>(),
                StringComparer.Ordinal);
            References = new HashSet<string>(compilation.ReferencedAssemblyNames.Select(a => a.Name), StringComparer.OrdinalIgnoreCase);
        }

        public HashSet<string> Symbols { get; }

        public HashSet<string> References { get; }

        public string Read(string property) => ProjectKindResolver.Read(options, property);

        public bool IsTrue(string property) => OptionValue.Is(Read(property), "true");

        public bool Is(string property, string value) => OptionValue.Is(Read(property), value);

        public bool HasValue(string property) => Read(property).Length != 0;
    }

    /// <summary>Step 2: test projects never ship.</summary>
    private static ProjectKindResolution? Step2TestProject(Signals signals)
    {
        if (signals.IsTrue("IsTestProject"))
        {
            return new(ProjectKind.Test, "IsTestProject=true");
        }

        var testReference = TestAssemblies.FirstOrDefault(signals.References.Contains);
        return testReference is null ? null : new(ProjectKind.Test, "references " + testReference);
    }

    /// <summary>Step 3: browser (checked before the Web SDK flag: old Blazor and Uno WebAssembly heads used the Web SDK).</summary>
    private static ProjectKindResolution? Step3Browser(Signals signals)
    {
        foreach (var property in new[] { "UsingMicrosoftNETSdkBlazorWebAssembly", "UsingMicrosoftNETSdkWebAssembly" })
        {
            if (signals.IsTrue(property))
            {
                return new(ProjectKind.Client, property + "=true");
            }
        }

        if (signals.Is("RuntimeIdentifier", "browser-wasm"))
        {
            return new(ProjectKind.Client, "RuntimeIdentifier=browser-wasm");
        }

        if (signals.Is("_SupportedPlatformList", "browser"))
        {
            return new(ProjectKind.Client, "_SupportedPlatformList=browser");
        }

        return signals.Is("TargetPlatformIdentifier", "browser") ? new(ProjectKind.Client, "TargetPlatformIdentifier=browser") : null;
    }

    /// <summary>Step 4: mobile.</summary>
    private static ProjectKindResolution? Step4Mobile(Signals signals)
    {
        foreach (var property in new[] { "UseMaui", "AndroidApplication" })
        {
            if (signals.IsTrue(property))
            {
                return new(ProjectKind.Client, property + "=true");
            }
        }

        var platform = signals.Read("TargetPlatformIdentifier");
        if (MobilePlatforms.Any(p => string.Equals(p, platform, StringComparison.OrdinalIgnoreCase)))
        {
            return new(ProjectKind.Client, "TargetPlatformIdentifier=" + platform);
        }

        var framework = signals.Read("TargetFrameworkIdentifier");
        if (XamarinFrameworks.Any(f => string.Equals(f, framework, StringComparison.OrdinalIgnoreCase)))
        {
            return new(ProjectKind.Client, "TargetFrameworkIdentifier=" + framework);
        }

        var mobileSymbol = MobileSymbols.FirstOrDefault(signals.Symbols.Contains);
        return mobileSymbol is null ? null : new(ProjectKind.Client, "symbol " + mobileSymbol);
    }

    /// <summary>Step 5: desktop UI.</summary>
    private static ProjectKindResolution? Step5DesktopUi(Signals signals)
    {
        foreach (var property in new[] { "UseWPF", "UseWindowsForms", "UseWinUI" })
        {
            if (signals.IsTrue(property))
            {
                return new(ProjectKind.Client, property + "=true");
            }
        }

        if (signals.Read("UsedAvaloniaProducts").IndexOf("AvaloniaUI", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new(ProjectKind.Client, "UsedAvaloniaProducts=AvaloniaUI");
        }

        var uiReference = AvaloniaAssemblies.Concat(DesktopFrameworkAssemblies).FirstOrDefault(signals.References.Contains);
        if (uiReference is not null)
        {
            return new(ProjectKind.Client, "references " + uiReference);
        }

        return signals.IsTrue("UsingUnoSdk") && (signals.HasValue("TargetPlatformIdentifier") || signals.Symbols.Contains("__UNO_SKIA__") || signals.Symbols.Contains("__WASM__"))
            ? new(ProjectKind.Client, "UsingUnoSdk=true with a platform target")
            : null;
    }

    /// <summary>Step 6: game engines and tools handed to users.</summary>
    private static ProjectKindResolution? Step6GamesAndTools(Signals signals, Compilation compilation)
    {
        if (signals.Symbols.Contains("UNITY_5_3_OR_NEWER") || UnityAssemblies.Any(signals.References.Contains))
        {
            if (signals.Symbols.Contains("UNITY_SERVER"))
            {
                return new(ProjectKind.Server, "Unity with UNITY_SERVER");
            }

            var name = compilation.AssemblyName ?? string.Empty;
            if (name.StartsWith("Assembly-CSharp-Editor", StringComparison.Ordinal)
                || (signals.References.Contains("UnityEditor") && name.EndsWith(".Editor", StringComparison.OrdinalIgnoreCase)))
            {
                return new(ProjectKind.Unknown, "Unity editor assembly");
            }

            return new(ProjectKind.Client, "Unity player assembly");
        }

        if (signals.HasValue("GodotProjectDir") || signals.Symbols.Contains("GODOT") || signals.References.Contains("GodotSharp"))
        {
            return new(ProjectKind.Client, "Godot project");
        }

        return signals.IsTrue("PackAsTool") ? new(ProjectKind.Client, "PackAsTool=true") : null;
    }

    /// <summary>Step 7: servers.</summary>
    private static ProjectKindResolution? Step7Server(Signals signals)
    {
        foreach (var property in new[] { "UsingMicrosoftNETSdkWeb", "UsingMicrosoftNETSdkWorker" })
        {
            if (signals.IsTrue(property))
            {
                return new(ProjectKind.Server, property + "=true");
            }
        }

        return signals.HasValue("AzureFunctionsVersion") ? new(ProjectKind.Server, "AzureFunctionsVersion set") : null;
    }

    /// <summary>
    /// The kind for one syntax tree: an <c>.editorconfig</c> override for that file wins over the compilation's kind.
    /// </summary>
    public static ProjectKind ForTree(ProjectKind compilationKind, AnalyzerConfigOptions treeOptions)
        => treeOptions.TryGetValue(ProjectKindOption, out var value) && TryParse(value, out var kind) ? kind : compilationKind;

    /// <summary>Step 1: an override, from the analyzer options first, then the MSBuild property.</summary>
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
        kind = OptionValue.Is(value, "client") ? ProjectKind.Client : OptionValue.Is(value, "server") ? ProjectKind.Server : ProjectKind.Unknown;
        return kind != ProjectKind.Unknown;
    }

    private static string Read(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out var value) ? value.Trim() : string.Empty;
}
