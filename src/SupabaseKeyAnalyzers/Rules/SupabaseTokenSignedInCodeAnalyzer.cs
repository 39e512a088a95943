using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.SupabaseSdk;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK008 <c>SupabaseTokenSignedInCode</c>: a JWT created with System.IdentityModel.Tokens.Jwt
/// (<c>new JwtSecurityToken(…)</c>, <c>JwtSecurityTokenHandler.CreateToken/CreateJwtSecurityToken/CreateEncodedJwt</c>) or
/// Microsoft.IdentityModel.JsonWebTokens (<c>JsonWebTokenHandler.CreateToken</c>) that is recognisably a Supabase token:
/// a <c>role</c> claim of <c>anon</c>, <c>authenticated</c> or <c>service_role</c>, the audience <c>authenticated</c>, the
/// issuer <c>supabase</c> or <c>https://&lt;ref&gt;.supabase.co/auth/v1</c>, or a signing key read from
/// <c>SUPABASE_JWT_SECRET</c>. The evidence is the creation and what flows into it: the values the resolver gives the
/// locals and members it reads (to <see cref="MaxFlowDepth"/> levels), and the writes the write finder sees through a
/// local (<c>descriptor.Subject = …</c>, <c>claims.Add(…)</c>). Matched by metadata name; nothing is registered when
/// neither library is referenced, nor in test projects (which mint tokens for a local stack) unless
/// <c>supabase_key_analyzers.analyze_test_projects</c> asks for them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SupabaseTokenSignedInCodeAnalyzer : SupabaseAnalyzer
{
    private const int MaxFlowDepth = 3;

    private static readonly string[] HandlerMethods = { "CreateToken", "CreateJwtSecurityToken", "CreateEncodedJwt" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK008_SupabaseTokenSignedInCode);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        if (AnalyzerContext.TryCreate(start) is not { } context || !start.Project.ReportsLeaksIn(start.Project.Project.Kind))
        {
            // Neither token library is referenced, or a test project: tests mint tokens for a local stack.
            return;
        }

        start.RegisterOperationAction(context.AnalyzeCreation, NameGate.Everywhere, OperationKind.ObjectCreation);
        start.RegisterOperationAction(context.AnalyzeInvocation, NameGate.Everywhere, OperationKind.Invocation);
    }

    /// <summary>The token types SBK008 matches, resolved once per compilation; null when neither library is referenced.</summary>
    private sealed class AnalyzerContext
    {
        private readonly INamedTypeSymbol? jwtSecurityToken;
        private readonly ImmutableArray<INamedTypeSymbol> handlers;
        private readonly ValueFlowResolver resolver;

        private AnalyzerContext(INamedTypeSymbol? jwtSecurityToken, ImmutableArray<INamedTypeSymbol> handlers, ValueFlowResolver resolver)
        {
            this.jwtSecurityToken = jwtSecurityToken;
            this.handlers = handlers;
            this.resolver = resolver;
        }

        public static AnalyzerContext? TryCreate(SupabaseCompilationStart start)
        {
            var compilation = start.Compilation;
            var token = compilation.GetTypeByMetadataName("System.IdentityModel.Tokens.Jwt.JwtSecurityToken");
            var handlers = new[] { "System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler", "Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler" }
                .Select(compilation.GetTypeByMetadataName)
                .Where(t => t is not null)
                .Select(t => t!)
                .ToImmutableArray();
            return token is null && handlers.IsEmpty ? null : new AnalyzerContext(token, handlers, start.Sdk.Resolver);
        }

        public void AnalyzeCreation(OperationContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (jwtSecurityToken is not null && SymbolEqualityComparer.Default.Equals(creation.Type, jwtSecurityToken))
            {
                Analyze(context, creation);
            }
        }

        public void AnalyzeInvocation(OperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (Array.IndexOf(HandlerMethods, invocation.TargetMethod.Name) >= 0 && handlers.Any(h => invocation.TargetMethod.ContainingType.IsOrDerivesFrom(h)))
            {
                Analyze(context, invocation);
            }
        }

        private void Analyze(OperationContext context, IOperation creation)
        {
            foreach (var evidence in Evidence(creation, context.CancellationToken))
            {
                if (Marker(evidence, context.CancellationToken) is { } marker)
                {
                    context.Report(Diagnostic.Create(RuleDescriptors.SBK008_SupabaseTokenSignedInCode, creation.Syntax.GetLocation(), marker));
                    return;
                }
            }
        }

        /// <summary>
        /// The operations that make up the token: the creation and, for every local or member it reads (to
        /// <see cref="MaxFlowDepth"/> levels), the objects the resolver says it holds and, for a local, the writes made
        /// through it in its body (assignments to its members, calls on it).
        /// </summary>
        private IEnumerable<IOperation> Evidence(IOperation creation, CancellationToken cancellationToken)
        {
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var pending = new List<(IOperation Operation, int Depth)> { (creation, 0) };
            for (var i = 0; i < pending.Count; i++)
            {
                var (operation, depth) = pending[i];
                foreach (var part in operation.DescendantsAndSelf())
                {
                    yield return part;
                    var read = part switch
                    {
                        ILocalReferenceOperation local => (ISymbol)local.Local,
                        IFieldReferenceOperation field => field.Field,
                        _ => null,
                    };
                    if (depth >= MaxFlowDepth || read is null || !seen.Add(read))
                    {
                        continue;
                    }

                    foreach (var value in resolver.Values(part, cancellationToken))
                    {
                        if (value.Kind == FlowValueKind.Object)
                        {
                            pending.Add((value.Operation!, depth + 1));
                        }
                    }

                    if (read is ILocalSymbol)
                    {
                        foreach (var write in resolver.Writes.ThroughHolder(part, cancellationToken))
                        {
                            if (write is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } && WriteFinder.Reads(target.Instance, read)
                                || write is IInvocationOperation call && WriteFinder.Reads(call.Instance, read))
                            {
                                pending.Add((write, depth + 1));
                            }
                        }
                    }
                }
            }
        }

        /// <summary>What makes an operation Supabase evidence, described for the message; null when it is not.</summary>
        private string? Marker(IOperation operation, CancellationToken cancellationToken)
        {
            string? Text(IOperation? value) => Single(value) is { } single && single.Kind is FlowValueKind.Text or FlowValueKind.EnvironmentVariable
                ? (single.Kind == FlowValueKind.EnvironmentVariable ? "env:" : string.Empty) + single.Text
                : null;

            FlowValue? Single(IOperation? value) => value is not null && resolver.Values(value, cancellationToken) is { Length: 1 } one ? one[0] : null;

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
                case IInvocationOperation or ILocalReferenceOperation or IFieldReferenceOperation when Single(operation) is { Kind: FlowValueKind.EnvironmentVariable or FlowValueKind.Configuration, Text: { } name } && AuthTokens.IsJwtSecretName(name):
                    return "signing key from " + name;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string key } } when AuthTokens.IsJwtSecretName(key):
                    return "signing key from " + key;
                default:
                    return null;
            }
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
            case "role" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role" when Array.IndexOf(AuthTokens.Roles, value) >= 0:
                return "role claim '" + value + "'";
            case "aud" or "audience" when value == AuthTokens.UserAudience:
                return "audience 'authenticated'";
            case "iss" or "issuer" when AuthTokens.IsIssuer(value):
                return "issuer '" + value + "'";
            default:
                return null;
        }
    }
}
