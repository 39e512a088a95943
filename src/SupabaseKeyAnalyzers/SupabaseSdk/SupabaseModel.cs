using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.SupabaseSdk;

/// <summary>Where a client's options headers carry its key.</summary>
internal enum OptionsKey
{
    /// <summary>Not in the options: the key is an argument only.</summary>
    None,

    /// <summary>The key argument, and the <c>apikey</c> header of the options too (<c>Supabase.Client</c>).</summary>
    AlsoApiKeyHeader,

    /// <summary>Only the options: the <c>apikey</c> header, else <c>Authorization</c> without <c>Bearer</c> (Gotrue, Postgrest).</summary>
    ApiKeyElseAuthorizationHeader,
}

/// <summary>
/// One construction of a Supabase client the model understands: which argument holds the key and which the options,
/// by the parameter's position (never its name).
/// </summary>
internal readonly struct ClientConstruction
{
    public ClientConstruction(IOperation operation, ImmutableArray<IArgumentOperation> arguments, int keyOrdinal, int optionsOrdinal, OptionsKey optionsKey, string? optionsTypeName)
    {
        Operation = operation;
        Arguments = arguments;
        KeyOrdinal = keyOrdinal;
        OptionsOrdinal = optionsOrdinal;
        OptionsKey = optionsKey;
        OptionsTypeName = optionsTypeName;
    }

    /// <summary>The <c>new …</c> or the factory call.</summary>
    public IOperation Operation { get; }

    public ImmutableArray<IArgumentOperation> Arguments { get; }

    /// <summary>The key parameter's position; -1 when the key comes from the options only.</summary>
    public int KeyOrdinal { get; }

    /// <summary>The options parameter's position; -1 when there is none.</summary>
    public int OptionsOrdinal { get; }

    public OptionsKey OptionsKey { get; }

    /// <summary>The metadata name of the options type, for fixes that create one.</summary>
    public string? OptionsTypeName { get; }

    /// <summary>The key argument as passed (null when the call relies on the default).</summary>
    public IOperation? Key => KeyOrdinal < 0 ? null : SupabaseModel.Argument(Arguments, KeyOrdinal);

    /// <summary>The options argument as passed (null when none is).</summary>
    public IOperation? Options => OptionsOrdinal < 0 ? null : SupabaseModel.Argument(Arguments, OptionsOrdinal);
}

/// <summary>
/// The one model of the Supabase C# SDK (see <c>shared/facts/supabase-csharp-api.md</c>): its types by metadata name
/// (null when the compilation does not reference them), which argument of which constructor or call holds the key,
/// the options and the token, and what <c>InitializeAsync</c> and <c>StatelessClient</c> return. It owns the
/// compilation's <see cref="ValueFlowResolver"/> and tells it those SDK conventions, so that the resolver itself
/// knows nothing of Supabase. One instance per compilation.
/// </summary>
internal sealed class SupabaseModel : IValueFlowConventions
{
    public const string OptionsTypeName = "Supabase.SupabaseOptions";
    public const string GotrueOptionsTypeName = "Supabase.Gotrue.ClientOptions";
    public const string PostgrestOptionsTypeName = "Supabase.Postgrest.ClientOptions";

    private static readonly ConditionalWeakTable<Compilation, SupabaseModel> Cache = new();

