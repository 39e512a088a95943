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
/// SBK010 <c>TokensVerifiedWithJwtSecret</c>: <c>IssuerSigningKey</c> or <c>IssuerSigningKeys</c> of a
/// <c>Microsoft.IdentityModel.Tokens.TokenValidationParameters</c> set to a <c>SymmetricSecurityKey</c> (every value
/// the resolver finds is one), when the same parameters carry a Supabase marker (<see cref="AuthTokens"/>): the
/// issuer <c>supabase</c>, <c>https://&lt;ref&gt;.supabase.co/auth/v1</c> or <c>&lt;url&gt; + "/auth/v1"</c>, the
/// audience <c>authenticated</c>, or a key read from <c>SUPABASE_JWT_SECRET</c> or a configuration key naming it. The
/// same parameters are the object initializer the write is in and the writes through the same receiver in the same
/// body. Asymmetric keys, key sets from a JWKS and an <c>Authority</c> are never reported; nothing is registered when
/// <c>Microsoft.IdentityModel.Tokens</c> is not referenced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokensVerifiedWithJwtSecretAnalyzer : SupabaseAnalyzer
{
    private const string IssuerSigningKey = "IssuerSigningKey";
    private const string IssuerSigningKeys = "IssuerSigningKeys";

    /// <summary>Both properties this rule matches start with <c>IssuerSigningKey</c>.</summary>
    private static readonly NameGate Gate = NameGate.StartingWith(IssuerSigningKey);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK010_TokensVerifiedWithJwtSecret);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        if (start.Compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Tokens.TokenValidationParameters") is { } parameters
            && start.Compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Tokens.SymmetricSecurityKey") is { } symmetric)
        {
            var context = new AnalyzerContext(parameters, symmetric, start.Sdk.Resolver);
            start.RegisterOperationAction(context.Analyze, Gate, OperationKind.SimpleAssignment);
        }
    }

    /// <summary>The validation types, resolved once per compilation.</summary>
    private sealed class AnalyzerContext
    {
        private readonly INamedTypeSymbol parameters;
        private readonly INamedTypeSymbol symmetricKey;
        private readonly ValueFlowResolver resolver;

        public AnalyzerContext(INamedTypeSymbol parameters, INamedTypeSymbol symmetricKey, ValueFlowResolver resolver)
        {
            this.parameters = parameters;
            this.symmetricKey = symmetricKey;
            this.resolver = resolver;
        }

        public void Analyze(OperationContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: IssuerSigningKey or IssuerSigningKeys } target
                || !target.Property.ContainingType.IsOrDerivesFrom(parameters))
            {
                return;
            }

            var keys = SymmetricKeys(assignment.Value, 0, context.CancellationToken);
            if (keys.IsDefaultOrEmpty)
            {
                return;
            }

            var marker = keys.Select(k => KeyMarker(k, context.CancellationToken)).FirstOrDefault(m => m is not null)
                ?? Siblings(assignment, target).Select(s => Marker(s, context.CancellationToken)).FirstOrDefault(m => m is not null);
            if (marker is not null)
            {
                context.Report(Diagnostic.Create(RuleDescriptors.SBK010_TokensVerifiedWithJwtSecret, assignment.Syntax.GetLocation(), marker));
            }
        }

        /// <summary>
        /// The <c>SymmetricSecurityKey</c> creations <paramref name="value"/> holds when every key it can hold is one
        /// (a key, or an array or collection of keys); default when any is not or is not known.
        /// </summary>
        private ImmutableArray<IOperation> SymmetricKeys(IOperation value, int depth, CancellationToken cancellationToken)
        {
            var values = resolver.Values(value, cancellationToken);
            if (values.IsEmpty || depth > 2)
            {
                return default;
            }

            var keys = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var held in values)
            {
                if (held.Operation is IObjectCreationOperation creation && creation.Type.IsOrDerivesFrom(symmetricKey))
                {
                    keys.Add(creation);
                    continue;
                }

                if (Elements(held.Operation) is not { Count: > 0 } elements)
                {
                    return default;
                }

                foreach (var element in elements)
                {
                    var inner = SymmetricKeys(element, depth + 1, cancellationToken);
                    if (inner.IsDefaultOrEmpty)
                    {
                        return default;
                    }

                    keys.AddRange(inner);
                }
            }

            return keys.ToImmutable();
        }

        /// <summary>A key built from <c>SUPABASE_JWT_SECRET</c> or a configuration key naming the Supabase JWT secret.</summary>
        private string? KeyMarker(IOperation key, CancellationToken cancellationToken)
        {
            foreach (var part in key.Descendants())
            {
                if (part is IInvocationOperation or ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
                {
                    foreach (var value in resolver.Values(part, cancellationToken))
                    {
                        if (value.Kind is FlowValueKind.EnvironmentVariable or FlowValueKind.Configuration && AuthTokens.IsJwtSecretName(value.Text!))
                        {
                            return "the key comes from " + value.Text;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The other writes to the same parameters: the members of the object initializer the write is in, and the
        /// assignments in the same body through a receiver spelled the same (<c>parameters.ValidIssuer = …</c>).
        /// </summary>
        private IEnumerable<ISimpleAssignmentOperation> Siblings(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation target)
        {
            if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
            {
                foreach (var sibling in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    yield return sibling;
                }

                yield break;
            }

            if (target.Instance?.Syntax is not { } receiver)
            {
                yield break;
            }

            foreach (var operation in assignment.Root().Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance.Syntax: { } other } } sibling
                    && other.IsEquivalentTo(receiver))
                {
                    yield return sibling;
                }
            }
        }

        /// <summary>An issuer or audience of Supabase Auth's, described for the message; null for anything else.</summary>
        private string? Marker(ISimpleAssignmentOperation write, CancellationToken cancellationToken)
        {
            if (write.Target is not IPropertyReferenceOperation { Property: { } property } || !property.ContainingType.IsOrDerivesFrom(parameters))
            {
                return null;
            }

            switch (property.Name)
            {
                case "ValidAudience" or "ValidAudiences" when Items(write.Value).Any(v => resolver.Text(v, cancellationToken) == AuthTokens.UserAudience):
                    return "audience '" + AuthTokens.UserAudience + "'";
                case "ValidIssuer" or "ValidIssuers":
                    foreach (var issuer in Items(write.Value))
                    {
                        if (resolver.Text(issuer, cancellationToken) is { } text && AuthTokens.IsIssuer(text))
                        {
                            return "issuer '" + text + "'";
                        }

                        if (EndsWithAuthPath(issuer))
                        {
                            return "issuer '…" + AuthTokens.AuthPath + "'";
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>The value itself, or the elements of an array or collection it creates in place.</summary>
        private static IEnumerable<IOperation> Items(IOperation value) => Elements(ValueFlowResolver.Unwrap(value)) ?? new[] { value };

        /// <summary>
        /// The elements of an array or collection created in place (<c>new[] { a, b }</c>, <c>new List&lt;T&gt; { a, b }</c>);
        /// null for any other operation.
        /// </summary>
        private static IReadOnlyList<IOperation>? Elements(IOperation? created) => created switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IObjectCreationOperation { Initializer.Initializers: var adds } when adds.All(a => a is IInvocationOperation { Arguments.Length: 1 })
                => adds.Select(a => ((IInvocationOperation)a).Arguments[0].Value).ToList(),
            _ => null,
        };

        /// <summary><c>url + "/auth/v1"</c> or <c>$"{url}/auth/v1"</c>: Supabase Auth's issuer, under whatever project URL.</summary>
        private static bool EndsWithAuthPath(IOperation value)
        {
            var last = ValueFlowResolver.Unwrap(value) switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, RightOperand: var right } => right.ConstantValue.Value as string,
                IInterpolatedStringOperation { Parts: { Length: > 1 } parts } when parts[parts.Length - 1] is IInterpolatedStringTextOperation text => text.Text.ConstantValue.Value as string,
                _ => null,
            };
            return last is not null && last.TrimEnd('/').EndsWith(AuthTokens.AuthPath, StringComparison.OrdinalIgnoreCase);
        }
    }
}
