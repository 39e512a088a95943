using System.Collections.Concurrent;
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
/// SBK005 <c>UserTokenOnSecretKeyClient</c>: a user token (anything but a secret key) put on <c>Authorization</c> for a
/// client that holds a secret key: the options headers of <c>Supabase.Client</c>, <c>Gotrue.Client</c>,
/// <c>Postgrest.Client</c> and Functions' <c>InvokeFunctionOptions</c>; <c>client.Postgrest.Options.Headers</c>; a child
/// client's <c>GetHeaders</c>; <c>client.Realtime.SetAuth(jwt)</c>. Every one of them names <c>Headers</c> or
/// <c>SetAuth</c>, so trees that name neither are never looked at (<see cref="Gate"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserTokenOnSecretKeyClientAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: present when the additional location is the client's key argument (the publishable-key fix).</summary>
    public const string KeyArgumentProperty = "KeyArgument";

    private static readonly TreeGate Gate = TreeGate.AnyOf(SdkMembers.Headers, SdkMembers.GetHeaders, SdkMembers.SetAuth);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK005_UserTokenOnSecretKeyClient);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        if (SupabaseClients.For(start.Compilation) is { } clients)
        {
            start.RegisterOperationBlockStartAction(block => AnalyzeBlock(block, clients), Gate);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, clients), Gate, OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, clients), Gate, OperationKind.SimpleAssignment);
        }
    }

    /// <summary>
    /// The options reaching <c>new Supabase.Client(url, key, options)</c>, <c>new Gotrue.Client(options)</c>,
    /// <c>new Postgrest.Client(url, options)</c> and Functions' <c>Invoke(…, options)</c>: collected as the driver meets
    /// them and judged at the block's end, where the header writes in the same block are reported
    /// (<see cref="SupabaseCompilationStart.RegisterOperationBlockStartAction"/>).
    /// </summary>
    private static void AnalyzeBlock(OperationBlockContext block, SupabaseClients clients)
    {
        var clientsWithOptions = new ConcurrentQueue<(IOperation Client, IOperation Options, string Name)>();
        block.RegisterOperationAction(
            operation =>
            {
                if (operation is IObjectCreationOperation creation && clients.Sdk.Construction(creation) is { Options: { } options })
                {
                    clientsWithOptions.Enqueue((creation, options, "This " + creation.Type!.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
                }
                else if (operation is IInvocationOperation invocation && clients.Sdk.IsFunctionsInvoke(invocation)
                         && SupabaseModel.Argument(invocation.Arguments, SupabaseModel.InvokeOptionsOrdinal) is { } invokeOptions)
                {
                    clientsWithOptions.Enqueue((invocation.Instance!, invokeOptions, clients.Describe(invocation.Instance)));
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
        block.RegisterEndAction((report, cancellationToken) =>
        {
            foreach (var (client, options, name) in clientsWithOptions)
            {
                AnalyzeOptions(clients, client, options, name, report, cancellationToken);
            }
        });
    }

    /// <summary>
    /// The <c>Authorization</c> header writes of the options a client is built with. Only writes in the same body as
    /// the client's construction are reported (<c>options.Headers["Authorization"] = …</c> a few lines above it): the
    /// IDE analyzes a body at a time and shows a diagnostic (and its fixes) only in the code it analyzed.
    /// </summary>
    private static void AnalyzeOptions(SupabaseClients clients, IOperation client, IOperation options, string name, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var body = client.Root().Syntax;
        var writes = clients.OptionsWrites(options, cancellationToken)
            .Where(w => w.Member == SdkMembers.Headers && SupabaseHeaders.IsAuthorization(w.Header) && w.Syntax.SyntaxTree == body.SyntaxTree && body.Span.Contains(w.Syntax.Span))
            .ToList();
        if (writes.Count == 0 || clients.KeyOf(client, cancellationToken) is not { IsSecret: true } key)
        {
            return;
        }

        foreach (var write in writes)
        {
            if (IsUserToken(clients, write.Value, cancellationToken))
            {
                Report(report, write.Syntax, key, name);
            }
        }
    }

    /// <summary><c>client.Realtime.SetAuth(jwt)</c>; <c>client.Functions.Invoke(name, options: … Authorization …)</c>; <c>client.Postgrest.Options.Headers.Add("Authorization", …)</c>.</summary>
    private static void AnalyzeInvocation(OperationContext context, SupabaseClients clients)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (clients.Sdk.IsRealtimeSetAuth(invocation))
        {
            if (clients.KeyOf(invocation.Instance, context.CancellationToken) is { IsSecret: true } key
                && IsUserToken(clients, invocation.Arguments[0].Value, context.CancellationToken))
            {
                Report(context.Report, invocation.Syntax, key, clients.Describe(invocation.Instance));
            }
        }
        else if (method.Name is "Add" or "TryAdd" && invocation.Arguments.Length == 2 && PostgrestOptionsHeadersOwner(invocation.Instance, clients) is { } owner)
        {
            if (SupabaseHeaders.IsAuthorization(clients.Resolver.Text(SupabaseModel.Argument(invocation.Arguments, 0), context.CancellationToken))
                && clients.KeyOf(owner, context.CancellationToken) is { IsSecret: true } postgrestKey
                && IsUserToken(clients, SupabaseModel.Argument(invocation.Arguments, 1)!, context.CancellationToken))
            {
                Report(context.Report, invocation.Syntax, postgrestKey, clients.Describe(owner));
            }
        }
    }

    /// <summary><c>client.Postgrest.Options.Headers["Authorization"] = …</c>; <c>child.GetHeaders = () => new() { ["Authorization"] = … }</c>.</summary>
    private static void AnalyzeAssignment(OperationContext context, SupabaseClients clients)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        switch (assignment.Target)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when PostgrestOptionsHeadersOwner(indexer.Instance, clients) is { } owner:
                if (SupabaseHeaders.IsAuthorization(clients.Resolver.Text(indexer.Arguments[0].Value, context.CancellationToken))
                    && clients.KeyOf(owner, context.CancellationToken) is { IsSecret: true } key
                    && IsUserToken(clients, assignment.Value, context.CancellationToken))
                {
                    Report(context.Report, assignment.Syntax, key, clients.Describe(owner));
                }

                break;

            case IPropertyReferenceOperation { Property.Name: SdkMembers.GetHeaders, Instance: { } child }
                when ValueFlowResolver.Unwrap(assignment.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation getHeaders }:
                if (clients.KeyOf(child, context.CancellationToken) is not { IsSecret: true } childKey)
                {
                    return;
                }

                // () => new Dictionary<string, string> { ["Authorization"] = … }
                foreach (var returned in ValueFlowResolver.ReturnedValues(getHeaders.Body))
                {
                    if (ValueFlowResolver.Unwrap(returned) is IObjectCreationOperation { Initializer: { } entries }
                        && entries.Initializers.Select(e => clients.HeaderEntry(e, context.CancellationToken)).Any(w => w is { } write && SupabaseHeaders.IsAuthorization(write.Header) && IsUserToken(clients, write.Value, context.CancellationToken)))
                    {
                        Report(context.Report, assignment.Syntax, childKey, clients.Describe(child));
                        return;
                    }
                }

                break;
        }
    }

    private static void Report(System.Action<Diagnostic> report, SyntaxNode node, HeldKey key, string clientName)
    {
        // The publishable-key fix replaces the client's key argument when it sits in this file.
        var keyArgument = key.KeyArgument?.Syntax.SyntaxTree == node.SyntaxTree ? key.KeyArgument : null;
        var properties = keyArgument is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(KeyArgumentProperty, "true");
        var additional = keyArgument is null ? null : new[] { keyArgument.Syntax.GetLocation() };
        report(Diagnostic.Create(RuleDescriptors.SBK005_UserTokenOnSecretKeyClient, node.GetLocation(), additional, properties, clientName, key.Description));
    }

    /// <summary>A user token: anything on Authorization that is not a secret key (the key itself, made explicit, is not).</summary>
    private static bool IsUserToken(SupabaseClients clients, IOperation value, CancellationToken cancellationToken)
        => !HeldKey.AllSecret(clients.Credential(value, cancellationToken));

    /// <summary>The client whose <c>Options.Headers</c> this is: <c>X</c> in <c>X.Options.Headers</c>, for a Postgrest client.</summary>
    private static IOperation? PostgrestOptionsHeadersOwner(IOperation? headers, SupabaseClients clients)
        => ValueFlowResolver.Unwrap(headers) is IPropertyReferenceOperation { Property.Name: SdkMembers.Headers, Instance: IPropertyReferenceOperation { Property.Name: SdkMembers.Options, Instance: { } owner } }
           && clients.Sdk.IsPostgrest(owner.Type)
            ? owner
            : null;
}
