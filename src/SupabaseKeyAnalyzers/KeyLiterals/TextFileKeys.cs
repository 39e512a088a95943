using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SupabaseKeyAnalyzers.Configuration;
using SupabaseKeyAnalyzers.Keys;

namespace SupabaseKeyAnalyzers.KeyLiterals;

/// <summary>
/// Keys written in a non-C# file (a shipped <c>wwwroot/</c> file, a settings file, a Razor file's markup): found by the
/// classifier in the file's text and reported at their span, with the severity the file gets (<see cref="FileSeverity"/>).
/// The one place SBK001, SBK004 and SBK007 report keys in such files, so that the three agree on keys, spans and messages.
/// </summary>
internal static class TextFileKeys
{
    /// <summary>
    /// Reports <paramref name="severity"/>'s rule on every key of the file that <paramref name="wanted"/> accepts; the
    /// message arguments are the key's safe description and <paramref name="secondArgument"/>.
    /// </summary>
    public static void Report(AdditionalFileContext context, FileSeverity severity, Func<KeyMatch, bool> wanted, Func<KeyMatch, string> secondArgument)
    {
        var file = context.AdditionalFile;
        if (file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var content = text.ToString();
        DiagnosticSeverity? fileSeverity = null;
        foreach (var key in KeyClassifier.FindKeys(content))
        {
            if (!wanted(key))
            {
                continue;
            }

            fileSeverity ??= severity.For(file, context.Options, context.CancellationToken);
            if (fileSeverity is null)
            {
                return;
            }

            var span = new TextSpan(key.Start, key.Length);
            context.Report(Diagnostic.Create(
                severity.Descriptor, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), fileSeverity.Value, additionalLocations: null, properties: null, key.Describe(content), secondArgument(key)));
        }
    }
}
