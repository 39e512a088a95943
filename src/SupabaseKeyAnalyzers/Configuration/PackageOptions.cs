using System;
using System.Collections.Immutable;
using System.Linq;

namespace SupabaseKeyAnalyzers.Configuration;

/// <summary>
/// Every option the package reads, in one place: where it is set, the analyzer-config key it arrives under, and the
/// values it accepts. SBK000 <c>InvalidConfiguration</c> checks them all; adding an option here is all it takes.
/// </summary>
internal static class PackageOptions
{
    public static readonly PackageOption ProjectKind = new(
        Projects.ProjectKindResolver.ProjectKindOption, Projects.ProjectKindResolver.ProjectKindOption, perFile: true, "client", "server", "auto");

    public static readonly PackageOption ProjectKindProperty = new(
        Projects.ProjectKindResolver.ProjectKindProperty, "the SupabaseProjectKind MSBuild property", perFile: false, "client", "server", "auto");

    public static readonly PackageOption AnalyzeTestProjects = new(
        Projects.ProjectContext.AnalyzeTestProjectsOption, Projects.ProjectContext.AnalyzeTestProjectsOption, perFile: false, "true", "false");

    public static readonly PackageOption ScanShippedFiles = new(
        "build_property.SupabaseKeyAnalyzersScanShippedFiles", "the SupabaseKeyAnalyzersScanShippedFiles MSBuild property", perFile: false, "true", "false");

    public static readonly PackageOption ScanSql = new(
        "build_property.SupabaseKeyAnalyzersScanSql", "the SupabaseKeyAnalyzersScanSql MSBuild property", perFile: false, "true", "false");

    /// <summary>
    /// Set by the package's targets to the value of <c>&lt;SupabaseDirectory&gt;</c> when that folder does not exist;
    /// every value it holds is one SBK000 reports.
    /// </summary>
    public static readonly PackageOption MissingSupabaseDirectory = new(
        "build_property.SupabaseKeyAnalyzersMissingSupabaseDirectory", "the SupabaseDirectory MSBuild property (the folder does not exist)", perFile: false, "a folder that exists: the Supabase CLI's supabase/ folder, relative to the project");

    public static readonly PackageOption AnalysisMode = new(
        "build_property.SupabaseKeyAnalysisMode", "the SupabaseKeyAnalysisMode MSBuild property", perFile: false, "Default", "Migration", "Strict", "None");

    /// <summary>The per-path severities of the rules that report in non-C# files (shipped files, Razor files).</summary>
    public static readonly ImmutableArray<PackageOption> FileSeverities = ImmutableArray.Create(
        PathSeverity(RuleDescriptors.SBK001_SecretKeyInClientProject),
        PathSeverity(RuleDescriptors.SBK004_HardCodedSecretKey));

    public static readonly ImmutableArray<PackageOption> All = ImmutableArray.Create(ProjectKind, ProjectKindProperty, AnalyzeTestProjects, ScanShippedFiles, ScanSql, MissingSupabaseDirectory, AnalysisMode).AddRange(FileSeverities);

    private static PackageOption PathSeverity(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor)
        => new(FileSeverity.PathSeverityKey(descriptor.Id), FileSeverity.PathSeverityKey(descriptor.Id), perFile: true, FileSeverity.SeverityValues);
}

/// <summary>One option: its key, how a message names it, whether <c>.editorconfig</c> can set it per file, its values.</summary>
internal sealed class PackageOption
{
    public PackageOption(string key, string displayName, bool perFile, params string[] acceptedValues)
    {
        Key = key;
        DisplayName = displayName;
        PerFile = perFile;
        AcceptedValues = ImmutableArray.Create(acceptedValues);
    }

    public string Key { get; }

    public string DisplayName { get; }

    public bool PerFile { get; }

    public ImmutableArray<string> AcceptedValues { get; }

    /// <summary>True for an accepted value (case-insensitive, surrounding white space ignored) or an unset, empty one.</summary>
    public bool IsValid(string value) => value.Trim().Length == 0 || AcceptedValues.Any(accepted => OptionValue.Is(value, accepted));
}

/// <summary>
/// The one parser of option values (package options, MSBuild properties, per-path severities): case-insensitive,
/// surrounding white space ignored.
/// </summary>
internal static class OptionValue
{
    /// <summary>True when the value is set and equals <paramref name="accepted"/>.</summary>
    public static bool Is(string? value, string accepted) => string.Equals(value?.Trim(), accepted, StringComparison.OrdinalIgnoreCase);
}
