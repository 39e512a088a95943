using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
/// client's <c>GetHeaders</c>; <c>client.Realtime.SetAuth(jwt)</c>. Every other call and assignment is ruled out by
/// the name of the method it calls or the member it writes (<see cref="CallGate"/>, <see cref="WriteGate"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserTokenOnSecretKeyClientAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: present when the additional location is the client's key argument (the publishable-key fix).</summary>
    public const string KeyArgumentProperty = "KeyArgument";

    /// <summary>The calls this rule matches: <c>SetAuth</c>, and a header dictionary's <c>Add</c> or <c>TryAdd</c> (a collection initializer's entries too).</summary>
    internal static readonly NameGate CallGate = NameGate.StartingWith(SdkMembers.SetAuth).OrOnDictionaries("Add", "TryAdd");

    /// <summary>The writes this rule matches: <c>GetHeaders</c>, and a header dictionary's entry (<c>["Authorization"] = …</c>, its indexer).</summary>
    private static readonly NameGate WriteGate = NameGate.StartingWith(SdkMembers.GetHeaders).OrOnDictionaries(WellKnownMemberNames.Indexer);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK005_UserTokenOnSecretKeyClient);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        if (start.Clients is { } clients)
        {
            start.RegisterOperationAction(c => AnalyzeInvocation(c, clients), CallGate, OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, clients), WriteGate, OperationKind.SimpleAssignment);
        }
    }

    /// <summary>
    /// A write of an <c>Authorization</c> header (<c>["Authorization"] = …</c> in an initializer,
    /// <c>options.Headers["Authorization"] = …</c>, <c>.Add("Authorization", …)</c>): reported when it is a write to
    /// the options of a client built (or a Functions call made) in the same body, as
    /// <see cref="SupabaseClients.ClientsWithOptionsIn"/> finds them. Reported from the write's own action, so that the
    /// IDE shows it and its fixes when it analyzes the write's line.
    /// </summary>
    private static void AnalyzeHeaderWrite(OperationContext context, SupabaseClients clients, IOperation write)
    {
        if (clients.HeaderEntry(write, context.CancellationToken) is not { } entry || !SupabaseHeaders.IsAuthorization(entry.Header))
        {
            return;
        }

        var userToken = (bool?)null;
        foreach (var (client, options) in clients.ClientsWithOptionsIn(write.Root()))
        {
            if (!clients.WritesOptionsAt(options, SdkMembers.Headers, write.Syntax, context.CancellationToken)
                || clients.KeyOf(client, context.CancellationToken) is not { IsSecret: true } key)
            {
                continue;
            }

            userToken ??= IsUserToken(clients, entry.Value, context.CancellationToken);
            if (userToken == true)
            {
                var name = client is IObjectCreationOperation creation ? "This " + clients.TypeName(creation.Type!) : clients.Describe(client);
                Report(context.Report, write.Syntax, key, name);
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
        else if (method.Name is "Add" or "TryAdd" && HeaderSyntax.MayNameAuthorization(invocation.Syntax) && invocation.Arguments.Length == 2)
        {
            if (PostgrestOptionsHeadersOwner(invocation.Instance, clients) is not { } owner)
            {
                AnalyzeHeaderWrite(context, clients, invocation);
            }
            else if (SupabaseHeaders.IsAuthorization(clients.Resolver.Text(SupabaseModel.Argument(invocation.Arguments, 0), context.CancellationToken))
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
        if (!HeaderSyntax.MayAssignAuthorizationEntry(assignment.Syntax)
            && assignment.Syntax is not AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: SdkMembers.GetHeaders } or IdentifierNameSyntax { Identifier.ValueText: SdkMembers.GetHeaders } })
        {
            // Syntax first: neither an Authorization entry nor GetHeaders. (Not the operation's ConstantValue: for a
            // string, Roslyn realizes it behind a new WeakReference on first read.)
            return;
        }

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

            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 }:
                AnalyzeHeaderWrite(context, clients, assignment);
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
                    if (ValueFlowResolver.Unwrap(returned) is IObjectCreationOperation { Initializer: { } entries } && PutsUserTokenOnAuthorization(clients, entries, context.CancellationToken))
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

    /// <summary>True when one of the header entries is an <c>Authorization</c> entry holding a user token.</summary>
    private static bool PutsUserTokenOnAuthorization(SupabaseClients clients, IObjectOrCollectionInitializerOperation entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries.Initializers)
        {
            if (clients.HeaderEntry(entry, cancellationToken) is { } write && SupabaseHeaders.IsAuthorization(write.Header) && IsUserToken(clients, write.Value, cancellationToken))
            {
                return true;
            }
        }

        return false;
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
