using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.KeyLiterals;
using SupabaseKeyAnalyzers.SupabaseSdk;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK002 <c>NewKeyOnBearer</c>: a new-format key (<c>sb_publishable_</c>, <c>sb_secret_</c>) sent as
/// <c>Authorization: Bearer</c> — through <c>AuthenticationHeaderValue</c>, <c>HttpHeaders.Add</c>/<c>TryAddWithoutValidation</c>,
/// any <c>IDictionary&lt;string, string&gt;</c> of headers, or the <c>token</c> of Supabase Functions' <c>Invoke</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NewKeyOnBearerAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: which sink the Bearer value goes to (a <see cref="BearerSink"/> name).</summary>
    public const string SinkProperty = "Sink";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK002_NewKeyOnBearer);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        if (!KeyCandidates.GetOrCreate(start.Compilation).HasCandidates)
        {
            // No string of the compilation can start a new-format key.
            return;
        }

        var context = new AnalyzerContext(start.Compilation);
        start.RegisterOperationAction(context.AnalyzeAssignment, TreeGate.Everywhere, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(context.AnalyzeInvocation, TreeGate.Everywhere, OperationKind.Invocation);
    }

    /// <summary>The symbols SBK002 matches, resolved once per compilation.</summary>
    private sealed class AnalyzerContext
    {
        private readonly INamedTypeSymbol? authenticationHeaderValue;
        private readonly INamedTypeSymbol? httpHeaders;
        private readonly INamedTypeSymbol? httpRequestHeaders;
        private readonly INamedTypeSymbol? genericDictionary;
        private readonly SupabaseModel sdk;
        private readonly ValueFlowResolver resolver;

        public AnalyzerContext(Compilation compilation)
        {
            authenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            httpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
            httpRequestHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpRequestHeaders");
            genericDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
            sdk = SupabaseModel.For(compilation);
            resolver = sdk.Resolver;
        }

        public void AnalyzeAssignment(OperationContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!HeaderSyntax.MayAssignAuthorization(assignment.Syntax) || assignment.Target is not IPropertyReferenceOperation target)
            {
                return;
            }

            var property = target.Property;
            if (property.IsIndexer)
            {
                // headers["Authorization"] = "Bearer …", also as ["Authorization"] = … in an object initializer.
                if (target.Arguments.Length == 1 && IsStringDictionary(property.ContainingType)
                    && IsAuthorization(target.Arguments[0].Value, context.CancellationToken))
                {
                    ReportBearerValue(context, assignment.Value, assignment.Syntax, BearerSink.Indexer);
                }

                return;
            }

            // request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key)
            if (property.Name != SupabaseHeaders.Authorization || authenticationHeaderValue is null
                || !property.ContainingType.IsOrDerivesFrom(httpRequestHeaders))
            {
                return;
            }

            if (ValueFlowResolver.Unwrap(assignment.Value) is IObjectCreationOperation creation
                && SymbolEqualityComparer.Default.Equals(creation.Type, authenticationHeaderValue)
                && creation.Arguments.Length == 2
                && SupabaseHeaders.BearerScheme.Equals(resolver.Text(creation.Arguments[0].Value, context.CancellationToken)?.Trim(), System.StringComparison.OrdinalIgnoreCase))
            {
                var keyText = resolver.Text(creation.Arguments[1].Value, context.CancellationToken);
                if (KeyClassifier.ClassifyWhole(keyText) is { IsNewFormat: true } key)
                {
                    Report(context, assignment.Syntax, key, keyText!, BearerSink.AuthorizationProperty);
                }
            }
        }

        public void AnalyzeInvocation(OperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "Add" or "TryAdd" or "TryAddWithoutValidation":
                    if (method.Parameters.Length != 2 || !HeaderSyntax.MayNameAuthorization(invocation.Syntax) || invocation.Arguments.Length != 2
                        || method.Parameters[0].Type.SpecialType != SpecialType.System_String
                        || method.Parameters[1].Type.SpecialType != SpecialType.System_String)
                    {
                        return;
                    }

                    var sink = method.ContainingType.IsOrDerivesFrom(httpHeaders) ? BearerSink.HeadersAdd
                        : IsStringDictionary(method.ContainingType) ? (invocation.IsImplicit ? BearerSink.CollectionInitializer : BearerSink.HeadersAdd)
                        : (BearerSink?)null;
                    if (sink is null)
                    {
                        return;
                    }

                    var name = invocation.Arguments.First(a => a.Parameter?.Ordinal == 0);
                    var value = invocation.Arguments.First(a => a.Parameter?.Ordinal == 1);
                    if (IsAuthorization(name.Value, context.CancellationToken))
                    {
                        ReportBearerValue(context, value.Value, invocation.Syntax, sink.Value);
                    }

                    return;

                case SdkMembers.Invoke or SdkMembers.RawInvoke when sdk.IsFunctionsInvoke(invocation):
                    var token = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == SupabaseModel.InvokeTokenOrdinal);
                    if (token is null || token.IsImplicit)
                    {
                        return;
                    }

                    var tokenText = resolver.Text(token.Value, context.CancellationToken);
                    if (KeyClassifier.ClassifyWhole(tokenText) is { IsNewFormat: true } key)
                    {
                        Report(context, token.Syntax, key, tokenText!, BearerSink.FunctionsToken);
                    }

                    return;
            }
        }

        /// <summary>Reports when <paramref name="value"/> resolves to <c>Bearer &lt;new-format key&gt;</c>.</summary>
        private void ReportBearerValue(OperationContext context, IOperation value, SyntaxNode location, BearerSink sink)
        {
            var credential = SupabaseHeaders.BearerCredential(resolver.Text(value, context.CancellationToken));
            if (KeyClassifier.ClassifyWhole(credential) is { IsNewFormat: true } key)
            {
                Report(context, location, key, credential!, sink);
            }
        }

        private static void Report(OperationContext context, SyntaxNode node, KeyMatch key, string text, BearerSink sink)
            => context.Report(Diagnostic.Create(
                RuleDescriptors.SBK002_NewKeyOnBearer,
                node.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(SinkProperty, sink.ToString()),
                key.Describe(text)));

        private bool IsAuthorization(IOperation name, CancellationToken cancellationToken)
            => SupabaseHeaders.IsAuthorization(resolver.Text(name, cancellationToken));

        private bool IsStringDictionary(INamedTypeSymbol? type)
            => type.IsOrImplements(genericDictionary, d => d.TypeArguments.All(t => t.SpecialType == SpecialType.System_String));
    }
}

/// <summary>Where SBK002 found the Bearer value; <c>NewKeyOnBearerFixer</c> rewrites each shape differently.</summary>
public enum BearerSink
{
    /// <summary><c>headers.Authorization = new AuthenticationHeaderValue("Bearer", key)</c>.</summary>
    AuthorizationProperty,

    /// <summary><c>headers.Add("Authorization", "Bearer " + key)</c> (also <c>TryAddWithoutValidation</c>, dictionaries).</summary>
    HeadersAdd,

    /// <summary><c>{ "Authorization", $"Bearer {key}" }</c> in a collection initializer.</summary>
    CollectionInitializer,

    /// <summary><c>headers["Authorization"] = "Bearer " + key</c>, also <c>["Authorization"] = …</c> in an object initializer.</summary>
    Indexer,

    /// <summary><c>functions.Invoke(name, token: key)</c>: Supabase Functions sends <c>token</c> as a Bearer token.</summary>
    FunctionsToken,
}
