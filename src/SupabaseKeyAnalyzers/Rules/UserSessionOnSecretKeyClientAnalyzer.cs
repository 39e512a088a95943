using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Internals;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.SupabaseSdk;
using SupabaseKeyAnalyzers.ValueFlow;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK003 <c>UserSessionOnSecretKeyClient</c>: a call that stores a user session (<c>SignUp</c>, every <c>SignIn*</c>,
/// <c>SetSession</c>, <c>VerifyOTP</c>, <c>ExchangeCodeForSession</c>, <c>GetSessionFromUrl</c> that stores,
/// <c>LoadSession</c>) on an auth client that holds a secret key: the <c>Auth</c> of a <c>Supabase.Client</c>, or a
/// <c>Supabase.Gotrue.Client</c>, as <see cref="SupabaseClients.KeyOf"/> answers. The calls are the model's
/// (<see cref="SupabaseModel.StoresSession"/>); every other call is ruled out by its method's name (<see cref="Gate"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserSessionOnSecretKeyClientAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: present (<c>true</c>) when the admin <c>CreateUser</c> rewrite can be offered.</summary>
    public const string FixableProperty = "Fixable";

    /// <summary>Diagnostic property: the key expression (the additional location) can be null; the fix adds a visible check.</summary>
    public const string KeyMayBeNullProperty = "KeyMayBeNull";

    /// <summary>Diagnostic property: the environment variable the fix reads the key from, when the client's key expression cannot be reused.</summary>
    public const string KeyVariableProperty = "KeyVariable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK003_UserSessionOnSecretKeyClient);

    /// <summary>Code this rule reports calls one of the session-storing methods by name.</summary>
    private static readonly NameGate Gate = NameGate.StartingWith(
        SdkMembers.SignUp, SdkMembers.SignInPrefix, SdkMembers.SetSession, SdkMembers.VerifyOtp, SdkMembers.ExchangeCodeForSession, SdkMembers.GetSessionFromUrl, SdkMembers.LoadSession);

    internal override void OnCompilationStart(SupabaseCompilationStart start)
    {
        if (start.Clients is { Sdk.GotrueClientInterface: { } } clients)
        {
            start.RegisterOperationAction(c => Analyze(c, clients), Gate, OperationKind.Invocation);
        }
    }

    private static void Analyze(OperationContext context, SupabaseClients clients)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!clients.Sdk.StoresSession(invocation))
        {
            return;
        }

        var key = clients.KeyOf(invocation.Instance, context.CancellationToken);
        if (!key.IsSecret)
        {
            return;
        }

        var isSignUp = method.Name == SdkMembers.SignUp;
        var properties = ImmutableDictionary<string, string?>.Empty;
        Location[]? additional = null;
        if (isSignUp && clients.Sdk.Umbrella(invocation.Instance) is { } umbrella && umbrella.Type.IsOrDerivesFrom(clients.Sdk.Client))
        {
            // The CreateUser fix passes the key: the client's key argument where it means the same here, else the
            // environment variable it comes from.
            if (key.KeyArgument is { } keyArgument && IsUsableAt(keyArgument, invocation, context))
            {
                additional = new[] { keyArgument.Syntax.GetLocation() };
                properties = properties.Add(FixableProperty, "true");
                if (MayBeNull(keyArgument, context.CancellationToken))
                {
                    properties = properties.Add(KeyMayBeNullProperty, "true");
                }
            }
            else
            {
                // The key expression cannot be written here (a private constant of another class, a factory's
                // local): the fix reads the key from the environment variable it comes from, else from SUPABASE_SECRET_KEY.
                var variable = key.Sources.Select(s => s.Value).Distinct().ToList() is { Count: 1 } single && single[0].Kind == FlowValueKind.EnvironmentVariable
                    ? single[0].Text
                    : KeyVariables.SecretKey;
                properties = properties.Add(FixableProperty, "true").Add(KeyVariableProperty, variable);
            }
        }

        var advice = isSignUp
            ? "create users with the admin API (AdminAuth(key).CreateUser) instead"
            : "sign users in on a separate client created with the publishable key";
        context.Report(Diagnostic.Create(RuleDescriptors.SBK003_UserSessionOnSecretKeyClient, invocation.Syntax.GetLocation(), additional, properties, method.Name, key.Description, advice));
    }

    /// <summary>
    /// True when the key expression the client was created with means the same at the call site: it uses no locals or
    /// parameters of another body, no instance members of another type or from a static context, and only accessible members.
    /// </summary>
    private static bool IsUsableAt(IOperation key, IOperation call, OperationContext context)
    {
        if (key.SemanticModel is null)
        {
            return false;
        }

        // The enclosing members from the operation trees: a position lookup in the semantic model costs more than the
        // rest of this rule. The key comes from another body (a field initializer…) only when its client is held there.
        var callMember = call.EnclosingSymbol(context.ContainingSymbol);
        var keyMember = ReferenceEquals(key.Root(), call.Root())
            ? key.EnclosingSymbol(context.ContainingSymbol)
            : key.SemanticModel.GetEnclosingSymbol(key.Syntax.SpanStart, context.CancellationToken);
        var callType = callMember.ContainingType;
        if (callType is null)
        {
            return false;
        }

        foreach (var operation in key.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation:
                    if (!SymbolEqualityComparer.Default.Equals(callMember, keyMember))
                    {
                        return false;
                    }

                    break;
                case IInstanceReferenceOperation:
                    if (callMember.IsStatic || !SymbolEqualityComparer.Default.Equals(callType, keyMember?.ContainingType))
                    {
                        return false;
                    }

                    break;
                case IMemberReferenceOperation member when !IsAccessibleWithin(member.Member, callType, context.Compilation):
                case IInvocationOperation invocation when !IsAccessibleWithin(invocation.TargetMethod, callType, context.Compilation):
                    return false;
            }
        }

        return true;
    }

    /// <summary>A member of the calling type itself is always accessible there; any other is asked of the compilation.</summary>
    private static bool IsAccessibleWithin(ISymbol member, INamedTypeSymbol type, Compilation compilation)
        => SymbolEqualityComparer.Default.Equals(member.ContainingType, type) || compilation.IsSymbolAccessibleWithin(member, type);

    /// <summary>
    /// True when the key expression may be null where the client is created (its nullable flow state): a constant is
    /// null only when it is the null constant, and asking the semantic model runs the nullable analysis of the body.
    /// </summary>
    private static bool MayBeNull(IOperation key, CancellationToken cancellationToken)
        => key.ConstantValue.HasValue
            ? key.ConstantValue.Value is null
            : key.SemanticModel?.GetTypeInfo(key.Syntax, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull;
}
