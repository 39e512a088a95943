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
/// SBK006 <c>SecretKeyClientKeepsSessions</c>: a client that holds a secret key configured to keep user sessions: a
/// <c>SessionHandler</c> other than <c>DefaultSupabaseSessionHandler</c> in the <c>SupabaseOptions</c> it is built with
/// (initializer or later assignment), or <c>SetPersistence(handler)</c> on its auth client. Every other assignment and
/// call is ruled out by the name of the member it writes or calls (<see cref="Gate"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretKeyClientKeepsSessionsAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: where the fix sets <c>AutoRefreshToken = false</c> (an <see cref="OptionsTarget"/> name).</summary>
    public const string OptionsTargetProperty = "OptionsTarget";

    /// <summary>Diagnostic property: the metadata name of the options type to create for <see cref="OptionsTarget.NewOptionsArgument"/>.</summary>
    public const string OptionsTypeProperty = "OptionsType";

    private static readonly NameGate Gate = NameGate.StartingWith(SdkMembers.SessionHandler, SdkMembers.SetPersistence);

    /// <summary>The properties of a finding with each <see cref="OptionsTarget"/>, by its value: built once, not per finding.</summary>
    private static readonly ImmutableArray<ImmutableDictionary<string, string?>> TargetProperties = DiagnosticProperties.PerValue<OptionsTarget>(OptionsTargetProperty);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK006_SecretKeyClientKeepsSessions);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        if (start.Clients is { } clients)
        {
            if (clients.Sdk.Client is not null && clients.Sdk.Options is not null)
            {
                start.RegisterOperationAction(c => AnalyzeAssignment(c, clients), Gate, OperationKind.SimpleAssignment);
            }

            if (clients.Sdk.GotrueClientInterface is not null)
            {
                start.RegisterOperationAction(c => AnalyzeSetPersistence(c, clients), Gate, OperationKind.Invocation);
            }
        }
    }

    /// <summary>
    /// <c>SessionHandler = …</c>, in an options initializer or through the local or field holding the options: reported
    /// when those are the options of a <c>Supabase.Client</c> built in the same body with a secret key, from the
    /// assignment's own action (so that the IDE shows it and its fix when it analyzes the assignment's line).
    /// </summary>
    private static void AnalyzeAssignment(OperationContext context, SupabaseClients clients)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IMemberReferenceOperation { Member.Name: SdkMembers.SessionHandler }
            || clients.Sdk.IsDefaultSessionHandler(ValueFlowResolver.Unwrap(assignment.Value)?.Type))
        {
            return;
        }

        foreach (var (client, options) in clients.ClientsWithOptionsIn(assignment.Root()))
        {
            if (client is IObjectCreationOperation creation && creation.Type.IsOrDerivesFrom(clients.Sdk.Client)
                && clients.WritesOptionsAt(options, SdkMembers.SessionHandler, assignment.Syntax, context.CancellationToken)
                && clients.KeyOf(creation, context.CancellationToken) is { IsSecret: true } key)
            {
                var target = OptionsTargetOf(clients, options, creation.Syntax.SyntaxTree, context.CancellationToken);
                Report(context.Report, assignment.Syntax, key, "This Supabase.Client", "its options set a SessionHandler that saves sessions", target);
            }
        }
    }

    /// <summary><c>client.Auth.SetPersistence(handler)</c> or <c>gotrue.SetPersistence(handler)</c> on a secret-key client.</summary>
    private static void AnalyzeSetPersistence(OperationContext context, SupabaseClients clients)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!clients.Sdk.IsSetPersistence(invocation) || clients.KeyOf(invocation.Instance, context.CancellationToken) is not { IsSecret: true } key)
        {
            return;
        }

        var client = clients.Sdk.Umbrella(invocation.Instance) ?? invocation.Instance;
        var creation = clients.Creations(client, context.CancellationToken).OfType<IObjectCreationOperation>().ToList();
        (OptionsTarget, Location)? target = null;
        string? optionsType = null;
        if (creation.Count == 1 && creation[0].Syntax.SyntaxTree == invocation.Syntax.SyntaxTree && clients.Sdk.Construction(creation[0]) is { } construction)
        {
            target = construction.Options is { } options
                ? OptionsTargetOf(clients, options, invocation.Syntax.SyntaxTree, context.CancellationToken)
                : (OptionsTarget.NewOptionsArgument, creation[0].Syntax.GetLocation());
            optionsType = construction.OptionsTypeName;
        }

        Report(context.Report, invocation.Syntax, key, clients.Describe(client), "SetPersistence saves every session", target, optionsType);
    }

    /// <summary>The options object creation in this file the fix adds <c>AutoRefreshToken = false</c> to, when there is one.</summary>
    private static (OptionsTarget, Location)? OptionsTargetOf(SupabaseClients clients, IOperation options, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var creations = clients.Creations(options, cancellationToken).ToList();
        return creations.Count == 1 && creations[0] is IObjectCreationOperation creation && creation.Syntax.SyntaxTree == tree
            ? (OptionsTarget.OptionsInitializer, creation.Syntax.GetLocation())
            : null;
    }

    private static void Report(System.Action<Diagnostic> report, SyntaxNode node, HeldKey key, string client, string what, (OptionsTarget Kind, Location Location)? target, string? optionsType = null)
    {
        var properties = target is null ? ImmutableDictionary<string, string?>.Empty : TargetProperties[(int)target.Value.Kind];
        if (optionsType is not null)
        {
            properties = properties.Add(OptionsTypeProperty, optionsType);
        }

        var additional = target is null ? null : new[] { target.Value.Location };
        report(Diagnostic.Create(RuleDescriptors.SBK006_SecretKeyClientKeepsSessions, node.GetLocation(), additional, properties, client, key.Description, what));
    }
}

/// <summary>Where <c>SecretKeyClientKeepsSessionsFixer</c> turns token refresh off.</summary>
public enum OptionsTarget
{
    /// <summary>The additional location is <c>new SupabaseOptions { … }</c> (or Gotrue's <c>ClientOptions</c>): add <c>AutoRefreshToken = false</c>.</summary>
    OptionsInitializer,

    /// <summary>The additional location is the client's creation, which passes no options: add <c>new SupabaseOptions { AutoRefreshToken = false }</c>.</summary>
    NewOptionsArgument,
}
