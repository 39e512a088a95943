using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Resolution;

namespace SupabaseKeyAnalyzers.ValueFlow;

/// <summary>A write to an options object: <c>Headers["apikey"] = …</c>, <c>Headers.Add(…)</c>, <c>SessionHandler = …</c>.</summary>
internal readonly struct OptionsWrite
{
    public OptionsWrite(string member, string? header, IOperation value, SyntaxNode syntax)
    {
        Member = member;
        Header = header;
        Value = value;
        Syntax = syntax;
    }

    /// <summary>The options member written: <c>Headers</c> for a header entry, else the property's name.</summary>
    public string Member { get; }

    /// <summary>For a header entry: the header's name.</summary>
    public string? Header { get; }

    public IOperation Value { get; }

    /// <summary>The whole write: the assignment, the <c>Add</c> call or the initializer entry.</summary>
    public SyntaxNode Syntax { get; }
}

/// <summary>
/// The Supabase client types of a compilation (matched by metadata name; null when the compilation has none) and the
/// question every client rule asks: which key does this client hold? Every constructor that takes a key is understood:
/// <c>Supabase.Client(url, key, options)</c>, <c>Gotrue.Client(options)</c> (options headers <c>apikey</c> and
/// <c>Authorization</c>), <c>Gotrue.AdminClient(serviceKey, options)</c>, <c>Postgrest.Client(url, options)</c>,
/// <c>Functions.Client(url)</c> with its <c>GetHeaders</c>, and <c>StatelessClient.*</c>. Key arguments are matched by
/// the constructor's parameter position, not by name.
/// </summary>
internal sealed class SupabaseClients
{
    private const string Headers = "Headers";

    private static readonly ConditionalWeakTable<Compilation, SupabaseClients?> Cache = new();

    private SupabaseClients(Compilation compilation)
    {
        Resolver = ValueFlowResolver.For(compilation);
        Client = compilation.GetTypeByMetadataName("Supabase.Client");
        ClientInterface = compilation.GetTypeByMetadataName("Supabase.Interfaces.ISupabaseClient`6");
        Options = compilation.GetTypeByMetadataName("Supabase.SupabaseOptions");
        DefaultSessionHandler = compilation.GetTypeByMetadataName("Supabase.DefaultSupabaseSessionHandler");
        GotrueClient = compilation.GetTypeByMetadataName("Supabase.Gotrue.Client");
        GotrueAdminClient = compilation.GetTypeByMetadataName("Supabase.Gotrue.AdminClient");
        GotrueClientInterface = compilation.GetTypeByMetadataName("Supabase.Gotrue.Interfaces.IGotrueClient`2");
        PostgrestClient = compilation.GetTypeByMetadataName("Supabase.Postgrest.Client");
        FunctionsClient = compilation.GetTypeByMetadataName("Supabase.Functions.Client");
        RealtimeClientInterface = compilation.GetTypeByMetadataName("Supabase.Realtime.Interfaces.IRealtimeClient`2");
        PostgrestClientInterface = compilation.GetTypeByMetadataName("Supabase.Postgrest.Interfaces.IPostgrestClient");
        FunctionsClientInterface = compilation.GetTypeByMetadataName("Supabase.Functions.Interfaces.IFunctionsClient");
    }

    public ValueFlowResolver Resolver { get; }

    public INamedTypeSymbol? Client { get; }

    public INamedTypeSymbol? ClientInterface { get; }

    public INamedTypeSymbol? Options { get; }

    public INamedTypeSymbol? DefaultSessionHandler { get; }

    public INamedTypeSymbol? GotrueClient { get; }

    public INamedTypeSymbol? GotrueAdminClient { get; }

    public INamedTypeSymbol? GotrueClientInterface { get; }

    public INamedTypeSymbol? PostgrestClient { get; }

    public INamedTypeSymbol? FunctionsClient { get; }

    public INamedTypeSymbol? RealtimeClientInterface { get; }

    public INamedTypeSymbol? PostgrestClientInterface { get; }

    public INamedTypeSymbol? FunctionsClientInterface { get; }

    /// <summary>The compilation's Supabase clients, or null when it references none (rules then register nothing).</summary>
    public static SupabaseClients? For(Compilation compilation) => Cache.GetValue(compilation, c =>
    {
        var clients = new SupabaseClients(c);
        return clients.Client is null && clients.GotrueClient is null && clients.PostgrestClient is null && clients.FunctionsClient is null ? null : clients;
    });

