using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.ValueFlow;

/// <summary>
/// What the project's settings files give each configuration key: every <c>appsettings*.json</c> handed to the analyzers
/// (<c>appsettings.json</c>, <c>appsettings.{Environment}.json</c>, <c>wwwroot/appsettings.json</c>; the package's
/// targets add them), read as .NET's JSON configuration reads them (keys joined with <c>:</c>, case-insensitive,
/// comments and trailing commas allowed). A key that several files set has each of their values. Read once per
/// compilation, on first use.
/// </summary>
internal sealed class SettingsFiles
{
    public static readonly SettingsFiles None = new(ImmutableArray<AdditionalText>.Empty);

    private readonly ImmutableArray<AdditionalText> files;
    private readonly Lazy<Dictionary<string, ImmutableArray<string>>> values;

    private SettingsFiles(ImmutableArray<AdditionalText> files)
    {
        this.files = files;
        values = new Lazy<Dictionary<string, ImmutableArray<string>>>(Read, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The settings files among the analyzers' additional files.</summary>
    public static SettingsFiles From(AnalyzerOptions? options)
    {
        if (options is null)
        {
            return None;
        }

        var settings = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var file in options.AdditionalFiles)
        {
            if (IsSettingsFile(file.Path))
            {
                settings.Add(file);
            }
        }

        return settings.Count == 0 ? None : new SettingsFiles(settings.ToImmutable());
    }

    /// <summary>True for <c>appsettings.json</c> and <c>appsettings.&lt;anything&gt;.json</c>.</summary>
    public static bool IsSettingsFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when any value a settings file gives contains <paramref name="text"/> (<c>sb_</c>: can be a new-format key).</summary>
    public bool AnyValueContains(string text)
    {
        foreach (var known in files.IsEmpty ? Enumerable.Empty<ImmutableArray<string>>() : values.Value.Values)
        {
            if (known.Any(value => value.IndexOf(text, StringComparison.Ordinal) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every value the settings files give <paramref name="key"/>; empty when none sets it.</summary>
    public ImmutableArray<string> ValuesOf(string key)
        => files.IsEmpty || !values.Value.TryGetValue(key, out var found) ? ImmutableArray<string>.Empty : found;

    private Dictionary<string, ImmutableArray<string>> Read()
    {
        var found = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var text = file.GetText(CancellationToken.None)?.ToString();
            var read = new List<(string Key, string Value)>();
            if (!JsonText.TryReadObject(text, relaxed: true, (key, value) => read.Add((key, value))))
            {
                // A file .NET could not read either: it gives no value.
                continue;
            }

            foreach (var (key, value) in read)
            {
                found[key] = found.TryGetValue(key, out var known) ? (known.Contains(value) ? known : known.Add(value)) : ImmutableArray.Create(value);
            }
        }

        return found;
    }
}
