using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SupabaseKeyAnalyzers.Rules;

using SupabaseKeyAnalyzers.SupabaseSdk;
using SupabaseKeyAnalyzers.CodeFixes;

namespace SupabaseKeyAnalyzers.CodeFixes.Rules;

/// <summary>
/// SBK006 <c>SecretKeyClientKeepsSessions</c>: removes the <c>SessionHandler</c> assignment or the <c>SetPersistence</c>
/// call and sets <c>AutoRefreshToken = false</c> in the client's options (adding
/// <c>new SupabaseOptions { AutoRefreshToken = false }</c> when the client has none): an admin client with session
/// persistence and token refresh off.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretKeyClientKeepsSessionsFixer)), Shared]
public sealed class SecretKeyClientKeepsSessionsFixer : CodeFixProvider
{
    public const string Title = "Keep no sessions on this admin client (remove the session handler, turn token refresh off)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleDescriptors.SBK006_SecretKeyClientKeepsSessions.Id);

    public override FixAllProvider GetFixAllProvider() => FixAll.Provider;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FixerSyntax.CanFix(context.Document, diagnostic) && Fix(root, diagnostic) is { } fixedRoot)
            {
                context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), nameof(SecretKeyClientKeepsSessionsFixer)), diagnostic);
            }
        }
    }

    private static SyntaxNode? Fix(SyntaxNode root, Diagnostic diagnostic)
    {
        var write = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var target = diagnostic.AdditionalLocations.Count == 1 ? root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) : null;
        var kind = diagnostic.Properties.TryGetValue(SecretKeyClientKeepsSessionsAnalyzer.OptionsTargetProperty, out var name) && Enum.TryParse<OptionsTarget>(name, out var parsed) ? parsed : (OptionsTarget?)null;
        if (kind is null || target is null)
        {
            // Nothing to turn token refresh off in: removing the handler alone still keeps no sessions.
            return FixerSyntax.RemoveWrite(root, write);
        }

        var tracked = root.TrackNodes(write, target);
        var newTarget = tracked.GetCurrentNode(target)!;
        var replacement = kind == OptionsTarget.OptionsInitializer ? WithRefreshOff(newTarget as BaseObjectCreationExpressionSyntax) : WithNewOptions(newTarget as BaseObjectCreationExpressionSyntax, diagnostic);
        if (replacement is null)
        {
            return FixerSyntax.RemoveWrite(root, write);
        }

        tracked = tracked.ReplaceNode(newTarget, replacement);
        return tracked.GetCurrentNode(write) is { } currentWrite ? FixerSyntax.RemoveWrite(tracked, currentWrite) : null;
    }

    /// <summary><c>new SupabaseOptions { … }</c> with <c>AutoRefreshToken = false</c> (replacing any value it had).</summary>
    private static SyntaxNode? WithRefreshOff(BaseObjectCreationExpressionSyntax? options)
    {
        if (options is null)
        {
            return null;
        }

        var refreshOff = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(SdkMembers.AutoRefreshToken),
            SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression));
        var initializer = options.Initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
        var existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: SdkMembers.AutoRefreshToken });
        initializer = existing is not null
            ? initializer.ReplaceNode(existing.Right, refreshOff.Right.WithTriviaFrom(existing.Right))
            : initializer.WithExpressions(initializer.Expressions.Add(refreshOff));
        return options.WithInitializer(initializer).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The client's creation with <c>new SupabaseOptions { AutoRefreshToken = false }</c> as its options.</summary>
    private static SyntaxNode? WithNewOptions(BaseObjectCreationExpressionSyntax? client, Diagnostic diagnostic)
    {
        if (client?.ArgumentList is not { } arguments
            || !diagnostic.Properties.TryGetValue(SecretKeyClientKeepsSessionsAnalyzer.OptionsTypeProperty, out var optionsType) || optionsType is null)
        {
            return null;
        }

        var options = FixerSyntax.ParseSimplified("new global::" + optionsType + " { AutoRefreshToken = false }");
        var argument = arguments.Arguments.Any(a => a.NameColon is not null) ? SyntaxFactory.Argument(SyntaxFactory.NameColon("options"), default, options) : SyntaxFactory.Argument(options);
        return client.WithArgumentList(arguments.AddArguments(argument));
    }
}
