using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.SupabaseSdk;

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
/// The question every client rule asks, answered over the <see cref="SupabaseModel"/>: which key does this client
/// hold? A client holds what every construction that can reach it passes (<see cref="SupabaseModel.Construction"/>):
/// its key argument and, where the SDK reads them, its options headers. Null for a compilation that references no
/// Supabase client (rules then register nothing).
/// </summary>
internal sealed class SupabaseClients
{
    private static readonly ConditionalWeakTable<Compilation, SupabaseClients?> Cache = new();

    /// <summary>The key of each client held in a field or property, computed once: many calls go through one shared client.</summary>
    private readonly ConcurrentDictionary<ISymbol, HeldKey> memberKeys = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// What each client construction and each options object was found to hold, and the clients built with options in a
    /// body, per operation: SBK003, SBK005, SBK006 and SBK009 ask about the same clients, options and bodies, and the
    /// operations of a tree are the same objects for every rule (the driver's semantic models cache them).
    /// </summary>
    private readonly ConcurrentDictionary<IOperation, HeldKey?> constructionKeys = new();
    private readonly ConcurrentDictionary<IOperation, ImmutableArray<OptionsWrite>> optionsWrites = new();
    private readonly ConcurrentDictionary<IOperation, ImmutableArray<(IOperation Client, IOperation Options)>> clientsWithOptions = new();

    /// <summary>The client types as messages name them (<c>Supabase.Client</c>): formatting a symbol costs more than finding its key.</summary>
    private readonly ConcurrentDictionary<ITypeSymbol, string> typeNames = new(SymbolEqualityComparer.Default);

    private SupabaseClients(SupabaseModel model)
    {
        Sdk = model;
        Resolver = model.Resolver;
    }

    /// <summary>The SDK's types and conventions.</summary>
    public SupabaseModel Sdk { get; }

    public ValueFlowResolver Resolver { get; }

    /// <summary>The compilation's Supabase clients, or null when it references none (rules then register nothing).</summary>
    public static SupabaseClients? For(Compilation compilation, AnalyzerOptions? options = null) => Cache.GetValue(compilation, c =>
    {
        var model = SupabaseModel.For(c, options);
        return model.HasClients ? new SupabaseClients(model) : null;
    });