    private SupabaseModel(Compilation compilation, AnalyzerOptions? options)
    {
        Client = compilation.GetTypeByMetadataName("Supabase.Client");
        ClientInterface = compilation.GetTypeByMetadataName("Supabase.Interfaces.ISupabaseClient`6");
        Options = compilation.GetTypeByMetadataName(OptionsTypeName);
        DefaultSessionHandler = compilation.GetTypeByMetadataName("Supabase.DefaultSupabaseSessionHandler");
        StatelessClient = compilation.GetTypeByMetadataName("Supabase.StatelessClient");
        GotrueClient = compilation.GetTypeByMetadataName("Supabase.Gotrue.Client");
        GotrueAdminClient = compilation.GetTypeByMetadataName("Supabase.Gotrue.AdminClient");
        GotrueClientInterface = compilation.GetTypeByMetadataName("Supabase.Gotrue.Interfaces.IGotrueClient`2");
        PostgrestClient = compilation.GetTypeByMetadataName("Supabase.Postgrest.Client");
        PostgrestClientInterface = compilation.GetTypeByMetadataName("Supabase.Postgrest.Interfaces.IPostgrestClient");
        FunctionsClient = compilation.GetTypeByMetadataName("Supabase.Functions.Client");
        FunctionsClientInterface = compilation.GetTypeByMetadataName("Supabase.Functions.Interfaces.IFunctionsClient");
        RealtimeClientInterface = compilation.GetTypeByMetadataName("Supabase.Realtime.Interfaces.IRealtimeClient`2");
        Resolver = new ValueFlowResolver(compilation, this, SettingsFiles.From(options));
    }

    /// <summary>What expressions of this compilation can hold, with the SDK's conventions.</summary>
    public ValueFlowResolver Resolver { get; }

    public INamedTypeSymbol? Client { get; }

    public INamedTypeSymbol? ClientInterface { get; }

    public INamedTypeSymbol? Options { get; }

    public INamedTypeSymbol? DefaultSessionHandler { get; }

    public INamedTypeSymbol? StatelessClient { get; }

    public INamedTypeSymbol? GotrueClient { get; }

    public INamedTypeSymbol? GotrueAdminClient { get; }

    public INamedTypeSymbol? GotrueClientInterface { get; }

    public INamedTypeSymbol? PostgrestClient { get; }

    public INamedTypeSymbol? PostgrestClientInterface { get; }

    public INamedTypeSymbol? FunctionsClient { get; }

    public INamedTypeSymbol? FunctionsClientInterface { get; }

    public INamedTypeSymbol? RealtimeClientInterface { get; }

    /// <summary>
    /// The first <c>Supabase.Functions</c> release that no longer sends a new-format key as <c>Authorization: Bearer</c>
    /// (Supabase 8.0.0, all packages versioned together; supabase-csharp issue #279).
    /// </summary>
    public static readonly Version FunctionsStopsSendingNewKeyAsBearer = new(8, 0, 0);

    /// <summary>
    /// The version of the <c>Supabase.Functions</c> assembly the compilation references when it sends the client's key as
    /// <c>Authorization: Bearer</c> on calls without a token (older than <see cref="FunctionsStopsSendingNewKeyAsBearer"/>);
    /// null otherwise, and for an assembly with no version (built from source).
    /// </summary>
    public Version? FunctionsSendingKeyAsBearer
        => (FunctionsClientInterface ?? FunctionsClient)?.ContainingAssembly.Identity.Version is { } version
           && version > new Version(0, 0, 0, 0) && version < FunctionsStopsSendingNewKeyAsBearer
            ? version
            : null;

    /// <summary>True when the compilation references a client type that can hold a key.</summary>
    public bool HasClients => Client is not null || GotrueClient is not null || PostgrestClient is not null || FunctionsClient is not null;

    /// <summary>The compilation's model (its types are null when it does not reference the SDK).</summary>
    /// <remarks>
    /// The options hand the project's settings files to the resolver (<see cref="SettingsFiles"/>); every analyzer of one
    /// compilation has the same, so whichever asks first decides.
    /// </remarks>
    public static SupabaseModel For(Compilation compilation, AnalyzerOptions? options = null) => Cache.GetValue(compilation, c => new SupabaseModel(c, options));