    /// <summary>
    /// The key the client <paramref name="client"/> evaluates to holds. A child client reached through the umbrella
    /// client (<c>client.Auth</c>, <c>client.Postgrest</c>…) holds the umbrella client's key.
    /// </summary>
    public HeldKey KeyOf(IOperation? client, CancellationToken cancellationToken)
    {
        var values = Resolver.Values(Umbrella(client) ?? client, cancellationToken);
        var sources = ImmutableArray.CreateBuilder<KeySource>();
        IOperation? keyArgument = null;
        foreach (var value in values)
        {
            if (value.Kind != FlowValueKind.Object || KeyOfObject(value.Operation!, cancellationToken) is not { } key)
            {
                return HeldKey.Unknown;
            }

            sources.AddRange(key.Sources);
            keyArgument = values.Length == 1 ? key.KeyArgument : null;
        }

        return new HeldKey(sources.ToImmutable(), keyArgument);
    }

    /// <summary>
    /// <c>client</c> for a child client reached through it (<c>client.Auth</c>, <c>.Postgrest</c>, <c>.Functions</c>,
    /// <c>.Realtime</c>, <c>.Storage</c>) where <c>client</c> is a <c>Supabase.Client</c> or its interface (what
    /// <c>InitializeAsync()</c> returns); null for anything else.
    /// </summary>
    public IOperation? Umbrella(IOperation? child)
        => ValueFlowResolver.Unwrap(child) is IPropertyReferenceOperation { Property.Name: "Auth" or "Postgrest" or "Functions" or "Realtime" or "Storage", Instance: { } umbrella }
           && (umbrella.Type.IsOrDerivesFrom(Client) || (umbrella.Type as INamedTypeSymbol).IsOrImplements(ClientInterface))
            ? umbrella
            : null;

    /// <summary>The client for a message, at most 40 characters: <c>'admin'</c> for <c>admin.Realtime</c>.</summary>
    public string Describe(IOperation? client)
    {
        var text = (Umbrella(client) ?? client)?.Syntax.ToString() ?? "client";
        return "'" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "'";
    }

    /// <summary>The Functions client or its interface (<c>Invoke</c> sends its <c>token</c> as a Bearer token).</summary>
    public bool IsFunctions(INamedTypeSymbol? type)
        => type.IsOrDerivesFrom(FunctionsClient) || SymbolEqualityComparer.Default.Equals(type, FunctionsClientInterface);

    /// <summary>The objects <paramref name="client"/> can be, for rules that look at how a client was built.</summary>
    public IEnumerable<IOperation> Creations(IOperation? client, CancellationToken cancellationToken)
        => Resolver.Values(client, cancellationToken).Where(v => v.Kind == FlowValueKind.Object).Select(v => v.Operation!);

