using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Resolution;

namespace SupabaseKeyAnalyzers.Rules;

/// <summary>
/// SBK003 <c>UserSessionOnSecretKeyClient</c>: <c>SignUp</c> (or another sign-in call) through <c>IGotrueClient</c> on a client that holds a secret key:
/// the <c>Auth</c> of a <c>Supabase.Client</c> created with a secret key, or a <c>Supabase.Gotrue.Client</c> whose
/// options' headers carry one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserSessionOnSecretKeyClientAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: present (<c>true</c>) when the admin <c>CreateUser</c> rewrite can be offered.</summary>
    public const string FixableProperty = "Fixable";

    private const int MaxDepth = 6;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK003_UserSessionOnSecretKeyClient);

    internal override void OnCompilationStart(CompilationStartAnalysisContext start, ProjectContext project)
    {
        if (AnalyzerContext.TryCreate(start.Compilation) is { } context)
        {
            start.RegisterOperationAction(c => Analyze(c, context), OperationKind.Invocation);
        }
    }

    /// <summary>The Supabase symbols SBK003 matches, resolved once per compilation; null when the compilation has none.</summary>
    private sealed class AnalyzerContext
    {
        private AnalyzerContext(Compilation compilation, INamedTypeSymbol gotrueClientInterface)
        {
            GotrueClientInterface = gotrueClientInterface;
            SupabaseClient = compilation.GetTypeByMetadataName("Supabase.Client");
            GotrueClient = compilation.GetTypeByMetadataName("Supabase.Gotrue.Client");
            GotrueClientOptions = compilation.GetTypeByMetadataName("Supabase.Gotrue.ClientOptions");
        }

        public INamedTypeSymbol GotrueClientInterface { get; }

        public INamedTypeSymbol? SupabaseClient { get; }

        public INamedTypeSymbol? GotrueClient { get; }

        public INamedTypeSymbol? GotrueClientOptions { get; }

        public static AnalyzerContext? TryCreate(Compilation compilation)
        {
            var gotrueClientInterface = compilation.GetTypeByMetadataName("Supabase.Gotrue.Interfaces.IGotrueClient`2");
            if (gotrueClientInterface is null)
            {
                return null;
            }

            var context = new AnalyzerContext(compilation, gotrueClientInterface);
            return context.SupabaseClient is null && context.GotrueClient is null ? null : context;
        }
    }

    private static void Analyze(OperationAnalysisContext context, AnalyzerContext supabase)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var isSignUp = method.Name == "SignUp";
        if ((!isSignUp && !method.Name.StartsWith("SignIn", StringComparison.Ordinal)) || !method.ContainingType.IsOrImplements(supabase.GotrueClientInterface)
            || !RazorCode.ShouldAnalyze(invocation.Syntax.SyntaxTree, context.IsGeneratedCode) || !RazorCode.IsReportable(invocation.Syntax.GetLocation()))
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        var receiver = ValueResolver.Unwrap(invocation.Instance);
        IArgumentOperation? keyArgument = null;
        string? keyDescription = null;
        if (receiver is IPropertyReferenceOperation { Property.Name: "Auth", Instance: { } instance }
            && instance.Type.IsOrDerivesFrom(supabase.SupabaseClient)
            && FindCreation(instance, supabase.SupabaseClient!, cancellationToken) is { } client)
        {
            keyArgument = client.Arguments.FirstOrDefault(a => a.Parameter?.Name == "supabaseKey");
            keyDescription = DescribeSecret(keyArgument?.Value, cancellationToken);
        }
        else if (receiver is not null && receiver.Type.IsOrDerivesFrom(supabase.GotrueClient)
                 && FindCreation(receiver, supabase.GotrueClient!, cancellationToken) is { } gotrue)
        {
            keyDescription = gotrue.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is { } options
                ? SecretInHeaders(options, supabase, cancellationToken)
                : null;
        }

        if (keyDescription is null)
        {
            return;
        }

        var fixable = isSignUp && keyArgument is not null && IsUsableAt(keyArgument.Value, invocation, context.Compilation);
        var properties = fixable ? ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "true") : ImmutableDictionary<string, string?>.Empty;
        var additional = fixable ? new[] { keyArgument!.Syntax.GetLocation() } : null;
        var advice = isSignUp
            ? "create users with the admin API (AdminAuth(key).CreateUser) instead"
            : "sign users in on a separate client created with the publishable key";
        context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.SBK003_UserSessionOnSecretKeyClient, invocation.Syntax.GetLocation(), additional, properties, method.Name, keyDescription, advice));
    }

    /// <summary>The <c>new T(…)</c> an expression's value comes from, following locals, fields and properties.</summary>
    private static IObjectCreationOperation? FindCreation(IOperation? operation, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var depth = 0; depth < MaxDepth && operation is not null; depth++)
        {
            operation = ValueResolver.Unwrap(operation);
            if (operation is IObjectCreationOperation creation)
            {
                return creation.Type.IsOrDerivesFrom(type) ? creation : null;
            }

            operation = operation is ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                ? ValueResolver.FindDefinition(operation, followConstructorAssignments: true, cancellationToken)
                : null;
        }

        return null;
    }

    /// <summary>A description of the secret key a value holds (for the message), or null when it holds none we know of.</summary>
    private static string? DescribeSecret(IOperation? value, CancellationToken cancellationToken)
    {
        var resolved = ValueResolver.Resolve(value, followConstructorAssignments: true, cancellationToken);
        if (resolved.EnvironmentVariable is { } variable)
        {
            return SupabaseVocabulary.SecretKeyVariables.Contains(variable) ? "the " + variable + " environment variable" : null;
        }

        var text = SupabaseVocabulary.BearerCredential(resolved.Text) ?? resolved.Text;

        return KeyClassifier.ClassifyWhole(text) is { IsSecret: true } key ? key.Describe(text!) : null;
    }

    /// <summary>A secret <c>apikey</c> or <c>Authorization</c> in a <c>Supabase.Gotrue.ClientOptions</c>' initializer.</summary>
    private static string? SecretInHeaders(IOperation options, AnalyzerContext supabase, CancellationToken cancellationToken)
    {
        if (supabase.GotrueClientOptions is null || FindCreation(options, supabase.GotrueClientOptions, cancellationToken)?.Initializer is not { } initializer)
        {
            return null;
        }

        foreach (var operation in initializer.Descendants())
        {
            IOperation? name = null, value = null;
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add:
                    name = add.Arguments[0].Value;
                    value = add.Arguments[1].Value;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment:
                    name = indexer.Arguments[0].Value;
                    value = assignment.Value;
                    break;
            }

            var header = ValueResolver.ResolveString(name, cancellationToken);
            if (SupabaseVocabulary.IsApiKey(header) || SupabaseVocabulary.IsAuthorization(header))
            {
                if (DescribeSecret(value, cancellationToken) is { } description)
                {
                    return description;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when the key expression the client was created with means the same at the call site: it uses no locals or
    /// parameters of another body, no instance members of another type or from a static context, and only accessible members.
    /// </summary>
    private static bool IsUsableAt(IOperation key, IOperation call, Compilation compilation)
    {
        var callModel = call.SemanticModel;
        if (callModel is null || key.SemanticModel is null)
        {
            return false;
        }

        var callMember = callModel.GetEnclosingSymbol(call.Syntax.SpanStart);
        var keyMember = key.SemanticModel.GetEnclosingSymbol(key.Syntax.SpanStart);
        var callType = callMember?.ContainingType;
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
                    if (callMember!.IsStatic || !SymbolEqualityComparer.Default.Equals(callType, keyMember?.ContainingType))
                    {
                        return false;
                    }

                    break;
                case IMemberReferenceOperation member when !compilation.IsSymbolAccessibleWithin(member.Member, callType):
                case IInvocationOperation invocation when !compilation.IsSymbolAccessibleWithin(invocation.TargetMethod, callType):
                    return false;
            }
        }

        return true;
    }
}
