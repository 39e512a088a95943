using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Configuration;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.KeyLiterals;
using SupabaseKeyAnalyzers.SupabaseSdk;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK002 <c>NewKeyOnBearer</c>: a new-format key (<c>sb_publishable_</c>, <c>sb_secret_</c>) sent as
/// <c>Authorization: Bearer</c> — through <c>AuthenticationHeaderValue</c>, <c>HttpHeaders.Add</c>/<c>TryAddWithoutValidation</c>,
/// any <c>IDictionary&lt;string, string&gt;</c> of headers, or the <c>token</c> of Supabase Functions' <c>Invoke</c>; and in
/// the project's SQL, on an <c>Authorization</c> header (<see cref="SqlFiles"/>). Every other assignment and call is
/// ruled out by the name of the member it writes or calls (<see cref="WriteGate"/>, <see cref="CallGate"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NewKeyOnBearerAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: which sink the Bearer value goes to (a <see cref="BearerSink"/> name).</summary>
    public const string SinkProperty = "Sink";

    /// <summary>
    /// Diagnostic property: present when the value can also hold something other than the key (<c>token ?? key</c>):
    /// the branch that sends the key is rejected, but moving the whole value to <c>apikey</c> would move a user's token.
    /// </summary>
    public const string FallbackProperty = "Fallback";

    /// <summary>The writes SBK002 matches: an indexer entry (<c>headers["Authorization"] = …</c>) or the <c>Authorization</c> property.</summary>
    private static readonly NameGate WriteGate = NameGate.StartingWith(WellKnownMemberNames.Indexer, SupabaseHeaders.Authorization);

    /// <summary>The calls SBK002 matches: <c>Add</c>, <c>TryAdd</c> and <c>TryAddWithoutValidation</c> (headers, dictionaries, collection initializers), and Functions' <c>Invoke</c>/<c>RawInvoke</c>.</summary>
    private static readonly NameGate CallGate = NameGate.StartingWith("Add", "TryAdd", SdkMembers.Invoke, SdkMembers.RawInvoke);

    /// <summary>The properties of a finding at each <see cref="BearerSink"/>, by its value: built once, not per finding.</summary>
    private static readonly ImmutableArray<ImmutableDictionary<string, string?>> SinkProperties = DiagnosticProperties.PerValue<BearerSink>(SinkProperty);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK002_NewKeyOnBearer);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        var sqlSeverity = new FileSeverity(start.Compilation, RuleDescriptors.SBK002_NewKeyOnBearer);
        start.RegisterAdditionalFileAction(context => AnalyzeSql(context, sqlSeverity));
        if (!KeyCandidates.GetOrCreate(start.Compilation).HasCandidates && !start.Sdk.Resolver.Settings.AnyValueContains(KeyClassifier.NewKeyPrefix))
        {
            // No string of the compilation or value of its settings files can start a new-format key.
            return;
        }

        var context = new AnalyzerContext(start.Compilation, start.Sdk);
        start.RegisterOperationAction(context.AnalyzeAssignment, WriteGate, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(context.AnalyzeInvocation, CallGate, OperationKind.Invocation);
    }

    /// <summary>
    /// The project's SQL: a new-format key as the value of an <c>Authorization</c> header that starts with <c>Bearer</c>
    /// (<c>'Authorization', 'Bearer ' || 'sb_…'</c> in a <c>pg_net</c> call, a webhook's header JSON).
    /// </summary>
    private static void AnalyzeSql(AdditionalFileContext context, FileSeverity severity)
    {
        if (!SqlFiles.IsSql(context.AdditionalFile.Path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var starts = SqlFiles.BearerValueStarts(text.ToString());
        if (starts.Count > 0)
        {
            TextFileKeys.Report(context, severity, key => key.IsNewFormat && starts.Contains(key.Start), _ => string.Empty);
        }
    }

    /// <summary>The symbols SBK002 matches, resolved once per compilation.</summary>
    private sealed class AnalyzerContext
    {
        private readonly INamedTypeSymbol? authenticationHeaderValue;
        private readonly INamedTypeSymbol? httpHeaders;
        private readonly INamedTypeSymbol? httpRequestHeaders;
        private readonly INamedTypeSymbol? genericDictionary;
        private readonly INamedTypeSymbol? dictionary;
        private readonly SupabaseModel sdk;
        private readonly ValueFlowResolver resolver;

        public AnalyzerContext(Compilation compilation, SupabaseModel sdk)
        {
            authenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            httpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
            httpRequestHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpRequestHeaders");
            genericDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
            dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
            this.sdk = sdk;
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
                ReportNewKey(context, creation.Arguments[1].Value, assignment.Syntax, BearerSink.AuthorizationProperty);
            }
        }

        public void AnalyzeInvocation(OperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "Add" or "TryAdd" or "TryAddWithoutValidation":
                    // Syntax first: most calls name another header with a literal. (A method's Parameters are a new array on each read.)
                    if (invocation.Arguments.Length != 2 || !HeaderSyntax.MayNameAuthorization(invocation.Syntax)
                        || method.Parameters is not { Length: 2 } parameters
                        || parameters[0].Type.SpecialType != SpecialType.System_String
                        || parameters[1].Type.SpecialType != SpecialType.System_String)
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

                    ReportNewKey(context, token.Value, token.Syntax, BearerSink.FunctionsToken);

                    return;
            }
        }

        /// <summary>Reports when <paramref name="value"/> is, on one of its branches, <c>Bearer &lt;new-format key&gt;</c>.</summary>
        private void ReportBearerValue(OperationContext context, IOperation value, SyntaxNode location, BearerSink sink)
        {
            if (SupabaseClients.BearerOperand(value, resolver, context.CancellationToken) is { } operand)
            {
                // "Bearer " + key, $"Bearer {key}": the key is an expression of its own.
                ReportNewKey(context, operand, location, sink);
            }
            else
            {
                ReportNewKey(context, value, location, sink, SupabaseHeaders.BearerCredential);
            }
        }

        /// <summary>
        /// Reports when a branch of <paramref name="value"/> always sends a new-format key: the value itself, or the
        /// credential <paramref name="credentialOf"/> reads from its text (after <c>Bearer</c>). A branch that sends one
        /// (<c>token ?? key</c>, <c>user is null ? key : user.Token</c>) is rejected whatever the other branches hold.
        /// Each branch must be known for certain (one value), so that a local or field that may hold something else when
        /// it is read is not reported.
        /// </summary>
        private void ReportNewKey(OperationContext context, IOperation value, SyntaxNode location, BearerSink sink, Func<string?, string?>? credentialOf = null)
        {
            var unwrapped = ValueFlowResolver.Unwrap(value)!;
            if (unwrapped is not (ICoalesceOperation or IConditionalOperation { WhenFalse: not null }))
            {
                // One branch, the usual value: no list of branches to build.
                ReportBranch(context, unwrapped, location, sink, credentialOf, fallback: false);
                return;
            }

            foreach (var branch in Branches(unwrapped))
            {
                if (ReportBranch(context, branch, location, sink, credentialOf, fallback: true))
                {
                    return;
                }
            }
        }

        /// <summary>Reports, and returns true, when <paramref name="branch"/> sends a new-format key.</summary>
        private bool ReportBranch(OperationContext context, IOperation branch, SyntaxNode location, BearerSink sink, Func<string?, string?>? credentialOf, bool fallback)
        {
            var text = resolver.Text(branch, context.CancellationToken);
            var credential = credentialOf is null ? text : credentialOf(text);
            if (KeyClassifier.ClassifyWhole(credential) is not { IsNewFormat: true } key)
            {
                return false;
            }

            Report(context, location, key, credential!, sink, fallback);
            return true;
        }

        /// <summary>The branches of <c>a ?? b</c> and <c>c ? a : b</c> written in the value itself (nested too); the value when it has none.</summary>
        private static List<IOperation> Branches(IOperation value)
        {
            var branches = new List<IOperation>();
            var pending = new Stack<IOperation>();
            pending.Push(value);
            while (pending.Count > 0)
            {
                switch (ValueFlowResolver.Unwrap(pending.Pop()))
                {
                    case ICoalesceOperation coalesce:
                        pending.Push(coalesce.WhenNull);
                        pending.Push(coalesce.Value);
                        break;
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                        pending.Push(whenFalse);
                        pending.Push(conditional.WhenTrue);
                        break;
                    case { } branch:
                        branches.Add(branch);
                        break;
                }
            }

            return branches;
        }

        private static void Report(OperationContext context, SyntaxNode node, KeyMatch key, string text, BearerSink sink, bool fallback)
        {
            var properties = SinkProperties[(int)sink];
            context.Report(Diagnostic.Create(
                RuleDescriptors.SBK002_NewKeyOnBearer,
                node.GetLocation(),
                fallback ? properties.Add(FallbackProperty, "true") : properties,
                key.Describe(text)));
        }

        private bool IsAuthorization(IOperation name, CancellationToken cancellationToken)
            => SupabaseHeaders.IsAuthorization(resolver.Text(name, cancellationToken));

        /// <summary>
        /// An <c>IDictionary&lt;string, string&gt;</c>: <c>Dictionary&lt;string, string&gt;</c> (the SDK's headers) is
        /// known by its own definition, without the list of every interface it implements.
        /// </summary>
        private bool IsStringDictionary(INamedTypeSymbol? type)
            => type is { IsGenericType: true } && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, dictionary)
                ? IsStringPair(type)
                : type.IsOrImplements(genericDictionary, IsStringPair);

        private static bool IsStringPair(INamedTypeSymbol type) => type.TypeArguments.All(t => t.SpecialType == SpecialType.System_String);
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
