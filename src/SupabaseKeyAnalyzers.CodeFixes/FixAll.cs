using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace SupabaseKeyAnalyzers.CodeFixes;

/// <summary>
/// The Fix All of every fixer: per document, each diagnostic's fix is computed on the original document and the
/// non-overlapping changes are applied together (as the batch fixer does). It differs in one way that matters to
/// <c>dotnet format analyzers</c>: that tool asks for the equivalence key of the fix of whichever diagnostic it sees
/// first, and when that diagnostic has no fix the key is null and the batch fixer then finds nothing to fix. Here a
/// null key means "each diagnostic's first fix", so every fixable diagnostic is fixed whatever comes first; a key
/// (Fix All from the IDE light bulb) selects that fix only.
/// </summary>
internal static class FixAll
{
    public static FixAllProvider Provider { get; } = FixAllProvider.Create(FixDocumentAsync);

    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var changes = new List<TextChange>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            CodeAction? chosen = null;
            var fixContext = new CodeFixContext(
                document,
                diagnostic,
                (action, _) =>
                {
                    if (chosen is null && (context.CodeActionEquivalenceKey is null || action.EquivalenceKey == context.CodeActionEquivalenceKey))
                    {
                        chosen = action;
                    }
                },
                cancellationToken);
            await context.CodeFixProvider.RegisterCodeFixesAsync(fixContext).ConfigureAwait(false);
            if (chosen is null)
            {
                continue;
            }

            var operations = await chosen.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var changed = operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution.GetDocument(document.Id);
            if (changed is null)
            {
                continue;
            }

            var fixChanges = (await changed.GetTextChangesAsync(document, cancellationToken).ConfigureAwait(false)).ToList();
            if (!fixChanges.Any(c => changes.Any(existing => Overlaps(existing.Span, c.Span))))
            {
                changes.AddRange(fixChanges);
            }
        }

        if (changes.Count == 0)
        {
            return document;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(changes.OrderBy(c => c.Span.Start)));
    }

    /// <summary>Two changes conflict when their spans overlap or both insert at the same point.</summary>
    private static bool Overlaps(TextSpan a, TextSpan b) => a.OverlapsWith(b) || a.Start == b.Start || (a.IsEmpty && b.Contains(a.Start)) || (b.IsEmpty && a.Contains(b.Start));
}