    /// <summary>
    /// The key the client <paramref name="client"/> evaluates to holds. A child client reached through the umbrella
    /// client (<c>client.Auth</c>, <c>client.Postgrest</c>…) holds the umbrella client's key.
    /// </summary>
    public HeldKey KeyOf(IOperation? client, CancellationToken cancellationToken)
    {
        client = Sdk.Umbrella(client) ?? client;
        if (ValueFlowResolver.Unwrap(client) is not IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } } member)
        {
            return Compute(client, cancellationToken);
        }

        var held = member.Member.OriginalDefinition;
        return memberKeys.TryGetValue(held, out var cached) ? cached : memberKeys.GetOrAdd(held, Compute(member, cancellationToken));
    }

    private HeldKey Compute(IOperation? client, CancellationToken cancellationToken)
    {
        var values = Resolver.Values(client, cancellationToken);
        if (values.Length == 1)
        {
            // One construction reaches the client (the usual case): its key, shared with every client it reaches.
            return values[0].Kind == FlowValueKind.Object && KeyOfConstruction(values[0].Operation!, cancellationToken) is { } single ? single : HeldKey.Unknown;
        }

        // Several constructions (or none): every source of each, and no one key argument.
        var sources = ImmutableArray.CreateBuilder<KeySource>();
        foreach (var value in values)
        {
            if (value.Kind != FlowValueKind.Object || KeyOfConstruction(value.Operation!, cancellationToken) is not { } key)
            {
                return HeldKey.Unknown;
            }

            sources.AddRange(key.Sources);
        }

        return new HeldKey(sources.ToImmutable(), null);
    }

    /// <summary>The client for a message, at most 40 characters: <c>'admin'</c> for <c>admin.Realtime</c>.</summary>
    public string Describe(IOperation? client)
    {
        var text = (Sdk.Umbrella(client) ?? client)?.Syntax.ToString() ?? "client";
        return "'" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "'";
    }

    /// <summary>A client type for a message, as C# writes it: <c>Supabase.Client</c>.</summary>
    public string TypeName(ITypeSymbol type)
        => typeNames.TryGetValue(type, out var name) ? name : typeNames.GetOrAdd(type, type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat));

    /// <summary>
    /// The clients built in <paramref name="block"/> with options (<see cref="SupabaseModel.Construction"/>), and the
    /// Functions calls made there with options, each with that options argument: where a write to options found in the
    /// block can take effect.
    /// </summary>
    public ImmutableArray<(IOperation Client, IOperation Options)> ClientsWithOptionsIn(IOperation block)
        => clientsWithOptions.TryGetValue(block, out var cached) ? cached : clientsWithOptions.GetOrAdd(block, FindClientsWithOptions(block));

    private ImmutableArray<(IOperation Client, IOperation Options)> FindClientsWithOptions(IOperation block)
    {
        var found = ImmutableArray.CreateBuilder<(IOperation, IOperation)>();
        foreach (var operation in Resolver.Writes.CreationsAndCalls(block))
        {
            switch (operation)
            {
                case IObjectCreationOperation creation when Sdk.Construction(creation) is { Options: { } options }:
                    found.Add((creation, options));
                    break;
                case IInvocationOperation invocation when Sdk.IsFunctionsInvoke(invocation) && SupabaseModel.Argument(invocation.Arguments, SupabaseModel.InvokeOptionsOrdinal) is { } options:
                    found.Add((invocation.Instance!, options));
                    break;
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The objects <paramref name="client"/> can be, for rules that look at how a client was built.</summary>
    public IEnumerable<IOperation> Creations(IOperation? client, CancellationToken cancellationToken)
        => Resolver.Values(client, cancellationToken).Where(v => v.Kind == FlowValueKind.Object).Select(v => v.Operation!);

    private HeldKey? KeyOfConstruction(IOperation operation, CancellationToken cancellationToken)
        => constructionKeys.TryGetValue(operation, out var cached) ? cached : constructionKeys.GetOrAdd(operation, ComputeKeyOfConstruction(operation, cancellationToken));

    private HeldKey? ComputeKeyOfConstruction(IOperation operation, CancellationToken cancellationToken)
    {
        if (Sdk.Construction(operation) is not { } construction)
        {
            return null;
        }

        var key = construction.Key;
        var values = construction.KeyOrdinal < 0 ? ImmutableArray<FlowValue>.Empty : Resolver.Values(key, cancellationToken);
        var headers = construction.OptionsKey switch
        {
            OptionsKey.AlsoApiKeyHeader => HeaderCredentials(construction.Options, SupabaseHeaders.ApiKey, cancellationToken),
            OptionsKey.ApiKeyElseAuthorizationHeader => HeaderCredentials(construction.Options, null, cancellationToken),
            _ => ImmutableArray<FlowValue>.Empty,
        };
        return new HeldKey(values.AddRange(headers).Select(KeySource.From).ToImmutableArray(), key);
    }

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
            var statelessKey = Sdk.StatelessOptionsKey(value.Operation, out var isStateless);
            if (isStateless)
            {
                statelessKeys = statelessKeys.AddRange(Resolver.Values(statelessKey, cancellationToken));
            }
        }

        var headerWrites = OptionsWrites(options, cancellationToken).Where(w => w.Member == SdkMembers.Headers).ToList();
        ImmutableArray<FlowValue> Of(string name)
        {
            var results = SupabaseHeaders.IsApiKey(name) ? statelessKeys : ImmutableArray<FlowValue>.Empty;
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

        var apiKey = Of(SupabaseHeaders.ApiKey);
        return apiKey.IsEmpty ? Of(SupabaseHeaders.Authorization) : apiKey;
    }

    /// <summary>
    /// The values of a header value without the <c>Bearer </c> scheme: <c>"Bearer " + key</c> and <c>$"Bearer {key}"</c>
    /// are what <c>key</c> holds.
    /// </summary>
    public ImmutableArray<FlowValue> Credential(IOperation value, CancellationToken cancellationToken)
    {
        if (BearerOperand(value, Resolver, cancellationToken) is { } credential)
        {
            return Resolver.Values(credential, cancellationToken);
        }

        return Resolver.Values(value, cancellationToken)
            .Select(v => v.Kind == FlowValueKind.Text && SupabaseHeaders.BearerCredential(v.Text) is { } token ? FlowValue.FromText(token, v.FormedAt) : v)
            .ToImmutableArray();
    }

    /// <summary>
    /// <c>key</c> in a header value written <c>"Bearer " + key</c> or <c>$"Bearer {key}"</c> (the scheme is a constant,
    /// the credential an expression of its own); null for any other value.
    /// </summary>
    public static IOperation? BearerOperand(IOperation value, ValueFlowResolver resolver, CancellationToken cancellationToken) => ValueFlowResolver.Unwrap(value) switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when SupabaseHeaders.IsBearerPrefix(resolver.Text(binary.LeftOperand, cancellationToken)) => binary.RightOperand,
        IInterpolatedStringOperation { Parts: { Length: 2 } parts }
            when parts[0] is IInterpolatedStringTextOperation prefix && SupabaseHeaders.IsBearerPrefix(prefix.Text.ConstantValue.Value as string)
                 && parts[1] is IInterpolationOperation { Alignment: null, FormatString: null } hole => hole.Expression,
        _ => null,
    };

    /// <summary>
    /// Every write to the options object <paramref name="options"/> evaluates to: its object initializer
    /// (<c>Headers = { ["apikey"] = … }</c>, <c>Headers = new Dictionary&lt;string, string&gt; { … }</c>,
    /// <c>SessionHandler = …</c>), and later writes through the local or field that holds it
    /// (<c>options.Headers["apikey"] = …</c>, <c>options.Headers.Add(…)</c>, <c>options.SessionHandler = …</c>) in the
    /// local's body or the field's type (<see cref="WriteFinder.ThroughHolder"/>).
    /// </summary>
    public ImmutableArray<OptionsWrite> OptionsWrites(IOperation? options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            return ImmutableArray<OptionsWrite>.Empty;
        }

        return optionsWrites.TryGetValue(options, out var cached) ? cached : optionsWrites.GetOrAdd(options, ComputeOptionsWrites(options, cancellationToken));
    }

    /// <summary>True when <paramref name="syntax"/> is one of the writes to <paramref name="member"/> of <paramref name="options"/> (<see cref="OptionsWrites"/>).</summary>
    public bool WritesOptionsAt(IOperation options, string member, SyntaxNode syntax, CancellationToken cancellationToken)
    {
        foreach (var write in OptionsWrites(options, cancellationToken))
        {
            if (write.Member == member && write.Syntax == syntax)
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<OptionsWrite> ComputeOptionsWrites(IOperation options, CancellationToken cancellationToken)
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
        if (holder is not null)
        {
            foreach (var operation in Resolver.Writes.ThroughHolder(options, cancellationToken))
            {
                CollectHolderWrite(operation, holder, writes, cancellationToken);
            }
        }

        return writes.ToImmutableArray();
    }

    private void CollectInitializer(IObjectOrCollectionInitializerOperation initializer, List<OptionsWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var operation in initializer.Initializers)
        {
            switch (operation)
            {
                case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation { Member.Name: SdkMembers.Headers }, Initializer: { } entries }:
                    CollectEntries(entries, writes, cancellationToken);
                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member.Name: SdkMembers.Headers }, Value: var value }
                    when ValueFlowResolver.Unwrap(value) is IObjectCreationOperation { Initializer: { } entries }:
                    CollectEntries(entries, writes, cancellationToken);
                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment:
                    writes.Add(new OptionsWrite(target.Member.Name, null, assignment.Value, assignment.Syntax));
                    break;
            }
        }
    }

    /// <summary>
    /// One write through the options holder: <c>holder.Headers["name"] = v</c> and <c>holder.Headers.Add("name", v)</c>
    /// are header entries; <c>holder.Headers = new Dictionary { … }</c> its entries; <c>holder.Member = v</c> a member write.
    /// </summary>
    private void CollectHolderWrite(IOperation operation, ISymbol holder, List<OptionsWrite> writes, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IMemberReferenceOperation { Member.Name: SdkMembers.Headers } headers } }
                when WriteFinder.Reads(headers.Instance, holder) && HeaderEntry(operation, cancellationToken) is { } entry:
                writes.Add(entry);
                break;
            case IInvocationOperation { Instance: IMemberReferenceOperation { Member.Name: SdkMembers.Headers } headers }
                when WriteFinder.Reads(headers.Instance, holder) && HeaderEntry(operation, cancellationToken) is { } entry:
                writes.Add(entry);
                break;
            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment when target is not IPropertyReferenceOperation { Property.IsIndexer: true } && WriteFinder.Reads(target.Instance, holder):
                if (target.Member.Name == SdkMembers.Headers && ValueFlowResolver.Unwrap(assignment.Value) is IObjectCreationOperation { Initializer: { } entries })
                {
                    CollectEntries(entries, writes, cancellationToken);
                }
                else
                {
                    writes.Add(new OptionsWrite(target.Member.Name, null, assignment.Value, assignment.Syntax));
                }

                break;
        }
    }

    /// <summary>The entries of a header dictionary's initializer: <c>["name"] = value</c> and <c>{ "name", value }</c>.</summary>
    private void CollectEntries(IObjectOrCollectionInitializerOperation entries, List<OptionsWrite> writes, CancellationToken cancellationToken)
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
    public OptionsWrite? HeaderEntry(IOperation operation, CancellationToken cancellationToken) => operation switch
    {
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
            => new OptionsWrite(SdkMembers.Headers, Resolver.Text(indexer.Arguments[0].Value, cancellationToken), assignment.Value, assignment.Syntax),
        IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Arguments.Length: 2 } add
            => new OptionsWrite(SdkMembers.Headers, Resolver.Text(SupabaseModel.Argument(add.Arguments, 0), cancellationToken), SupabaseModel.Argument(add.Arguments, 1)!, add.Syntax),
        _ => null,
    };
}
