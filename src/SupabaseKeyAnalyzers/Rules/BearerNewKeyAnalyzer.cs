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
/// SBK002: a new-format key (<c>sb_publishable_</c>, <c>sb_secret_</c>) sent as <c>Authorization: Bearer</c> —
/// through <c>AuthenticationHeaderValue</c>, <c>HttpHeaders.Add</c>/<c>TryAddWithoutValidation</c>, any
/// <c>IDictionary&lt;string, string&gt;</c> of headers, or the <c>token</c> of Supabase Functions' <c>Invoke</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BearerNewKeyAnalyzer : SupabaseAnalyzer
{
    /// <summary>Diagnostic property: which sink the Bearer value goes to (a <see cref="BearerSink"/> name).</summary>
    public const string SinkProperty = "Sink";

    public const string AuthorizationHeader = "Authorization";
    public const string ApiKeyHeader = "apikey";

    private static readonly char[] SchemeSeparators = { ' ', '\t' };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SBK002);

    internal override void OnCompilationStart(CompilationStartAnalysisContext start, SupabaseContext supabase)
    {
        if (supabase.GenericDictionary is null && supabase.HttpHeaders is null && supabase.FunctionsClient is null)
        {
            return;
        }

        start.RegisterOperationAction(c => AnalyzeAssignment(c, supabase), OperationKind.SimpleAssignment);
        start.RegisterOperationAction(c => AnalyzeInvocation(c, supabase), OperationKind.Invocation);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SupabaseContext supabase)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target)
        {
            return;
        }

        var property = target.Property;
        if (property.IsIndexer)
        {
            // headers["Authorization"] = "Bearer …", also as ["Authorization"] = … in an object initializer.
            if (target.Arguments.Length == 1 && IsStringDictionary(property.ContainingType, supabase)
                && IsAuthorization(target.Arguments[0].Value, context.CancellationToken))
            {
                ReportBearerValue(context, assignment.Value, assignment.Syntax, BearerSink.Indexer);
            }

            return;
        }

        // request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key)
        if (property.Name != AuthorizationHeader || supabase.AuthenticationHeaderValue is null
            || !property.ContainingType.IsOrDerivesFrom(supabase.HttpRequestHeaders))
        {
            return;
        }

        if (ValueResolver.Unwrap(assignment.Value) is IObjectCreationOperation creation
            && SymbolEqualityComparer.Default.Equals(creation.Type, supabase.AuthenticationHeaderValue)
            && creation.Arguments.Length == 2
            && IsBearerScheme(ValueResolver.ResolveString(creation.Arguments[0].Value, context.CancellationToken)))
        {
            var keyText = ValueResolver.ResolveString(creation.Arguments[1].Value, context.CancellationToken);
            if (KeyClassifier.ClassifyWhole(keyText) is { IsNewFormat: true } key)
            {
                Report(context, assignment.Syntax, key, keyText!, BearerSink.AuthorizationProperty);
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SupabaseContext supabase)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Add" or "TryAdd" or "TryAddWithoutValidation":
                if (invocation.Arguments.Length != 2 || method.Parameters.Length != 2
                    || method.Parameters[0].Type.SpecialType != SpecialType.System_String
                    || method.Parameters[1].Type.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                var sink = method.ContainingType.IsOrDerivesFrom(supabase.HttpHeaders) ? BearerSink.HeadersAdd
                    : IsStringDictionary(method.ContainingType, supabase) ? (invocation.IsImplicit ? BearerSink.CollectionInitializer : BearerSink.HeadersAdd)
                    : (BearerSink?)null;
                if (sink is null)
                {
                    return;
                }

                var name = invocation.Arguments.First(a => a.Parameter?.Ordinal == 0);
                var value = invocation.Arguments.First(a => a.Parameter?.Ordinal == 1);
                if (IsAuthorization(name.Value, context.CancellationToken))
                {
                    ReportBearerValue(context, value.Value, invocation.Syntax, sink.Value);
                }

                return;

            case "Invoke" or "RawInvoke" when IsFunctionsClient(method.ContainingType, supabase):
                var token = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "token");
                if (token is null || token.IsImplicit)
                {
                    return;
                }

                var tokenText = ValueResolver.ResolveString(token.Value, context.CancellationToken);
                if (KeyClassifier.ClassifyWhole(tokenText) is { IsNewFormat: true } key)
                {
                    Report(context, token.Syntax, key, tokenText!, BearerSink.FunctionsToken);
                }

                return;
        }
    }

    /// <summary>Reports when <paramref name="value"/> resolves to <c>Bearer &lt;new-format key&gt;</c>.</summary>
    private static void ReportBearerValue(OperationAnalysisContext context, IOperation value, SyntaxNode location, BearerSink sink)
    {
        var text = ValueResolver.ResolveString(value, context.CancellationToken);
        if (text is null)
        {
            return;
        }

        var trimmed = text.TrimStart();
        var space = trimmed.IndexOfAny(SchemeSeparators);
        if (space < 0 || !IsBearerScheme(trimmed.Substring(0, space)))
        {
            return;
        }

        if (KeyClassifier.ClassifyWhole(trimmed.Substring(space)) is { IsNewFormat: true } key)
        {
            Report(context, location, key, trimmed.Substring(space), sink);
        }
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode location, KeyMatch key, string text, BearerSink sink)
        => context.ReportDiagnostic(Diagnostic.Create(
            RuleDescriptors.SBK002,
            location.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(SinkProperty, sink.ToString()),
            key.Describe(text)));

    private static bool IsBearerScheme(string? scheme) => string.Equals(scheme?.Trim(), "Bearer", StringComparison.OrdinalIgnoreCase);

    private static bool IsAuthorization(IOperation name, CancellationToken cancellationToken)
        => string.Equals(ValueResolver.ResolveString(name, cancellationToken), AuthorizationHeader, StringComparison.OrdinalIgnoreCase);

    private static bool IsStringDictionary(INamedTypeSymbol? type, SupabaseContext supabase)
        => type.IsOrImplements(supabase.GenericDictionary, d => d.TypeArguments.All(t => t.SpecialType == SpecialType.System_String));

    private static bool IsFunctionsClient(INamedTypeSymbol? type, SupabaseContext supabase)
        => type.IsOrDerivesFrom(supabase.FunctionsClient) || SymbolEqualityComparer.Default.Equals(type, supabase.FunctionsClientInterface);
}

/// <summary>Where SBK002 found the Bearer value; the fixer rewrites each shape differently.</summary>
public enum BearerSink
{
    /// <summary><c>headers.Authorization = new AuthenticationHeaderValue("Bearer", key)</c>.</summary>
    AuthorizationProperty,

    /// <summary><c>headers.Add("Authorization", "Bearer " + key)</c> (also <c>TryAddWithoutValidation</c>, dictionaries).</summary>
    HeadersAdd,

    /// <summary><c>{ "Authorization", $"Bearer {key}" }</c> in a collection initializer.</summary>
    CollectionInitializer,

    /// <summary><c>headers["Authorization"] = "Bearer " + key</c>, also <c>["Authorization"] = …</c> in an object initializer.</summary>
    Indexer,

    /// <summary><c>functions.Invoke(name, token: key)</c>: Supabase Functions sends <c>token</c> as a Bearer token.</summary>
    FunctionsToken,
}
