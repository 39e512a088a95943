using System;
using System.Collections.Immutable;
using System.IO;

namespace SupabaseKeyAnalyzers.Projects;

/// <summary>The files a project hands to its users as they are: everything under <c>wwwroot/</c>, and text files of the kinds that ship.</summary>
public static class ShippedFiles
{
    /// <summary>
    /// Text files that ship as they are (JSON settings, scripts, pages, <c>.env</c> files). The package's
    /// <c>build/SupabaseKeyAnalyzers.targets</c> hands exactly these extensions to the analyzers; a test keeps the two lists equal.
    /// </summary>
    public static readonly ImmutableArray<string> TextExtensions = ImmutableArray.Create(".json", ".js", ".mjs", ".cjs", ".env", ".txt", ".html", ".htm", ".xml", ".config");

    /// <summary>True for a path under a <c>wwwroot</c> folder, which every ASP.NET Core and Blazor project serves publicly.</summary>
    public static bool IsUnderWwwroot(string path)
        => ("/" + path.Replace('\\', '/')).IndexOf("/wwwroot/", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>True for a text file that ships as it is (<see cref="TextExtensions"/>, or any <c>.env*</c> file).</summary>
    public static bool IsTextFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var extension = Path.GetExtension(name);
        foreach (var shipped in TextExtensions)
        {
            if (shipped.Equals(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
