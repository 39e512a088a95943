namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

/// <summary>
/// What MSBuild (or Unity) tells the analyzer about one kind of project: the <c>build_property.*</c> values read off
/// real builds of each template with the .NET 10 SDK (for kinds that cannot be built here: the values the MAUI, WPF,
/// Windows Forms, Avalonia, Uno and Godot SDKs set, and Unity's symbols and references), symbols and referenced assemblies.
/// </summary>
public sealed record ProjectSetup(string Name)
{
    public (string Name, string Value)[] Properties { get; init; } = Array.Empty<(string, string)>();

    /// <summary>Raw analyzer-config lines, e.g. <c>supabase_key_analyzers.project_kind = client</c>.</summary>
    public string[] Options { get; init; } = Array.Empty<string>();

    public string[] Symbols { get; init; } = Array.Empty<string>();

    public string[] AssemblyReferences { get; init; } = Array.Empty<string>();

    public override string ToString() => Name;

    /// <summary>The sentinel the package props set: they were applied.</summary>
    private static readonly (string, string) Props = ("SupabaseKeyAnalyzersPropsImported", "true");

    public static readonly ProjectSetup BlazorWebAssembly = new("Blazor WebAssembly")
    {
        Properties = new[] { Props, ("OutputType", "exe"), ("RuntimeIdentifier", "browser-wasm"), ("UsingMicrosoftNETSdkBlazorWebAssembly", "true"), ("UsingMicrosoftNETSdkWebAssembly", "true"), ("UsingMicrosoftNETSdkRazor", "true"), ("_SupportedPlatformList", "browser"), ("UsingMicrosoftNETSdkWeb", "") },
    };

    public static readonly ProjectSetup BlazorWebAppClient = new("Blazor Web App .Client")
    {
        Properties = new[] { Props, ("OutputType", "exe"), ("RuntimeIdentifier", "browser-wasm"), ("UsingMicrosoftNETSdkBlazorWebAssembly", "true"), ("UsingMicrosoftNETSdkWebAssembly", "true"), ("UsingMicrosoftNETSdkRazor", "true"), ("_SupportedPlatformList", "browser") },
    };

    public static readonly ProjectSetup BlazorWebAppServer = new("Blazor Web App server")
    {
        Properties = new[] { Props, ("OutputType", "Exe"), ("RuntimeIdentifier", ""), ("UsingMicrosoftNETSdkBlazorWebAssembly", ""), ("UsingMicrosoftNETSdkWeb", "true"), ("UsingMicrosoftNETSdkRazor", "true"), ("_SupportedPlatformList", "Linux,macOS,Windows") },
        AssemblyReferences = new[] { "Microsoft.AspNetCore.Components.WebAssembly", "BlazorApp.Client" },
    };

    public static readonly ProjectSetup MauiAndroid = new("MAUI Android")
    {
        Properties = new[] { Props, ("OutputType", "Library"), ("UseMaui", "true"), ("SingleProject", "true"), ("AndroidApplication", "true"), ("TargetPlatformIdentifier", "android") },
        Symbols = new[] { "ANDROID", "__ANDROID__", "__MOBILE__" },
    };

    public static readonly ProjectSetup MauiIos = new("MAUI iOS")
    {
        Properties = new[] { Props, ("OutputType", "Exe"), ("UseMaui", "true"), ("SingleProject", "true"), ("TargetPlatformIdentifier", "ios") },
        Symbols = new[] { "IOS", "__IOS__", "__MOBILE__" },
    };

    public static readonly ProjectSetup Wpf = new("WPF")
    {
        Properties = new[] { Props, ("OutputType", "WinExe"), ("UseWPF", "true"), ("TargetPlatformIdentifier", "Windows"), ("_SupportedPlatformList", "Windows") },
    };

    public static readonly ProjectSetup WindowsForms = new("Windows Forms")
    {
        Properties = new[] { Props, ("OutputType", "WinExe"), ("UseWindowsForms", "true"), ("TargetPlatformIdentifier", "Windows") },
    };

