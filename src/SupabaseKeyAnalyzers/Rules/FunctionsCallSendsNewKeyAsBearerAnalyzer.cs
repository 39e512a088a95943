using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.SupabaseSdk;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK009 <c>FunctionsCallSendsNewKeyAsBearer</c>: <c>Invoke</c>, <c>Invoke&lt;T&gt;</c> or <c>RawInvoke</c> on a
/// client's <c>Functions</c> (or on <c>StatelessClient.Functions(url, key)</c>) with no token, when every source of the
/// client's key is a new-format key (<see cref="HeldKey.IsNewFormat"/>) and the referenced <c>Supabase.Functions</c> is
/// older than the release that stops sending the key as a Bearer token
/// (<see cref="SupabaseModel.FunctionsSendingKeyAsBearer"/>): the SDK then sends the key as
/// <c>Authorization: Bearer</c>, which a function that verifies JWTs rejects. Nothing is registered on a newer SDK.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FunctionsCallSendsNewKeyAsBearerAnalyzer : SupabaseAnalyzer
{
    /// <summary>Every Functions call this rule matches names <c>Invoke</c> or <c>RawInvoke</c>.</summary>
    internal static readonly NameGate Gate = NameGate.StartingWith(SdkMembers.Invoke, SdkMembers.RawInvoke);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK009_FunctionsCallSendsNewKeyAsBearer);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        if (start.Clients is { } clients && clients.Sdk.FunctionsSendingKeyAsBearer is { } version)
        {
            var versionText = version.ToString(3);
            start.RegisterOperationAction(c => Analyze(c, clients, versionText), Gate, OperationKind.Invocation);
        }
    }

    private static void Analyze(OperationContext context, SupabaseClients clients, string version)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!clients.Sdk.IsFunctionsInvoke(invocation)
            || SupabaseModel.Argument(invocation.Arguments, SupabaseModel.InvokeTokenOrdinal) is { ConstantValue: not { HasValue: true, Value: null } }
            || clients.KeyOf(invocation.Instance, context.CancellationToken) is not { IsNewFormat: true } key)
        {
            // A token is passed (a user's: it goes on Authorization), or the key is legacy, mixed or unknown.
            return;
        }

        context.Report(Diagnostic.Create(
            RuleDescriptors.SBK009_FunctionsCallSendsNewKeyAsBearer,
            invocation.Syntax.GetLocation(),
            version,
            key.Description,
            SupabaseModel.FunctionsStopsSendingNewKeyAsBearer.ToString(3)));
    }
}
