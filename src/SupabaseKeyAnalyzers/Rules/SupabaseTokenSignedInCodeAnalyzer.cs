using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Resolution;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK008 <c>SupabaseTokenSignedInCode</c>: a JWT created with System.IdentityModel.Tokens.Jwt
/// (<c>new JwtSecurityToken(…)</c>, <c>JwtSecurityTokenHandler.CreateToken/CreateJwtSecurityToken/CreateEncodedJwt</c>) or
/// Microsoft.IdentityModel.JsonWebTokens (<c>JsonWebTokenHandler.CreateToken</c>) that is recognisably a Supabase token:
/// a <c>role</c> claim of <c>anon</c>, <c>authenticated</c> or <c>service_role</c>, the audience <c>authenticated</c>, the
/// issuer <c>supabase</c> or <c>https://&lt;ref&gt;.supabase.co/auth/v1</c>, or a signing key read from
/// <c>SUPABASE_JWT_SECRET</c>. The evidence is the creation and what flows into it in the same body (locals, their
/// initializers, later assignments and <c>Add</c> calls). Matched by metadata name; nothing is registered when neither
/// library is referenced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SupabaseTokenSignedInCodeAnalyzer : SupabaseAnalyzer
{
    private const int MaxFlowDepth = 3;

    private static readonly string[] SupabaseRoles = { "anon", "authenticated", "service_role" };
    private static readonly string[] HandlerMethods = { "CreateToken", "CreateJwtSecurityToken", "CreateEncodedJwt" };
    private static readonly Regex HostedIssuer = new(@"^https://[a-z0-9]+\.supabase\.co/auth/v1/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK008_SupabaseTokenSignedInCode);

    internal override void OnCompilationStart(CompilationStartAnalysisContext start, ProjectContext project)
    {
        if (AnalyzerContext.TryCreate(start.Compilation) is not { } context)
        {
            return;
        }

        start.RegisterOperationAction(context.AnalyzeCreation, OperationKind.ObjectCreation);
        start.RegisterOperationAction(context.AnalyzeInvocation, OperationKind.Invocation);
    }

    /// <summary>The token types SBK008 matches, resolved once per compilation; null when neither library is referenced.</summary>
    private sealed class AnalyzerContext
    {
        private readonly INamedTypeSymbol? jwtSecurityToken;
        private readonly ImmutableArray<INamedTypeSymbol> handlers;

        private AnalyzerContext(INamedTypeSymbol? jwtSecurityToken, ImmutableArray<INamedTypeSymbol> handlers)
        {
            this.jwtSecurityToken = jwtSecurityToken;
            this.handlers = handlers;
        }

        public static AnalyzerContext? TryCreate(Compilation compilation)
        {
            var token = compilation.GetTypeByMetadataName("System.IdentityModel.Tokens.Jwt.JwtSecurityToken");
            var handlers = new[] { "System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler", "Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler" }
                .Select(compilation.GetTypeByMetadataName)
                .Where(t => t is not null)
                .Select(t => t!)
                .ToImmutableArray();
            return token is null && handlers.IsEmpty ? null : new AnalyzerContext(token, handlers);
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (jwtSecurityToken is not null && SymbolEqualityComparer.Default.Equals(creation.Type, jwtSecurityToken))
            {
                Analyze(context, creation);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (Array.IndexOf(HandlerMethods, invocation.TargetMethod.Name) >= 0 && handlers.Any(h => invocation.TargetMethod.ContainingType.IsOrDerivesFrom(h)))
            {
                Analyze(context, invocation);
            }
        }

        private static void Analyze(OperationAnalysisContext context, IOperation creation)
        {
            if (!RazorCode.ShouldAnalyze(creation.Syntax.SyntaxTree, context.IsGeneratedCode) || !RazorCode.IsReportable(creation.Syntax.GetLocation()))
            {
                return;
            }

            var body = creation;
            while (body.Parent is not null)
            {
                body = body.Parent;
            }

            if (Evidence(creation, body, context.CancellationToken).Select(o => Marker(o, context.CancellationToken)).FirstOrDefault(m => m is not null) is { } marker)
            {
                context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.SBK008_SupabaseTokenSignedInCode, creation.Syntax.GetLocation(), marker));
            }
        }
    }

    /// <summary>
    /// The operations that make up the token: the creation, and for every local it uses (to <see cref="MaxFlowDepth"/>
    /// levels) the local's initializer and the assignments to its members and the calls on it in the same body.
    /// </summary>
    private static IEnumerable<IOperation> Evidence(IOperation creation, IOperation body, CancellationToken cancellationToken)
    {
        var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var pending = new List<(IOperation Operation, int Depth)> { (creation, 0) };
        for (var i = 0; i < pending.Count; i++)
        {
            var (operation, depth) = pending[i];
            foreach (var part in operation.DescendantsAndSelf())
            {
                yield return part;
                if (depth >= MaxFlowDepth || part is not ILocalReferenceOperation { Local: var local } || !seen.Add(local))
                {
                    continue;
                }

                if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } declarator
                         && part.SemanticModel?.GetOperation(declarator, cancellationToken) is IVariableDeclaratorOperation { Initializer.Value: { } initializer })
                {
                    pending.Add((initializer, depth + 1));
                }

                foreach (var use in body.Descendants())
                {
                    if (use is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation target } } assignment && SymbolEqualityComparer.Default.Equals(target.Local, local))
                    {
                        pending.Add((assignment, depth + 1));
                    }
                    else if (use is IInvocationOperation { Instance: ILocalReferenceOperation receiver } call && SymbolEqualityComparer.Default.Equals(receiver.Local, local))
                    {
                        pending.Add((call, depth + 1));
                    }
                }
            }
        }
    }

    /// <summary>What makes an operation Supabase evidence, described for the message; null when it is not.</summary>
    private static string? Marker(IOperation operation, CancellationToken cancellationToken)
    {
        string? Text(IOperation? value) => Single(value) is { } single && single.Kind is FlowValueKind.Text or FlowValueKind.EnvironmentVariable
            ? (single.Kind == FlowValueKind.EnvironmentVariable ? "env:" : string.Empty) + single.Text
            : null;

        FlowValue? Single(IOperation? value)
            => value?.SemanticModel is { } model && ValueFlowResolver.For(model.Compilation).Values(value, cancellationToken) is { Length: 1 } one ? one[0] : null;

        switch (operation)
        {
            case IObjectCreationOperation { Type: { Name: "Claim" } claimType, Arguments.Length: >= 2 } claim when claimType.ContainingNamespace?.ToDisplayString() == "System.Security.Claims":
                return ClaimMarker(Text(claim.Arguments[0].Value), Text(claim.Arguments[1].Value));
            case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add:
                return ClaimMarker(Text(add.Arguments[0].Value), Text(add.Arguments[1].Value));
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } entry:
                return ClaimMarker(Text(indexer.Arguments[0].Value), Text(entry.Value));
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } property:
                return ClaimMarker(name.ToLowerInvariant(), Text(property.Value));
            case IArgumentOperation { Parameter.Name: var parameter } argument:
                return ClaimMarker(parameter, Text(argument.Value));
            case IInvocationOperation invocation when Single(invocation) is { Kind: FlowValueKind.EnvironmentVariable, Text: { } variable }:
                return IsJwtSecretName(variable) ? "signing key from " + variable : null;
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string key } } when IsJwtSecretName(key):
                return "signing key from " + key;
            default:
                return null;
        }
    }

    /// <summary>A claim, dictionary entry, property or argument that marks a Supabase token.</summary>
    private static string? ClaimMarker(string? name, string? value)
    {
        if (name is null || value is null)
        {
            return null;
        }

        switch (name.ToLowerInvariant())
        {
            case "role" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role" when Array.IndexOf(SupabaseRoles, value) >= 0:
                return "role claim '" + value + "'";
            case "aud" or "audience" when value == "authenticated":
                return "audience 'authenticated'";
            case "iss" or "issuer" when value == "supabase" || HostedIssuer.IsMatch(value):
                return "issuer '" + value + "'";
            default:
                return null;
        }
    }

    /// <summary><c>SUPABASE_JWT_SECRET</c>, or a configuration key for it (<c>Supabase:JwtSecret</c>).</summary>
    private static bool IsJwtSecretName(string name)
    {
        var normalized = name.Replace("_", string.Empty).Replace(":", string.Empty).Replace(".", string.Empty).Replace("__", string.Empty);
        return normalized.Equals("SUPABASEJWTSECRET", StringComparison.OrdinalIgnoreCase);
    }
}
