using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SupabaseKeyAnalyzers.Rules;

using SupabaseKeyAnalyzers.SupabaseSdk;
using SupabaseKeyAnalyzers.CodeFixes;

namespace SupabaseKeyAnalyzers.CodeFixes.Rules;

/// <summary>
/// SBK003 <c>UserSessionOnSecretKeyClient</c>: rewrites <c>client.Auth.SignUp(email, password)</c> to <c>client.AdminAuth(key).CreateUser(email, password)</c>,
/// with the key expression the client was created with. The phone overload and <c>SignUpOptions.Data</c> become an
/// <c>AdminUserAttributes</c>. <c>SignUp</c> returns <c>Session?</c> and <c>CreateUser</c> returns <c>User?</c>: the
/// fix is offered only when the rewritten code still compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UserSessionOnSecretKeyClientFixer)), Shared]
public sealed class UserSessionOnSecretKeyClientFixer : CodeFixProvider
{
    public const string Title = "Create the user with the admin API (CreateUser)";

    private const int PhoneSignUp = 1;

    private static readonly SyntaxAnnotation Rewritten = new(nameof(UserSessionOnSecretKeyClientFixer));

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleDescriptors.SBK003_UserSessionOnSecretKeyClient.Id);

    public override FixAllProvider GetFixAllProvider() => FixAll.Provider;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixerSyntax.CanFix(context.Document, diagnostic)
                || !diagnostic.Properties.ContainsKey(UserSessionOnSecretKeyClientAnalyzer.FixableProperty))
            {
                continue;
            }

            var fixedDocument = await FixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(fixedDocument), nameof(UserSessionOnSecretKeyClientFixer)), diagnostic);
            }
        }
    }

    private static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Expression: var auth and (MemberAccessExpressionSyntax { Name.Identifier.ValueText: SdkMembers.Auth } or MemberBindingExpressionSyntax { Name.Identifier.ValueText: SdkMembers.Auth }) },
            } call
            || model?.GetOperation(call, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var key = await KeyExpressionAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        var arguments = CreateUserArguments(operation, model, cancellationToken);
        if (key is null || arguments is null)
        {
            return null;
        }

        // client.AdminAuth(key).CreateUser(arguments), or client?.AdminAuth(key).CreateUser(arguments)
        var adminAuthName = SyntaxFactory.IdentifierName(SdkMembers.AdminAuth);
        ExpressionSyntax adminAuthAccess = auth is MemberAccessExpressionSyntax { Expression: var client }
            ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, client.WithoutTrivia(), adminAuthName)
            : SyntaxFactory.MemberBindingExpression(adminAuthName);
        var adminAuth = SyntaxFactory.InvocationExpression(adminAuthAccess, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(key))));
        var createUser = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, adminAuth, SyntaxFactory.IdentifierName(SdkMembers.CreateUser)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)))
            .WithTriviaFrom(call)
            .WithAdditionalAnnotations(Formatter.Annotation, Rewritten);

        var fixedDocument = document.WithSyntaxRoot(root.ReplaceNode(call, createUser));
        return await StillCompilesAsync(document, call, fixedDocument, cancellationToken).ConfigureAwait(false) ? fixedDocument : null;
    }

    /// <summary>
    /// The key to pass: the client's key argument, fully qualified so that it reads the same at the call site (with a
    /// visible null check when it can be null), or a read of the environment variable the key comes from.
    /// </summary>
    private static async Task<ExpressionSyntax?> KeyExpressionAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Properties.TryGetValue(UserSessionOnSecretKeyClientAnalyzer.KeyVariableProperty, out var variable) && variable is not null)
        {
            return FixerSyntax.ReadEnvironmentVariable(variable);
        }

        if (diagnostic.AdditionalLocations.Count != 1)
        {
            return null;
        }

        var location = diagnostic.AdditionalLocations[0];
        var keyDocument = location.SourceTree is { } tree ? document.Project.Solution.GetDocument(tree) : null;
        var keyRoot = keyDocument is null ? null : await keyDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (keyRoot?.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
        {
            return null;
        }

        var expression = node.FirstAncestorOrSelf<ArgumentSyntax>()?.Expression ?? node as ExpressionSyntax;
        if (expression is null)
        {
            return null;
        }

        var expanded = (ExpressionSyntax)(await Simplifier.ExpandAsync(expression, keyDocument!, cancellationToken: cancellationToken).ConfigureAwait(false)).WithoutTrivia();
        if (!diagnostic.Properties.ContainsKey(UserSessionOnSecretKeyClientAnalyzer.KeyMayBeNullProperty))
        {
            return expanded.WithAdditionalAnnotations(Simplifier.Annotation);
        }

        // AdminAuth(string serviceKey) takes no null: say what is missing instead of adding CS8604.
        return FixerSyntax.ParseSimplified(
            "KEY ?? throw new global::System.InvalidOperationException(\"The Supabase secret key is not set.\")",
            expanded.WithAdditionalAnnotations(Simplifier.Annotation));
    }

    /// <summary>
    /// The arguments of <c>CreateUser</c> for a <c>SignUp</c> call, or null where they cannot be built:
    /// <c>(email, password)</c>, or <c>new AdminUserAttributes { Email|Phone = …, Password = …, UserMetadata = options.Data }</c>.
    /// </summary>
    private static IEnumerable<ArgumentSyntax>? CreateUserArguments(IInvocationOperation operation, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax? Argument(string name)
            => operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name && !a.IsImplicit)?.Value.Syntax as ExpressionSyntax;

        var identifier = Argument("email") ?? Argument("identifier");
        var password = Argument("password");
        if (identifier is null || password is null)
        {
            return null;
        }

        var identifierProperty = SdkMembers.Email;
        if (Argument("type") is { } type)
        {
            var constant = model.GetConstantValue(type, cancellationToken);
            if (!constant.HasValue || constant.Value is not int signUpType)
            {
                return null;
            }

            identifierProperty = signUpType == PhoneSignUp ? SdkMembers.Phone : SdkMembers.Email;
        }

        ExpressionSyntax? metadata = null;
        if (Argument("options") is { } options && !options.IsKind(SyntaxKind.NullLiteralExpression) && !options.IsKind(SyntaxKind.DefaultLiteralExpression))
        {
            // Only new SignUpOptions { Data = … }: anything else (RedirectTo, a variable) has no admin equivalent to move to.
            if (options is not BaseObjectCreationExpressionSyntax creation
                || creation.ArgumentList?.Arguments.Count > 0
                || creation.Initializer?.Expressions.Count > 1
                || (creation.Initializer?.Expressions.FirstOrDefault() is { } only && only is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: SdkMembers.Data } }))
            {
                return null;
            }

            metadata = (creation.Initializer?.Expressions.FirstOrDefault() as AssignmentExpressionSyntax)?.Right;
        }

        if (identifierProperty == SdkMembers.Email && metadata is null)
        {
            return new[] { SyntaxFactory.Argument(identifier.WithoutTrivia()), SyntaxFactory.Argument(password.WithoutTrivia()) };
        }

        var members = new List<ExpressionSyntax>
        {
            Assign(identifierProperty, identifier),
            Assign(SdkMembers.Password, password),
        };
        if (metadata is not null)
        {
            members.Add(Assign(SdkMembers.UserMetadata, metadata));
        }

        var attributes = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("global::Supabase.Gotrue.AdminUserAttributes").WithAdditionalAnnotations(Simplifier.Annotation))
            .WithArgumentList(null)
            .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(members)));
        return new[] { SyntaxFactory.Argument(attributes) };
    }

    private static ExpressionSyntax Assign(string property, ExpressionSyntax value)
        => SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), value.WithoutTrivia());

    /// <summary>
    /// True when the rewrite adds no compiler error or warning to the member it sits in (e.g. a use of the <c>Session</c>
    /// result, or a nullable warning).
    /// </summary>
    private static async Task<bool> StillCompilesAsync(Document original, SyntaxNode originalCall, Document fixedDocument, CancellationToken cancellationToken)
    {
        var originalModel = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var fixedModel = await fixedDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var fixedRoot = await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var fixedCall = fixedRoot?.GetAnnotatedNodes(Rewritten).FirstOrDefault();
        var originalMember = originalCall.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? originalCall.SyntaxTree.GetRoot(cancellationToken);
        var fixedMember = fixedCall?.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? fixedRoot;
        if (originalModel is null || fixedModel is null || fixedMember is null)
        {
            return false;
        }

        int Errors(SemanticModel model, SyntaxNode member)
            => model.GetDiagnostics(member.FullSpan, cancellationToken).Count(d => d.Severity >= DiagnosticSeverity.Warning);

        return Errors(fixedModel, fixedMember) <= Errors(originalModel, originalMember);
    }
}
