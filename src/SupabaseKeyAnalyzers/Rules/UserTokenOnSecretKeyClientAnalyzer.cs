using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK005 <c>UserTokenOnSecretKeyClient</c>: a user token (anything but a secret key) put on <c>Authorization</c> for a
/// client that holds a secret key: the options headers of <c>Supabase.Client</c>, <c>Gotrue.Client</c>,
/// <c>Postgrest.Client</c> and Functions' <c>InvokeFunctionOptions</c>; <c>client.Postgrest.Options.Headers</c>; a child
/// client's <c>GetHeaders</c>; <c>client.Realtime.SetAuth(jwt)</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserTokenOnSecretKeyClientAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: present when the additional location is the client's key argument (the publishable-key fix).</summary>
    public const string KeyArgumentProperty = "KeyArgument";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK005_UserTokenOnSecretKeyClient);

    internal override void OnCompilationStart(CompilationStartAnalysisContext start, ProjectContext project)
    {
        if (SupabaseClients.For(start.Compilation) is { } clients)
        {
            start.RegisterOperationBlockAction(c => AnalyzeBlock(c, clients));
            start.RegisterOperationAction(c => AnalyzeInvocation(c, clients), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, clients), OperationKind.SimpleAssignment);
        }
    }

    /// <summary>
    /// Options reaching <c>new Supabase.Client(url, key, options)</c>, <c>new Gotrue.Client(options)</c>,
    /// <c>new Postgrest.Client(url, options)</c> and Functions' <c>Invoke(…, options)</c>. A block action: the header
    /// writes it reports sit elsewhere in the same body (<c>options.Headers["Authorization"] = …</c>), and a diagnostic
    /// must lie in the code the action analyzed for the IDE to show it and its fixes.
    /// </summary>
    private static void AnalyzeBlock(OperationBlockAnalysisContext context, SupabaseClients clients)
    {
        foreach (var block in context.OperationBlocks)
        {
            if (!RazorCode.ShouldAnalyze(block.Syntax.SyntaxTree, context.IsGeneratedCode))
            {
                continue;
            }

            foreach (var operation in block.DescendantsAndSelf())
            {
                IOperation? options = null, client = null;
                string? name = null;
                switch (operation)
                {
                    case IObjectCreationOperation creation:
                        var ordinal = creation.Type.IsOrDerivesFrom(clients.Client) ? 2
                            : creation.Type.IsOrDerivesFrom(clients.GotrueClient) ? 0
                            : creation.Type.IsOrDerivesFrom(clients.PostgrestClient) ? 1
                            : -1;
                        options = ordinal < 0 ? null : SupabaseClients.Argument(creation.Arguments, ordinal);
                        client = creation;
                        name = "This " + creation.Type!.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Invoke" or "RawInvoke" } invoke when clients.IsFunctions(invoke.TargetMethod.ContainingType):
                        options = SupabaseClients.Argument(invoke.Arguments, 2);
                        client = invoke.Instance;
                        name = clients.Describe(invoke.Instance);
                        break;
                }

                if (options is null || clients.KeyOf(client, context.CancellationToken) is not { IsSecret: true } key)
                {
                    continue;
                }

                foreach (var write in clients.OptionsWrites(options, context.CancellationToken))
                {
                    if (write.Member == "Headers" && SupabaseVocabulary.IsAuthorization(write.Header) && block.Syntax.Span.Contains(write.Syntax.Span) && write.Syntax.SyntaxTree == block.Syntax.SyntaxTree
                        && IsUserToken(clients, write.Value, context.CancellationToken))
                    {
                        Report(context.ReportDiagnostic, write.Syntax, key, name!);
                    }
                }
            }
        }
    }

    /// <summary><c>client.Realtime.SetAuth(jwt)</c>; <c>client.Functions.Invoke(name, options: … Authorization …)</c>; <c>client.Postgrest.Options.Headers.Add("Authorization", …)</c>.</summary>
    private static void AnalyzeInvocation(OperationAnalysisContext context, SupabaseClients clients)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "SetAuth" when method.ContainingType.IsOrImplements(clients.RealtimeClientInterface) && invocation.Arguments.Length == 1:
                if (ShouldAnalyze(context, invocation) && clients.KeyOf(invocation.Instance, context.CancellationToken) is { IsSecret: true } key
                    && IsUserToken(clients, invocation.Arguments[0].Value, context.CancellationToken))
                {
                    Report(context.ReportDiagnostic, invocation.Syntax, key, clients.Describe(invocation.Instance));
                }

                break;

            case "Add" or "TryAdd" when invocation.Arguments.Length == 2 && PostgrestOptionsHeadersOwner(invocation.Instance, clients) is { } owner:
                if (ShouldAnalyze(context, invocation) && SupabaseVocabulary.IsAuthorization(clients.Resolver.Text(SupabaseClients.Argument(invocation.Arguments, 0), context.CancellationToken))
                    && clients.KeyOf(owner, context.CancellationToken) is { IsSecret: true } postgrestKey
                    && IsUserToken(clients, SupabaseClients.Argument(invocation.Arguments, 1)!, context.CancellationToken))
                {
                    Report(context.ReportDiagnostic, invocation.Syntax, postgrestKey, clients.Describe(owner));
                }

                break;
        }
    }

    /// <summary><c>client.Postgrest.Options.Headers["Authorization"] = …</c>; <c>child.GetHeaders = () => new() { ["Authorization"] = … }</c>.</summary>
    private static void AnalyzeAssignment(OperationAnalysisContext context, SupabaseClients clients)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        switch (assignment.Target)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when PostgrestOptionsHeadersOwner(indexer.Instance, clients) is { } owner:
                if (ShouldAnalyze(context, assignment) && SupabaseVocabulary.IsAuthorization(clients.Resolver.Text(indexer.Arguments[0].Value, context.CancellationToken))
                    && clients.KeyOf(owner, context.CancellationToken) is { IsSecret: true } key
                    && IsUserToken(clients, assignment.Value, context.CancellationToken))
                {
                    Report(context.ReportDiagnostic, assignment.Syntax, key, clients.Describe(owner));
                }

                break;

            case IPropertyReferenceOperation { Property.Name: "GetHeaders", Instance: { } child }
                when ValueFlowResolver.Unwrap(assignment.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation getHeaders }:
                if (!ShouldAnalyze(context, assignment) || clients.KeyOf(child, context.CancellationToken) is not { IsSecret: true } childKey)
                {
                    return;
                }

                // () => new Dictionary<string, string> { ["Authorization"] = … }
                foreach (var returned in ValueFlowResolver.ReturnedValues(getHeaders.Body))
                {
                    if (ValueFlowResolver.Unwrap(returned) is IObjectCreationOperation { Initializer: { } entries }
                        && entries.Initializers.Select(e => SupabaseClients.HeaderEntry(e, context.CancellationToken)).Any(w => w is { } write && SupabaseVocabulary.IsAuthorization(write.Header) && IsUserToken(clients, write.Value, context.CancellationToken)))
                    {
                        Report(context.ReportDiagnostic, assignment.Syntax, childKey, clients.Describe(child));
                        return;
                    }
                }

                break;
        }
    }

    private static void Report(System.Action<Diagnostic> report, SyntaxNode node, HeldKey key, string clientName)
    {
        var location = node.GetLocation();
        if (!RazorCode.IsReportable(location))
        {
            return;
        }

        // The publishable-key fix replaces the client's key argument when it sits in this file.
        var keyArgument = key.KeyArgument?.Syntax.SyntaxTree == node.SyntaxTree ? key.KeyArgument : null;
        var properties = keyArgument is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(KeyArgumentProperty, "true");
        var additional = keyArgument is null ? null : new[] { keyArgument.Syntax.GetLocation() };
        report(Diagnostic.Create(RuleDescriptors.SBK005_UserTokenOnSecretKeyClient, location, additional, properties, clientName, key.Description));
    }

    /// <summary>A user token: anything on Authorization that is not a secret key (the key itself, made explicit, is not).</summary>
    private static bool IsUserToken(SupabaseClients clients, IOperation value, CancellationToken cancellationToken)
        => !HeldKey.AllSecret(clients.Credential(value, cancellationToken));

    /// <summary>The client whose <c>Options.Headers</c> this is: <c>X</c> in <c>X.Options.Headers</c>, for a Postgrest client.</summary>
    private static IOperation? PostgrestOptionsHeadersOwner(IOperation? headers, SupabaseClients clients)
        => ValueFlowResolver.Unwrap(headers) is IPropertyReferenceOperation { Property.Name: "Headers", Instance: IPropertyReferenceOperation { Property.Name: "Options", Instance: { } owner } }
           && (owner.Type.IsOrDerivesFrom(clients.PostgrestClient) || SymbolEqualityComparer.Default.Equals(owner.Type, clients.PostgrestClientInterface))
            ? owner
            : null;

    private static bool ShouldAnalyze(OperationAnalysisContext context, IOperation operation)
        => RazorCode.ShouldAnalyze(operation.Syntax.SyntaxTree, context.IsGeneratedCode);
}