    private HeldKey? KeyOfObject(IOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IObjectCreationOperation { Constructor: { } constructor } creation when creation.Type.IsOrDerivesFrom(Client):
            {
                // Supabase.Client(string supabaseUrl, string? supabaseKey, SupabaseOptions? options): by position.
                if (constructor.Parameters.Length < 2 || constructor.Parameters[1].Type.SpecialType != SpecialType.System_String)
                {
                    return null;
                }

                var key = Argument(creation.Arguments, 1);
                var values = Resolver.Values(key, cancellationToken);
                var headers = HeaderCredentials(Argument(creation.Arguments, 2), SupabaseVocabulary.ApiKeyHeader, cancellationToken);
                return Held(values.AddRange(headers), key);
            }

            case IObjectCreationOperation creation when creation.Type.IsOrDerivesFrom(GotrueClient):
                return Held(HeaderCredentials(Argument(creation.Arguments, 0), null, cancellationToken), null);

            case IObjectCreationOperation creation when creation.Type.IsOrDerivesFrom(PostgrestClient):
                return Held(HeaderCredentials(Argument(creation.Arguments, 1), null, cancellationToken), null);

            case IObjectCreationOperation creation when creation.Type.IsOrDerivesFrom(GotrueAdminClient):
            {
                var key = Argument(creation.Arguments, 0);
                return Held(Resolver.Values(key, cancellationToken), key);
            }

            case IInvocationOperation { TargetMethod.Name: "Functions" } invocation:
            {
                // StatelessClient.Functions(string supabaseUrl, string supabaseKey, SupabaseOptions? options).
                var key = Argument(invocation.Arguments, 1);
                return Held(Resolver.Values(key, cancellationToken), key);
            }

            default:
                return null;
        }
    }

    private static HeldKey Held(ImmutableArray<FlowValue> values, IOperation? keyArgument)
        => new(values.Select(KeySource.From).ToImmutableArray(), keyArgument);

    /// <summary>The argument for the parameter at <paramref name="ordinal"/>, when the call passes one.</summary>
    public static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        => arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal && a.ArgumentKind != ArgumentKind.DefaultValue)?.Value;

    /// <summary>
    /// The credentials an options object's headers carry: the values of <paramref name="header"/> (without
    /// <c>Bearer</c>); when null, the <c>apikey</c> values, or the <c>Authorization</c> ones when there is no <c>apikey</c>.
    /// <c>StatelessClient.GetAuthOptions(url, key)</c> and <c>GetRestOptions(key)</c> carry their key as <c>apikey</c>.
    /// </summary>
    private ImmutableArray<FlowValue> HeaderCredentials(IOperation? options, string? header, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            return ImmutableArray<FlowValue>.Empty;
        }

        // Read the options once; then pick the header(s) asked for.
        var statelessKeys = ImmutableArray<FlowValue>.Empty;
        foreach (var value in Resolver.Values(options, cancellationToken))
        {
            if (value.Operation is IInvocationOperation { TargetMethod.Name: "GetAuthOptions" or "GetRestOptions" } stateless)
            {
                var ordinal = stateless.TargetMethod.Name == "GetAuthOptions" ? 1 : 0;
                statelessKeys = statelessKeys.AddRange(Resolver.Values(Argument(stateless.Arguments, ordinal), cancellationToken));
            }
        }

        var headerWrites = OptionsWrites(options, cancellationToken).Where(w => w.Member == Headers).ToList();
        ImmutableArray<FlowValue> Of(string name)
        {
            var results = SupabaseVocabulary.IsApiKey(name) ? statelessKeys : ImmutableArray<FlowValue>.Empty;
            foreach (var write in headerWrites)
            {
                if (string.Equals(write.Header, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    results = results.AddRange(Credential(write.Value, cancellationToken));
                }
            }

            return results;
        }

        if (header is not null)
        {
            return Of(header);
        }

        var apiKey = Of(SupabaseVocabulary.ApiKeyHeader);
        return apiKey.IsEmpty ? Of(SupabaseVocabulary.AuthorizationHeader) : apiKey;
    }

    /// <summary>
    /// The values of a header value without the <c>Bearer </c> scheme: <c>"Bearer " + key</c> and <c>$"Bearer {key}"</c>
    /// are what <c>key</c> holds.
    /// </summary>
    public ImmutableArray<FlowValue> Credential(IOperation value, CancellationToken cancellationToken)
    {
        var unwrapped = ValueFlowResolver.Unwrap(value);
        IOperation? credential = unwrapped switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when SupabaseVocabulary.IsBearerPrefix(Resolver.Text(binary.LeftOperand, cancellationToken)) => binary.RightOperand,
            IInterpolatedStringOperation { Parts: { Length: 2 } parts }
                when parts[0] is IInterpolatedStringTextOperation prefix && SupabaseVocabulary.IsBearerPrefix(prefix.Text.ConstantValue.Value as string)
                     && parts[1] is IInterpolationOperation { Alignment: null, FormatString: null } hole => hole.Expression,
            _ => null,
        };
        if (credential is not null)
        {
            return Resolver.Values(credential, cancellationToken);
        }

        return Resolver.Values(value, cancellationToken)
            .Select(v => v.Kind == FlowValueKind.Text && SupabaseVocabulary.BearerCredential(v.Text) is { } token ? FlowValue.FromText(token, v.FormedAt) : v)
            .ToImmutableArray();
    }

    /// <summary>
    /// Every write to the options object <paramref name="options"/> evaluates to: its object initializer
    /// (<c>Headers = { ["apikey"] = … }</c>, <c>Headers = new Dictionary&lt;string, string&gt; { … }</c>,
    /// <c>SessionHandler = …</c>), and later writes through the local or field that holds it
    /// (<c>options.Headers["apikey"] = …</c>, <c>options.Headers.Add(…)</c>, <c>options.SessionHandler = …</c>) in the
    /// local's body or the field's type.
    /// </summary>
    public IEnumerable<OptionsWrite> OptionsWrites(IOperation? options, CancellationToken cancellationToken)
    {
        var writes = new List<OptionsWrite>();
        foreach (var value in Resolver.Values(options, cancellationToken))
        {
            if (value.Operation is IObjectCreationOperation { Initializer: { } initializer })
            {
                CollectInitializer(initializer, writes, cancellationToken);
            }
        }

        var holder = ValueFlowResolver.Unwrap(options) switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
            _ => null,
        };
        if (holder is not null && options!.SemanticModel is { } model)
        {
            CollectHolderWrites(holder, model, writes, cancellationToken);
        }

        return writes;
    }

    private static void CollectInitializer(IObjectOrCollectionInitializerOperation initializer, List<OptionsWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var operation in initializer.Initializers)
        {
            switch (operation)
            {
                case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation { Member.Name: Headers }, Initializer: { } entries }:
                    CollectEntries(entries, writes, cancellationToken);
                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member.Name: Headers }, Value: var value }
                    when ValueFlowResolver.Unwrap(value) is IObjectCreationOperation { Initializer: { } entries }:
                    CollectEntries(entries, writes, cancellationToken);
                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment:
                    writes.Add(new OptionsWrite(target.Member.Name, null, assignment.Value, assignment.Syntax));
                    break;
            }
        }
    }

    /// <summary>The entries of a header dictionary's initializer: <c>["name"] = value</c> and <c>{ "name", value }</c>.</summary>
    private static void CollectEntries(IObjectOrCollectionInitializerOperation entries, List<OptionsWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var entry in entries.Initializers)
        {
            if (HeaderEntry(entry, cancellationToken) is { } write)
            {
                writes.Add(write);
            }
        }
    }

    /// <summary><c>h["name"] = value</c> or <c>h.Add("name", value)</c>, as a header write; null for anything else.</summary>
    public static OptionsWrite? HeaderEntry(IOperation operation, CancellationToken cancellationToken) => operation switch
    {
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
            => new OptionsWrite(Headers, ValueFlowResolver.TextOf(indexer.Arguments[0].Value, cancellationToken), assignment.Value, assignment.Syntax),
        IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Arguments.Length: 2 } add
            => new OptionsWrite(Headers, ValueFlowResolver.TextOf(Argument(add.Arguments, 0), cancellationToken), Argument(add.Arguments, 1)!, add.Syntax),
        _ => null,
    };

    private static void CollectHolderWrites(ISymbol holder, SemanticModel model, List<OptionsWrite> writes, CancellationToken cancellationToken)
    {
        var scope = holder switch
        {
            ILocalSymbol local => local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } declaration ? SourceSyntax.EnclosingBody(declaration) : null,
            _ => holder.ContainingType?.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == model.SyntaxTree)?.GetSyntax(cancellationToken),
        };
        if (scope is null || scope.SyntaxTree != model.SyntaxTree)
        {
            return;
        }

        foreach (var node in scope.DescendantNodes())
        {
            // holder.Member = value | holder.Headers["name"] = value | holder.Headers.Add("name", value)
            var (access, write) = node switch
            {
                AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member } => (member, node),
                AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax member } } => (member, node),
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "TryAdd", Expression: MemberAccessExpressionSyntax member } } => (member, node),
                _ => (null, null),
            };
            var name = access?.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
                _ => null,
            };
            if (name != holder.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access!.Expression, cancellationToken).Symbol, holder))
            {
                continue;
            }

            var operation = model.GetOperation(write!, cancellationToken);
            if (access.Name.Identifier.ValueText == Headers && operation is not null && HeaderEntry(operation, cancellationToken) is { } entry)
            {
                writes.Add(entry);
            }
            else if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment)
            {
                if (target.Member.Name == Headers && ValueFlowResolver.Unwrap(assignment.Value) is IObjectCreationOperation { Initializer: { } entries })
                {
                    CollectEntries(entries, writes, cancellationToken);
                }
                else
                {
                    writes.Add(new OptionsWrite(target.Member.Name, null, assignment.Value, assignment.Syntax));
                }
            }
        }
    }
}