    /// <summary>An old-style .NET Framework WinForms app: packages.config, no UseWindowsForms, a System.Windows.Forms reference.</summary>
    public static readonly ProjectSetup LegacyWindowsForms = new("Legacy WinForms (.NET Framework)")
    {
        Properties = new[] { Props, ("OutputType", "WinExe"), ("TargetFrameworkIdentifier", ".NETFramework") },
        AssemblyReferences = new[] { "System.Windows.Forms" },
    };

    public static readonly ProjectSetup Avalonia = new("Avalonia")
    {
        Properties = new[] { Props, ("OutputType", "WinExe"), ("UsedAvaloniaProducts", "AvaloniaUI"), ("EnableAvaloniaXamlCompilation", "true") },
        AssemblyReferences = new[] { "Avalonia", "Avalonia.Base", "Avalonia.Controls" },
    };

    /// <summary>Unity compiles without MSBuild: no build_property at all.</summary>
    public static readonly ProjectSetup Unity = new("Unity player")
    {
        Symbols = new[] { "UNITY_5_3_OR_NEWER", "UNITY_2022_3_OR_NEWER", "UNITY_ANDROID" },
        AssemblyReferences = new[] { "UnityEngine", "UnityEngine.CoreModule" },
    };

    public static readonly ProjectSetup UnityServer = new("Unity dedicated server")
    {
        Symbols = new[] { "UNITY_5_3_OR_NEWER", "UNITY_SERVER" },
        AssemblyReferences = new[] { "UnityEngine", "UnityEngine.CoreModule" },
    };

    public static readonly ProjectSetup Godot = new("Godot")
    {
        Properties = new[] { Props, ("OutputType", "Library"), ("GodotProjectDir", "/src/game/") },
        Symbols = new[] { "GODOT", "GODOT_PC" },
        AssemblyReferences = new[] { "GodotSharp" },
    };

    public static readonly ProjectSetup DotnetTool = new("dotnet tool")
    {
        Properties = new[] { Props, ("OutputType", "Exe"), ("PackAsTool", "true"), ("_SupportedPlatformList", "Linux,macOS,Windows") },
    };

    public static readonly ProjectSetup Web = new("ASP.NET Core web")
    {
        Properties = new[] { Props, ("OutputType", "Exe"), ("UsingMicrosoftNETSdkWeb", "true"), ("UsingMicrosoftNETSdkRazor", "true"), ("_SupportedPlatformList", "Linux,macOS,Windows") },
    };

    public static readonly ProjectSetup Worker = new("Worker")
    {
        Properties = new[] { Props, ("OutputType", "Exe"), ("UsingMicrosoftNETSdkWorker", "true"), ("_SupportedPlatformList", "Linux,macOS,Windows") },
    };

    public static readonly ProjectSetup AzureFunctions = new("Azure Functions")
    {
        Properties = new[] { Props, ("OutputType", "Exe"), ("AzureFunctionsVersion", "v4") },
    };

    public static readonly ProjectSetup Console = new("console")
    {
        Properties = new[] { Props, ("OutputType", "Exe"), ("_SupportedPlatformList", "Linux,macOS,Windows") },
    };

    public static readonly ProjectSetup ClassLibrary = new("class library")
    {
        Properties = new[] { Props, ("OutputType", "Library"), ("_SupportedPlatformList", "Linux,macOS,Windows") },
    };

    public static readonly ProjectSetup TestProject = new("test project")
    {
        Properties = new[] { Props, ("OutputType", "Exe"), ("IsTestProject", "true") },
        AssemblyReferences = new[] { "xunit.core" },
    };

    public ProjectSetup With(params string[] options) => this with { Name = Name + " + " + string.Join(", ", options), Options = Options.Concat(options).ToArray() };

    public ProjectSetup WithProperty(string name, string value) => this with { Name = Name + $" + {name}={value}", Properties = Properties.Append((name, value)).ToArray() };
}
