using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK006 <c>SecretKeyClientKeepsSessions</c>: a client that holds a secret key configured to keep user sessions: a
/// <c>SessionHandler</c> other than <c>DefaultSupabaseSessionHandler</c> in the <c>SupabaseOptions</c> it is built with
/// (initializer or later assignment), or <c>SetPersistence(handler)</c> on its auth client.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretKeyClientKeepsSessionsAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: where the fix sets <c>AutoRefreshToken = false</c> (an <see cref="OptionsTarget"/> name).</summary>
    public const string OptionsTargetProperty = "OptionsTarget";

    /// <summary>Diagnostic property: the metadata name of the options type to create for <see cref="OptionsTarget.NewOptionsArgument"/>.</summary>
    public const string OptionsTypeProperty = "OptionsType";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK006_SecretKeyClientKeepsSessions);

    internal override void OnCompilationStart(CompilationStartAnalysisContext start, ProjectContext project)
    {
        if (SupabaseClients.For(start.Compilation) is { } clients)
        {
            if (clients.Client is not null && clients.Options is not null)
            {
                start.RegisterOperationBlockAction(c => AnalyzeBlock(c, clients));
            }

            if (clients.GotrueClientInterface is not null)
            {
                start.RegisterOperationAction(c => AnalyzeSetPersistence(c, clients), OperationKind.Invocation);
            }
        }
    }

    /// <summary>
    /// <c>new Supabase.Client(url, secret, options)</c> whose options set a <c>SessionHandler</c>. A block action: the
    /// assignment it reports can sit elsewhere in the body, and must lie in the code the action analyzed.
    /// </summary>
    private static void AnalyzeBlock(OperationBlockAnalysisContext context, SupabaseClients clients)
    {
        foreach (var block in context.OperationBlocks)
        {
            if (!RazorCode.ShouldAnalyze(block.Syntax.SyntaxTree, context.IsGeneratedCode))
            {
                continue;
            }

            foreach (var creation in block.DescendantsAndSelf().OfType<IObjectCreationOperation>())
            {
                if (!creation.Type.IsOrDerivesFrom(clients.Client) || SupabaseClients.Argument(creation.Arguments, 2) is not { } options)
                {
                    continue;
                }

                var writes = clients.OptionsWrites(options, context.CancellationToken)
                    .Where(w => w.Member == "SessionHandler" && w.Syntax.SyntaxTree == block.Syntax.SyntaxTree && block.Syntax.Span.Contains(w.Syntax.Span)
                                && !(ValueFlowResolver.Unwrap(w.Value)?.Type).IsOrDerivesFrom(clients.DefaultSessionHandler))
                    .ToList();
                if (writes.Count == 0 || clients.KeyOf(creation, context.CancellationToken) is not { IsSecret: true } key)
                {
                    continue;
                }

                var target = OptionsTargetOf(clients, options, creation.Syntax.SyntaxTree, context.CancellationToken);
                foreach (var write in writes)
                {
                    Report(context.ReportDiagnostic, write.Syntax, key, "This Supabase.Client", "its options set a SessionHandler that saves sessions", target);
                }
            }
        }
    }

    /// <summary><c>client.Auth.SetPersistence(handler)</c> or <c>gotrue.SetPersistence(handler)</c> on a secret-key client.</summary>
    private static void AnalyzeSetPersistence(OperationAnalysisContext context, SupabaseClients clients)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "SetPersistence" || !invocation.TargetMethod.ContainingType.IsOrImplements(clients.GotrueClientInterface)
            || !RazorCode.ShouldAnalyze(invocation.Syntax.SyntaxTree, context.IsGeneratedCode)
            || clients.KeyOf(invocation.Instance, context.CancellationToken) is not { IsSecret: true } key)
        {
            return;
        }

        var client = clients.Umbrella(invocation.Instance) ?? invocation.Instance;
        var creation = clients.Creations(client, context.CancellationToken).OfType<IObjectCreationOperation>().ToList();
        (OptionsTarget, Location)? target = null;
        string? optionsType = null;
        if (creation.Count == 1 && creation[0].Syntax.SyntaxTree == invocation.Syntax.SyntaxTree)
        {
            var isUmbrella = creation[0].Type.IsOrDerivesFrom(clients.Client);
            target = SupabaseClients.Argument(creation[0].Arguments, isUmbrella ? 2 : 0) is { } options
                ? OptionsTargetOf(clients, options, invocation.Syntax.SyntaxTree, context.CancellationToken)
                : (OptionsTarget.NewOptionsArgument, creation[0].Syntax.GetLocation());
            optionsType = isUmbrella ? "Supabase.SupabaseOptions" : "Supabase.Gotrue.ClientOptions";
        }

        Report(context.ReportDiagnostic, invocation.Syntax, key, clients.Describe(client), "SetPersistence saves every session", target, optionsType);
    }

    /// <summary>The options object creation in this file the fix adds <c>AutoRefreshToken = false</c> to, when there is one.</summary>
    private static (OptionsTarget, Location)? OptionsTargetOf(SupabaseClients clients, IOperation options, SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        var creations = clients.Creations(options, cancellationToken).ToList();
        return creations.Count == 1 && creations[0] is IObjectCreationOperation creation && creation.Syntax.SyntaxTree == tree
            ? (OptionsTarget.OptionsInitializer, creation.Syntax.GetLocation())
            : null;
    }

    private static void Report(System.Action<Diagnostic> report, SyntaxNode node, HeldKey key, string client, string what, (OptionsTarget Kind, Location Location)? target, string? optionsType = null)
    {
        var location = node.GetLocation();
        if (!RazorCode.IsReportable(location))
        {
            return;
        }

        var properties = target is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(OptionsTargetProperty, target.Value.Kind.ToString());
        if (optionsType is not null)
        {
            properties = properties.Add(OptionsTypeProperty, optionsType);
        }

        var additional = target is null ? null : new[] { target.Value.Location };
        report(Diagnostic.Create(RuleDescriptors.SBK006_SecretKeyClientKeepsSessions, location, additional, properties, client, key.Description, what));
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
