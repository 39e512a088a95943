using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
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
/// SBK002 <c>NewKeyOnBearer</c>: moves the key from <c>Authorization: Bearer</c> to the <c>apikey</c> header, keeping the key expression.
/// When the same place already sets <c>apikey</c> to the same value, the Bearer header is removed instead. No fix when the
/// value can also be something else (<c>token ?? key</c>): only the key belongs on <c>apikey</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NewKeyOnBearerFixer)), Shared]
public sealed class NewKeyOnBearerFixer : CodeFixProvider
{
    public const string Title = "Send the key on the 'apikey' header";

    private static readonly LiteralExpressionSyntax ApiKey = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(SupabaseHeaders.ApiKey));

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleDescriptors.SBK002_NewKeyOnBearer.Id);

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
            if (!FixerSyntax.CanFix(context.Document, diagnostic)
                || !diagnostic.Properties.TryGetValue(NewKeyOnBearerAnalyzer.SinkProperty, out var sinkName) || !Enum.TryParse<BearerSink>(sinkName, out var sink)
                || diagnostic.Properties.ContainsKey(NewKeyOnBearerAnalyzer.FallbackProperty))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var model = sink == BearerSink.AuthorizationProperty ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) : null;
            var newRoot = Rewrite(root, node, sink, model);
            if (newRoot is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), nameof(NewKeyOnBearerFixer)),
                diagnostic);
        }
    }

    /// <summary>The rewritten root, or null where the rewrite cannot be made safely.</summary>
    private static SyntaxNode? Rewrite(SyntaxNode root, SyntaxNode node, BearerSink sink, SemanticModel? model) => sink switch
    {
        BearerSink.AuthorizationProperty => RewriteAuthorizationProperty(root, node, model!),
        BearerSink.HeadersAdd => RewriteHeadersAdd(root, node),
        BearerSink.CollectionInitializer => RewriteCollectionInitializer(root, node),
        BearerSink.Indexer => RewriteIndexer(root, node),
        BearerSink.FunctionsToken => RewriteFunctionsToken(root, node),
        _ => null,
    };

    /// <summary>
    /// <c>headers.Authorization = new AuthenticationHeaderValue("Bearer", key);</c> → <c>headers.Add("apikey", key);</c>,
    /// as a statement or as the body of a member or lambda that returns nothing (<c>=&gt; headers.Authorization = …</c>).
    /// </summary>
    private static SyntaxNode? RewriteAuthorizationProperty(SyntaxNode root, SyntaxNode node, SemanticModel model)
    {
        if (node is not AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: var headers }, Right: BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } } assignment
            || !FixerSyntax.IsValueDiscarded(assignment, model))
        {
            return null;
        }

        var key = arguments[1].Expression.WithoutTrivia();
        if (assignment.Parent is ExpressionStatementSyntax statement && HasSiblingApiKey(statement, headers, key))
        {
            return RemoveStatement(root, statement);
        }

        var add = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, headers.WithoutTrivia(), SyntaxFactory.IdentifierName("Add")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(ApiKey), SyntaxFactory.Argument(key) })));
        return root.ReplaceNode(assignment, add.WithTriviaFrom(assignment).WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary><c>headers.Add("Authorization", "Bearer " + key);</c> → <c>headers.Add("apikey", key);</c></summary>
    private static SyntaxNode? RewriteHeadersAdd(SyntaxNode root, SyntaxNode node)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver }, ArgumentList.Arguments: { Count: 2 } args } invocation
            || args.Any(a => a.NameColon is not null)
            || KeyExpression(args[1].Expression) is not { } value)
        {
            return null;
        }

        if (invocation.Parent is ExpressionStatementSyntax addStatement && HasSiblingApiKey(addStatement, receiver, value))
        {
            return RemoveStatement(root, addStatement);
        }

        return root.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.WithArguments(
            SyntaxFactory.SeparatedList(new[] { args[0].WithExpression(ApiKey.WithTriviaFrom(args[0].Expression)), args[1].WithExpression(value.WithTriviaFrom(args[1].Expression)) }, args.GetSeparators())));
    }

    /// <summary><c>{ "Authorization", $"Bearer {key}" }</c> → <c>{ "apikey", key }</c></summary>
    private static SyntaxNode? RewriteCollectionInitializer(SyntaxNode root, SyntaxNode node)
    {
        if (node is not InitializerExpressionSyntax { Expressions: { Count: 2 } pair } element || KeyExpression(pair[1]) is not { } value)
        {
            return null;
        }

        if (element.Parent is InitializerExpressionSyntax container && container.Expressions.Any(e => e != element && SetsApiKey(e, null, value)))
        {
            return root.ReplaceNode(container, container.WithExpressions(container.Expressions.Remove(element)));
        }

        return root.ReplaceNode(element, element.WithExpressions(
            SyntaxFactory.SeparatedList(new[] { ApiKey.WithTriviaFrom(pair[0]), value.WithTriviaFrom(pair[1]) }, pair.GetSeparators())));
    }

    /// <summary><c>h["Authorization"] = "Bearer " + key</c> → <c>h["apikey"] = key</c>; <c>["Authorization"] = …</c> → <c>["apikey"] = …</c></summary>
    private static SyntaxNode? RewriteIndexer(SyntaxNode root, SyntaxNode node)
    {
        if (node is not AssignmentExpressionSyntax { Left: var left } assignment
            || IndexArgument(left) is not { } index
            || KeyExpression(assignment.Right) is not { } value)
        {
            return null;
        }

        if (assignment.Parent is InitializerExpressionSyntax container && container.Expressions.Any(e => e != assignment && SetsApiKey(e, null, value)))
        {
            return root.ReplaceNode(container, container.WithExpressions(container.Expressions.Remove(assignment)));
        }

        if (assignment.Parent is ExpressionStatementSyntax statement && left is ElementAccessExpressionSyntax access && HasSiblingApiKey(statement, access.Expression, value))
        {
            return RemoveStatement(root, statement);
        }

        return root.ReplaceNodes(
            new SyntaxNode[] { index, assignment.Right },
            (original, _) => original == index ? ApiKey.WithTriviaFrom(index) : value.WithTriviaFrom(assignment.Right));
    }

    /// <summary><c>functions.Invoke(name, token: key)</c> → <c>functions.Invoke(name, options: new InvokeFunctionOptions { Headers = { ["apikey"] = key } })</c></summary>
    private static SyntaxNode? RewriteFunctionsToken(SyntaxNode root, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<ArgumentSyntax>() is not { } token || token.Parent is not ArgumentListSyntax list
            || list.Arguments.Count > 2 || list.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "options"))
        {
            return null;
        }

        var options = FixerSyntax.ParseSimplified(
            $"new global::Supabase.Functions.Client.InvokeFunctionOptions {{ Headers = {{ [\"{SupabaseHeaders.ApiKey}\"] = KEY }} }}",
            token.Expression.WithoutTrivia());
        var argument = SyntaxFactory.Argument(SyntaxFactory.NameColon("options"), default, options).WithTriviaFrom(token);
        return root.ReplaceNode(token, argument);
    }

    /// <summary>The key expression inside a Bearer header value: <c>"Bearer " + K</c>, <c>$"Bearer {K}"</c>, <c>string.Format("Bearer {0}", K)</c>, or the key part of a <c>"Bearer sb_…"</c> literal.</summary>
    private static ExpressionSyntax? KeyExpression(ExpressionSyntax value)
    {
        switch (value)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return KeyExpression(parenthesized.Expression);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression, Left: LiteralExpressionSyntax prefix, Right: var key } when SupabaseHeaders.IsBearerPrefix(prefix.Token.ValueText):
                return key.WithoutTrivia();
            case InterpolatedStringExpressionSyntax { Contents: { Count: 2 } contents }
                when contents[0] is InterpolatedStringTextSyntax text && SupabaseHeaders.IsBearerPrefix(text.TextToken.ValueText)
                     && contents[1] is InterpolationSyntax { AlignmentClause: null, FormatClause: null } interpolation:
                return interpolation.Expression.WithoutTrivia();
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Format" }, ArgumentList.Arguments: { Count: 2 } formatArguments }
                when formatArguments[0].Expression is LiteralExpressionSyntax format && SupabaseHeaders.BearerCredential(format.Token.ValueText)?.Trim() == "{0}":
                return formatArguments[1].Expression.WithoutTrivia();
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal:
                var credential = SupabaseHeaders.BearerCredential(literal.Token.ValueText)?.Trim();
                return credential is { Length: > 0 }
                    ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(credential))
                    : null;
            default:
                return null;
        }
    }

    private static ExpressionSyntax? IndexArgument(ExpressionSyntax left) => left switch
    {
        ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } => arguments[0].Expression,
        ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } arguments } => arguments[0].Expression,
        _ => null,
    };

    /// <summary>A statement in the same block that already sets <c>apikey</c> to the same key on the same headers.</summary>
    private static bool HasSiblingApiKey(StatementSyntax statement, ExpressionSyntax headers, ExpressionSyntax key)
        => statement.Parent is BlockSyntax block
           && block.Statements.Any(s => s != statement && s is ExpressionStatementSyntax { Expression: var e } && SetsApiKey(e, headers, key));

    /// <summary>
    /// True for <c>H.Add("apikey", K)</c>, <c>H.TryAddWithoutValidation("apikey", K)</c>, <c>H["apikey"] = K</c>,
    /// <c>{ "apikey", K }</c> and <c>["apikey"] = K</c> with the same headers (when given) and key text.
    /// </summary>
    private static bool SetsApiKey(ExpressionSyntax expression, ExpressionSyntax? headers, ExpressionSyntax key)
    {
        switch (expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver, Name.Identifier.ValueText: "Add" or "TryAddWithoutValidation" or "TryAdd" }, ArgumentList.Arguments: { Count: 2 } arguments }:
                return (headers is null || SameText(receiver, headers)) && IsApiKeyName(arguments[0].Expression) && SameText(arguments[1].Expression, key);
            case AssignmentExpressionSyntax { Left: var left, Right: var right } when IndexArgument(left) is { } index:
                var target = (left as ElementAccessExpressionSyntax)?.Expression;
                return (headers is null || (target is not null && SameText(target, headers))) && IsApiKeyName(index) && SameText(right, key);
            case InitializerExpressionSyntax { Expressions: { Count: 2 } pair } when headers is null:
                return IsApiKeyName(pair[0]) && SameText(pair[1], key);
            default:
                return false;
        }
    }

    private static bool IsApiKeyName(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && SupabaseHeaders.IsApiKey(literal.Token.ValueText);

    private static bool SameText(SyntaxNode a, SyntaxNode b)
        => string.Equals(a.WithoutTrivia().ToString(), b.WithoutTrivia().ToString(), StringComparison.Ordinal);

    private static SyntaxNode? RemoveStatement(SyntaxNode root, StatementSyntax statement)
        => root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
}