    /// <summary>The argument for the parameter at <paramref name="ordinal"/>, when the call passes one.</summary>
    public static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        => arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal && a.ArgumentKind != ArgumentKind.DefaultValue)?.Value;

    /// <summary>
    /// The client construction <paramref name="operation"/> is, or null: <c>Supabase.Client(url, key, options)</c> (its
    /// string-key constructor; the dependency-injection one takes no key), <c>Gotrue.Client(options)</c>,
    /// <c>Gotrue.AdminClient(serviceKey, options)</c>, <c>Postgrest.Client(url, options)</c> and
    /// <c>StatelessClient.Functions(url, key, options)</c>.
    /// </summary>
    public ClientConstruction? Construction(IOperation? operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation { Constructor: { } constructor } creation when creation.Type.IsOrDerivesFrom(Client):
                return constructor.Parameters.Length >= 2 && constructor.Parameters[1].Type.SpecialType == SpecialType.System_String
                    ? new ClientConstruction(creation, creation.Arguments, keyOrdinal: 1, optionsOrdinal: 2, OptionsKey.AlsoApiKeyHeader, OptionsTypeName)
                    : null;
            case IObjectCreationOperation creation when creation.Type.IsOrDerivesFrom(GotrueClient):
                return new ClientConstruction(creation, creation.Arguments, keyOrdinal: -1, optionsOrdinal: 0, OptionsKey.ApiKeyElseAuthorizationHeader, GotrueOptionsTypeName);
            case IObjectCreationOperation creation when creation.Type.IsOrDerivesFrom(PostgrestClient):
                return new ClientConstruction(creation, creation.Arguments, keyOrdinal: -1, optionsOrdinal: 1, OptionsKey.ApiKeyElseAuthorizationHeader, PostgrestOptionsTypeName);
            case IObjectCreationOperation creation when creation.Type.IsOrDerivesFrom(GotrueAdminClient):
                return new ClientConstruction(creation, creation.Arguments, keyOrdinal: 0, optionsOrdinal: 1, OptionsKey.None, GotrueOptionsTypeName);
            case IInvocationOperation { TargetMethod.Name: SdkMembers.Functions } invocation when IsStateless(invocation.TargetMethod):
                return new ClientConstruction(invocation, invocation.Arguments, keyOrdinal: 1, optionsOrdinal: 2, OptionsKey.None, OptionsTypeName);
            default:
                return null;
        }
    }

    /// <summary>
    /// The key an options object built by <c>StatelessClient.GetAuthOptions(url, key)</c> or <c>GetRestOptions(key)</c>
    /// carries as its <c>apikey</c> header; null for any other operation.
    /// </summary>
    public IOperation? StatelessOptionsKey(IOperation? operation, out bool isStatelessOptions)
    {
        isStatelessOptions = false;
        if (operation is IInvocationOperation { TargetMethod.Name: SdkMembers.GetAuthOptions or SdkMembers.GetRestOptions } stateless && IsStateless(stateless.TargetMethod))
        {
            isStatelessOptions = true;
            return Argument(stateless.Arguments, stateless.TargetMethod.Name == SdkMembers.GetAuthOptions ? 1 : 0);
        }

        return null;
    }

    /// <summary>Removes conversions and parentheses, and <c>await client.InitializeAsync()</c>, which is the client itself.</summary>
    public IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            operation = ValueFlowResolver.Unwrap(operation);
            if (SameValueAs(operation) is not { } same)
            {
                return operation;
            }

            operation = same;
        }
    }

    /// <summary>
    /// <c>client</c> for a child client reached through it (<c>client.Auth</c>, <c>.Postgrest</c>, <c>.Functions</c>,
    /// <c>.Realtime</c>, <c>.Storage</c>) where <c>client</c> is a <c>Supabase.Client</c> or its interface (what
    /// <c>InitializeAsync()</c> returns); null for anything else.
    /// </summary>
    public IOperation? Umbrella(IOperation? child)
        => Unwrap(child) is IPropertyReferenceOperation { Instance: { } umbrella } property && SdkMembers.IsChildClient(property.Property.Name) && IsUmbrella(umbrella.Type)
            ? umbrella
            : null;

    /// <summary>True for <c>Supabase.Client</c> or a type implementing its interface.</summary>
    public bool IsUmbrella(ITypeSymbol? type) => type.IsOrDerivesFrom(Client) || (type as INamedTypeSymbol).IsOrImplements(ClientInterface);

    /// <summary>The Functions client or its interface (<c>Invoke</c> sends its <c>token</c> as a Bearer token).</summary>
    public bool IsFunctions(INamedTypeSymbol? type)
        => type.IsOrDerivesFrom(FunctionsClient) || SymbolEqualityComparer.Default.Equals(type, FunctionsClientInterface);

    /// <summary>The Postgrest client or its interface.</summary>
    public bool IsPostgrest(ITypeSymbol? type)
        => type.IsOrDerivesFrom(PostgrestClient) || SymbolEqualityComparer.Default.Equals(type, PostgrestClientInterface);

    /// <summary><c>Invoke</c>, <c>Invoke&lt;T&gt;</c> or <c>RawInvoke</c> on a Functions client: <c>(functionName, token, options)</c> by position.</summary>
    public bool IsFunctionsInvoke(IInvocationOperation invocation)
        => SdkMembers.IsFunctionsInvoke(invocation.TargetMethod.Name) && IsFunctions(invocation.TargetMethod.ContainingType);

    /// <summary>The position of <c>token</c> and of <c>options</c> in a Functions <c>Invoke</c>.</summary>
    public const int InvokeTokenOrdinal = 1;

    /// <summary>The position of the options in a Functions <c>Invoke</c>.</summary>
    public const int InvokeOptionsOrdinal = 2;

    /// <summary>True for the <c>IGotrueClient</c> calls that store a user session on the client.</summary>
    public bool StoresSession(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (!SdkMembers.IsSessionCallName(name) || !invocation.TargetMethod.ContainingType.IsOrImplements(GotrueClientInterface))
        {
            return false;
        }

        // GetSessionFromUrl(uri, storeSession: false) does not store.
        return name != SdkMembers.GetSessionFromUrl || Argument(invocation.Arguments, 1) is not { ConstantValue: { HasValue: true, Value: false } };
    }

    /// <summary><c>SetPersistence(handler)</c> on an auth client: every session is saved.</summary>
    public bool IsSetPersistence(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == SdkMembers.SetPersistence && invocation.TargetMethod.ContainingType.IsOrImplements(GotrueClientInterface);

    /// <summary><c>SetAuth(jwt)</c> on a Realtime client.</summary>
    public bool IsRealtimeSetAuth(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == SdkMembers.SetAuth && invocation.Arguments.Length == 1 && invocation.TargetMethod.ContainingType.IsOrImplements(RealtimeClientInterface);

    /// <summary>A session handler that saves nothing: <c>DefaultSupabaseSessionHandler</c>.</summary>
    public bool IsDefaultSessionHandler(ITypeSymbol? type) => type.IsOrDerivesFrom(DefaultSessionHandler);

    /// <inheritdoc/>
    public IOperation? SameValueAs(IOperation? operation)
        => operation is IAwaitOperation { Operation: IInvocationOperation { TargetMethod.Name: SdkMembers.InitializeAsync, Instance: { } client } initialize }
           && IsUmbrella(initialize.TargetMethod.ContainingType)
            ? client
            : null;

    /// <inheritdoc/>
    /// <remarks>A child client (<c>client.Auth</c>, <c>client.Functions</c>…) stands for its umbrella client: it holds its key.</remarks>
    public IOperation? PartOf(IOperation operation) => Umbrella(operation);

    /// <inheritdoc/>
    public bool IsFactory(IMethodSymbol method) => IsStateless(method);

    /// <inheritdoc/>
    public bool IsBoundFromConfiguration(ISymbol member) => KeySourceNames.Classify(member.Name) is not null;

    private bool IsStateless(IMethodSymbol method) => StatelessClient is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, StatelessClient);
}
