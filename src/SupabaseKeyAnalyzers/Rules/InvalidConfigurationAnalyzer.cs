using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Configuration;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK000 <c>InvalidConfiguration</c>: an option of the package (<see cref="PackageOptions"/>) set to a value it does
/// not accept, which would otherwise be ignored in silence. Reported once per compilation and value, naming the value,
/// the accepted values and where it was set. The one rule that looks at the compilation as a whole, not at code, so
/// it registers a compilation action instead of building on <see cref="SupabaseAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidConfigurationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK000_InvalidConfiguration);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        var reported = new HashSet<(string Key, string Value)>();
        foreach (var option in PackageOptions.All)
        {
            string? global = null;
            if (provider.GlobalOptions.TryGetValue(option.Key, out var value))
            {
                global = value;
                if (!option.IsValid(value) && reported.Add((option.Key, value.Trim())))
                {
                    Report(context, option, value, option.Key.StartsWith("build_property.", System.StringComparison.Ordinal) ? "the project file" : ".globalconfig");
                }
            }

            if (!option.PerFile)
            {
                continue;
            }

            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                if (provider.GetOptions(tree).TryGetValue(option.Key, out var fileValue) && fileValue != global
                    && !option.IsValid(fileValue) && reported.Add((option.Key, fileValue.Trim())))
                {
                    Report(context, option, fileValue, ".editorconfig, for " + System.IO.Path.GetFileName(tree.FilePath) + " and maybe other files");
                }
            }

            foreach (var file in context.Options.AdditionalFiles)
            {
                if (provider.GetOptions(file).TryGetValue(option.Key, out var fileValue) && fileValue != global
                    && !option.IsValid(fileValue) && reported.Add((option.Key, fileValue.Trim())))
                {
                    Report(context, option, fileValue, ".editorconfig, for " + System.IO.Path.GetFileName(file.Path) + " and maybe other files");
                }
            }
        }
    }

    private static void Report(CompilationAnalysisContext context, PackageOption option, string value, string where)
        => context.ReportDiagnostic(Diagnostic.Create(
            RuleDescriptors.SBK000_InvalidConfiguration,
            Location.None,
            value.Trim(),
            option.DisplayName,
            where,
            string.Join(", ", option.AcceptedValues)));
}
