using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.ValueFlow;

/// <summary>
/// The one answer to "what can this expression hold?" for every rule: the set of <see cref="FlowValue"/>s (strings,
/// environment variables, configuration keys, objects built in the source) an expression can evaluate to, without
/// running it. It follows, flow-insensitively:
/// <list type="bullet">
/// <item>conversions, casts, parentheses, <c>!</c>, what the <see cref="IValueFlowConventions"/> say a call hands back, both sides of <c>??</c>
/// (a <c>throw</c> adds nothing), both arms of <c>?:</c>, concatenations, interpolations, <c>string.Concat/Format</c>;</item>
/// <item>locals: every write in their body; fields and properties: initializers, getters, and every assignment in the
/// compilation (constructors, object initializers, other types through member-access chains);</item>
/// <item>methods of the compilation: every value they return; <c>Environment.GetEnvironmentVariable</c>;
/// <c>IConfiguration</c> indexers, <c>GetSection(…)[…]</c> and <c>GetValue&lt;string&gt;</c>;</item>
/// <item>dependency injection: a constructor or lambda parameter whose type the compilation registers exactly once
/// through <c>AddSingleton</c>/<c>AddScoped</c>/<c>AddTransient</c> resolves to that registration (found by
/// <see cref="ServiceRegistrations"/>).</item>
/// </list>
/// Anything else (other parameters, values from other assemblies, <c>out</c>/<c>ref</c> writes) is
/// <see cref="FlowValue.Unknown"/>. Which writes reach a symbol is the <see cref="WriteFinder"/>'s answer. The resolver
/// names no library: what a library's calls return comes from its <see cref="IValueFlowConventions"/>. One instance per
/// compilation (the Supabase SDK model owns it); member values are computed on first use and cached; a walk stops
/// after <see cref="MaxDepth"/> steps or on a cycle.
/// </summary>
internal sealed class ValueFlowResolver
{
    /// <summary>How many definitions (local → field → constant …) one answer may go through.</summary>
    public const int MaxDepth = 12;

    /// <summary>Combinations of concatenated parts beyond this are not worth spelling out.</summary>
    private const int MaxValues = 16;

    private static readonly ImmutableArray<FlowValue> UnknownValue = ImmutableArray.Create(FlowValue.Unknown);

    private readonly Compilation compilation;
    private readonly IValueFlowConventions conventions;
    private readonly SettingsFiles settings;
    /// <summary>The values of members, locals and constructors' parameters, per symbol (<see cref="Walk"/>'s <c>Cached</c>).</summary>
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<FlowValue>> symbols = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ServiceRegistrations> registrations;
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<IOperation>> registered = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IOperation>> constructions = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<string?>> boundSections = new(SymbolEqualityComparer.Default);

    /// <summary>The configuration binder's calls that fill an object from a section.</summary>
    private static readonly string[] BindingNames = { "Configure", "Bind", "Get" };
    private readonly INamedTypeSymbol? environment;
    private readonly INamedTypeSymbol? configuration;

    public ValueFlowResolver(Compilation compilation, IValueFlowConventions conventions, SettingsFiles settings)
    {
        this.compilation = compilation;
        this.conventions = conventions;
        this.settings = settings;
        Writes = new WriteFinder(compilation);
        environment = compilation.GetTypeByMetadataName("System.Environment");
        configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        registrations = new Lazy<ServiceRegistrations>(() => new ServiceRegistrations(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Which writes reach a symbol, for this compilation.</summary>
    public WriteFinder Writes { get; }

    /// <summary>What the project's settings files give configuration keys.</summary>
    public SettingsFiles Settings => settings;

    /// <summary>Every value <paramref name="operation"/> can hold; <see cref="FlowValue.Unknown"/> among them when a path is not followed.</summary>
    public ImmutableArray<FlowValue> Values(IOperation? operation, CancellationToken cancellationToken)
        => new Walk(this, cancellationToken).Values(operation, 0);

    /// <summary>The one string <paramref name="operation"/> always holds, or null.</summary>
    public string? Text(IOperation? operation, CancellationToken cancellationToken)
    {
        var unwrapped = Unwrap(operation);
        if (unwrapped is ILiteralOperation { Type.SpecialType: SpecialType.System_String, Syntax: LiteralExpressionSyntax literal })
        {
            // A string literal: its token holds the value (a constant's value is rebuilt as a string on each read).
            return literal.Token.Value as string;
        }

        if (unwrapped is { ConstantValue.HasValue: true } constant)
        {
            // A literal or a constant: known without a walk (most header names and schemes are).
            return constant.ConstantValue.Value as string;
        }

        var values = Values(operation, cancellationToken);
        return values.Length == 1 && values[0].Kind == FlowValueKind.Text ? values[0].Text : null;
    }

    /// <summary>Removes conversions and parentheses.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The operation of an expression, skipping what the operation tree does not show: <c>!</c> and parentheses
    /// (<c>GetOperation</c> on <c>x!</c> answers null).
    /// </summary>
    public static IOperation? OperationOf(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        while (expression is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } or ParenthesizedExpressionSyntax)
        {
            expression = expression is PostfixUnaryExpressionSyntax suppressed ? suppressed.Operand : ((ParenthesizedExpressionSyntax)expression).Expression;
        }

        return model.GetOperation(expression, cancellationToken);
    }

    /// <summary>The bodies of a method, lambda or local function: what <c>return</c> hands back.</summary>
    public static IEnumerable<IOperation> ReturnedValues(IOperation body)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } && IsOwnReturn(operation, body))
            {
                yield return value;
            }
        }
    }

    private static bool IsOwnReturn(IOperation operation, IOperation body)
    {
        for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return true;
    }

#pragma warning disable RS1030 // Values flow across files: the analyzer driver's semantic model provider caches these models.
    private SemanticModel ModelFor(SyntaxTree tree) => compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    /// <summary>
    /// True when the container constructs <paramref name="type"/>: a registration names it, by its name as written, as
    /// its implementation type (<c>AddScoped&lt;Repository&gt;()</c>, <c>AddScoped&lt;IRepository, Repository&gt;()</c>).
    /// Its constructor's parameters are then the container's, not looked for in <c>new</c> expressions. Decided from
    /// the syntax alone (a type of the same name elsewhere can only make a parameter the container's, never a key): one
    /// lookup in the <see cref="ServiceRegistrations"/> index.
    /// </summary>
    private bool IsConstructedByContainer(ITypeSymbol type)
        => registrations.Value.MayConstruct(type);

    /// <summary>
    /// What the compilation registers for <paramref name="service"/> (the instance, or the values its factory returns),
    /// cached per type, up to two registrations: only the one registration of a type is followed. A call whose explicit
    /// service type argument names another type (<c>AddScoped&lt;Repository&gt;()</c>) is ruled out from its syntax; the
    /// others are bound, one at a time, until a second registration of the type turns up.
    /// </summary>
    private ImmutableArray<IOperation> Registered(ITypeSymbol service, CancellationToken cancellationToken)
    {
        if (registered.TryGetValue(service, out var cached))
        {
            return cached;
        }

        var found = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var registration in registrations.Value.Calls)
        {
            if (!registrations.Value.MayRegister(registration, service))
            {
                continue;
            }

            var call = registration.Syntax;
            cancellationToken.ThrowIfCancellationRequested();
            if (ModelFor(call.SyntaxTree).GetOperation(call, cancellationToken) is not IInvocationOperation { TargetMethod: { } method } invocation)
            {
                continue;
            }

            var type = method.TypeArguments.FirstOrDefault();
            foreach (var argument in invocation.Arguments)
            {
                var value = Unwrap(argument.Value);
                if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation factory })
                {
                    if (SymbolEqualityComparer.Default.Equals(type ?? factory.Symbol.ReturnType, service))
                    {
                        found.AddRange(ReturnedValues(factory.Body));
                    }
                }
                else if (argument.Parameter is { Ordinal: > 0 } && argument.Value.Type is { } instanceType && method.TypeArguments.Length <= 1 && method.Parameters.Length == 2
                    && SymbolEqualityComparer.Default.Equals(type ?? instanceType, service))
                {
                    // AddSingleton<T>(services, instance) or AddSingleton(services, instance).
                    found.Add(argument.Value);
                }
            }

            if (found.Count > 1)
            {
                break;
            }
        }

        return registered.GetOrAdd(service, found.ToImmutable());
    }

    /// <summary>
    /// Every call of <paramref name="constructor"/> written in the compilation (<c>new T(…)</c>, <c>new(…)</c>,
    /// <c>: this(…)</c>, <c>: base(…)</c>), looked for in the trees whose text names its type, cached per constructor.
    /// </summary>
    private ImmutableArray<IOperation> Constructions(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        constructor = constructor.OriginalDefinition;
        if (constructions.TryGetValue(constructor, out var cached))
        {
            return cached;
        }

        var type = constructor.ContainingType;
        var found = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!TreeText.MayName(tree, type.Name, cancellationToken))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (!SourceSyntax.IsConstructorCall(node)
                    || node is ObjectCreationExpressionSyntax { Type: var named } && ServiceRegistrations.RightmostName(named) is { } spelled && spelled != type.Name && !registrations.Value.MayBeAlias(spelled, tree))
                {
                    continue;
                }

                model ??= ModelFor(tree);
                var called = model.GetOperation(node, cancellationToken) switch
                {
                    IObjectCreationOperation creation => (creation.Constructor, (IOperation)creation),
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation),
                    _ => default,
                };
                if (called.Item1 is { } method && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, constructor))
                {
                    found.Add(called.Item2);
                }
            }
        }

        return constructions.GetOrAdd(constructor, found.ToImmutable());
    }

    /// <summary>
    /// The configuration sections the compilation binds objects of <paramref name="type"/> from
    /// (<c>services.Configure&lt;T&gt;(section)</c>, <c>section.Get&lt;T&gt;()</c>, <c>section.Bind(instance)</c>,
    /// <c>AddOptions&lt;T&gt;().Bind(section)</c>), as key prefixes (<c>Supabase:</c>, or empty for the root); null for
    /// a section whose name is not known. Looked for in the trees that name the type, cached per type. The section names
    /// are resolved by the <paramref name="walk"/> that asks, so that a name read from the bound type itself is a cycle.
    /// </summary>
    private ImmutableArray<string?> BoundSections(ITypeSymbol type, Walk walk, CancellationToken cancellationToken)
    {
        if (configuration is null)
        {
            return ImmutableArray<string?>.Empty;
        }

        if (boundSections.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var found = ImmutableArray.CreateBuilder<string?>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!TreeText.MayName(tree, type.Name, cancellationToken) || !BindingNames.Any(name => TreeText.MayName(tree, name, cancellationToken)))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = call.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is null || Array.IndexOf(BindingNames, name) < 0)
                {
                    continue;
                }

                model ??= ModelFor(tree);
                if (model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                var binds = method.TypeArguments.Contains(type, SymbolEqualityComparer.Default)
                    || invocation.Arguments.Any(a => SymbolEqualityComparer.Default.Equals(Unwrap(a.Value)?.Type, type))
                    || invocation.Instance?.Type is INamedTypeSymbol { TypeArguments: var receiverArguments } && receiverArguments.Contains(type, SymbolEqualityComparer.Default);
                var section = invocation.Arguments.Select(a => a.Value).Prepend(invocation.Instance).FirstOrDefault(v => v?.Type is INamedTypeSymbol named && named.IsOrImplements(configuration));
                if (binds && section is not null)
                {
                    found.Add(walk.SectionPrefix(section, 0));
                }
            }
        }

        return boundSections.GetOrAdd(type, found.ToImmutable());
    }

    /// <summary>One question's walk: its depth and the members it is resolving (a cycle answers Unknown).</summary>
    private sealed class Walk
    {
        private readonly ValueFlowResolver resolver;
        private readonly CancellationToken cancellationToken;
        private HashSet<ISymbol>? visitingSet;
        private int cycles;

        public Walk(ValueFlowResolver resolver, CancellationToken cancellationToken)
        {
            this.resolver = resolver;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>The symbols this walk is resolving (created on first use: most walks end at a constant or a cached symbol).</summary>
        private HashSet<ISymbol> Visiting => visitingSet ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public ImmutableArray<FlowValue> Values(IOperation? operation, int depth)
        {
            operation = Unwrap(operation);
            while (resolver.conventions.SameValueAs(operation) is { } same)
            {
                operation = Unwrap(same);
            }

            if (operation is null || depth > MaxDepth)
            {
                return UnknownValue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value is string text ? ImmutableArray.Create(FlowValue.FromText(text, operation.Syntax)) : ImmutableArray<FlowValue>.Empty;
            }

            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return Concat(new[] { binary.LeftOperand, binary.RightOperand }, depth);

                case IInterpolatedStringOperation interpolated:
                    return Interpolation(interpolated, depth);

                case ICoalesceOperation coalesce:
                    return Union(Values(coalesce.Value, depth + 1), Fallback(coalesce.WhenNull, depth + 1));

                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Union(Values(conditional.WhenTrue, depth + 1), Values(whenFalse, depth + 1));

                case ISimpleAssignmentOperation assignment:
                    return Values(assignment.Value, depth + 1);

                case IThrowOperation:
                    return ImmutableArray<FlowValue>.Empty;

                case IConditionalAccessInstanceOperation instance:
                    // The receiver of client?.Auth: what is left of the ?.
                    for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
                    {
                        if (parent is IConditionalAccessOperation access && access.Operation.Syntax == instance.Syntax)
                        {
                            return Values(access.Operation, depth + 1);
                        }
                    }

                    return UnknownValue;

                case IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation:
                    return ImmutableArray.Create(FlowValue.FromObject(operation));

                case IInvocationOperation invocation:
                    return Invocation(invocation, depth);

                case ILocalReferenceOperation local:
                    return Local(local);

                case IParameterReferenceOperation parameter:
                    return Parameter(parameter.Parameter, depth);

                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                    return ConfigurationIndexer(indexer, depth);

                case IPropertyReferenceOperation when resolver.conventions.PartOf(operation) is { } whole:
                    // var auth = client.Auth: the library's part of an object stands for the object.
                    return Values(whole, depth + 1);

                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    return Member(((IMemberReferenceOperation)operation).Member);

                default:
                    return UnknownValue;
            }
        }

        /// <summary>The right of <c>??</c>: an empty string there is a placeholder, not a value the code means to use.</summary>
        private ImmutableArray<FlowValue> Fallback(IOperation whenNull, int depth)
        {
            var values = Values(whenNull, depth);
            return values.RemoveAll(v => v.Kind == FlowValueKind.Text && v.Text!.Length == 0);
        }

        private ImmutableArray<FlowValue> Concat(IReadOnlyList<IOperation> parts, int depth)
        {
            var results = new List<string> { string.Empty };
            foreach (var part in parts)
            {
                var values = Values(part, depth + 1);
                if (values.IsEmpty || values.Any(v => v.Kind != FlowValueKind.Text) || results.Count * values.Length > MaxValues)
                {
                    return UnknownValue;
                }

                results = results.SelectMany(prefix => values.Select(v => prefix + v.Text)).ToList();
            }

            var formedAt = parts.Count > 0 ? parts[0].Parent?.Syntax : null;
            return results.Select(text => FlowValue.FromText(text, formedAt)).Distinct().ToImmutableArray();
        }

        private ImmutableArray<FlowValue> Interpolation(IInterpolatedStringOperation interpolated, int depth)
        {
            var parts = new List<IOperation>();
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        parts.Add(text.Text);
                        break;
                    case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                        parts.Add(hole.Expression);
                        break;
                    default:
                        return UnknownValue;
                }
            }

            var values = Concat(parts, depth);
            return values.Select(v => v.Kind == FlowValueKind.Text ? FlowValue.FromText(v.Text!, interpolated.Syntax) : v).ToImmutableArray();
        }

        private ImmutableArray<FlowValue> Invocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "GetEnvironmentVariable" && SymbolEqualityComparer.Default.Equals(method.ContainingType, resolver.environment) && invocation.Arguments.Length >= 1)
            {
                return Values(invocation.Arguments[0].Value, depth + 1)
                    .Select(name => name.Kind == FlowValueKind.Text ? FlowValue.FromEnvironment(name.Text!, invocation.Syntax) : FlowValue.Unknown)
                    .Distinct()
                    .ToImmutableArray();
            }

            if (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic)
            {
                return StringMethod(invocation, depth);
            }

            if (method is { Name: "GetValue", IsExtensionMethod: true, TypeArguments.Length: 1 } && method.TypeArguments[0].SpecialType == SpecialType.System_String
                && invocation.Arguments.Length >= 2 && IsConfiguration(invocation.Arguments[0].Value.Type))
            {
                return ConfigurationKey(invocation.Arguments[0].Value, invocation.Arguments[1].Value, invocation.Syntax, depth);
            }

            if (resolver.conventions.IsFactory(method))
            {
                return ImmutableArray.Create(FlowValue.FromObject(invocation));
            }

            return Returned(method, depth);
        }

        private ImmutableArray<FlowValue> StringMethod(IInvocationOperation invocation, int depth)
        {
            var arguments = invocation.Arguments
                .OrderBy(a => a.Parameter?.Ordinal ?? 0)
                .SelectMany(a => a.ArgumentKind == ArgumentKind.ParamArray && Unwrap(a.Value) is IArrayCreationOperation { Initializer: { } init } ? (IEnumerable<IOperation>)init.ElementValues : new[] { a.Value })
                .ToList();
            switch (invocation.TargetMethod.Name)
            {
                case "Concat":
                    return Concat(arguments, depth);
                case "Format" when arguments.Count >= 1:
                    var texts = arguments.Select(a => Values(a, depth + 1)).ToList();
                    if (texts.Any(t => t.Length != 1 || t[0].Kind != FlowValueKind.Text))
                    {
                        return UnknownValue;
                    }

                    try
                    {
                        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts[0][0].Text!, texts.Skip(1).Select(t => (object)t[0].Text!).ToArray());
                        return ImmutableArray.Create(FlowValue.FromText(text, invocation.Syntax));
                    }
                    catch (FormatException)
                    {
                        return UnknownValue;
                    }

                default:
                    return UnknownValue;
            }
        }

        /// <summary><c>configuration["A:B"]</c> and <c>configuration.GetSection("A")["B"]</c>.</summary>
        private ImmutableArray<FlowValue> ConfigurationIndexer(IPropertyReferenceOperation indexer, int depth)
            => indexer.Arguments.Length == 1 && indexer.Instance is { } instance && IsConfiguration(instance.Type)
                ? ConfigurationKey(instance, indexer.Arguments[0].Value, indexer.Syntax, depth)
                : UnknownValue;

        private ImmutableArray<FlowValue> ConfigurationKey(IOperation configuration, IOperation key, SyntaxNode formedAt, int depth)
        {
            if (SectionPrefix(configuration, depth) is not { } prefix)
            {
                return UnknownValue;
            }

            return Values(key, depth + 1)
                .SelectMany(k => k.Kind == FlowValueKind.Text ? Configured(prefix + k.Text, formedAt) : new[] { FlowValue.Unknown })
                .Distinct()
                .ToImmutableArray();
        }

        /// <summary>
        /// The key prefix a configuration object reads under: <c>Supabase:</c> for <c>configuration.GetSection("Supabase")</c>,
        /// empty for the configuration itself; null when the section's name is not known.
        /// </summary>
        public string? SectionPrefix(IOperation configuration, int depth)
        {
            if (Unwrap(configuration) is not IInvocationOperation { TargetMethod.Name: "GetSection", Arguments.Length: 1 } getSection)
            {
                return string.Empty;
            }

            var sections = Values(getSection.Arguments[0].Value, depth + 1);
            return sections.Length == 1 && sections[0].Kind == FlowValueKind.Text ? sections[0].Text + ":" : null;
        }

        /// <summary>
        /// A configuration key's values: what the project's settings files give it (every file that sets it), or the key
        /// itself, whose name may say what it holds, when no file sets it.
        /// </summary>
        private IEnumerable<FlowValue> Configured(string key, SyntaxNode? formedAt)
        {
            var configured = resolver.settings.ValuesOf(key);
            return configured.IsEmpty
                ? new[] { FlowValue.FromConfiguration(key, formedAt) }
                : configured.Select(value => FlowValue.FromText(value, formedAt));
        }

        private bool IsConfiguration(ITypeSymbol? type)
            => resolver.configuration is not null && type is INamedTypeSymbol named && named.IsOrImplements(resolver.configuration);

        /// <summary>
        /// Every value the method, accessor or local function declared by <paramref name="declaration"/> returns
        /// (an expression body is a <c>return</c> too); Unknown when it returns none it can follow.
        /// </summary>
        private ImmutableArray<FlowValue> BodyValues(SyntaxNode declaration, int depth)
        {
            if (resolver.ModelFor(declaration.SyntaxTree).GetOperation(declaration, cancellationToken) is not { } body)
            {
                return UnknownValue;
            }

            var results = ImmutableArray<FlowValue>.Empty;
            foreach (var value in ReturnedValues(body))
            {
                results = Union(results, Values(value, depth + 1));
            }

            return results.IsEmpty ? UnknownValue : results;
        }

        /// <summary>Every value a method of the compilation returns; Unknown for methods elsewhere.</summary>
        private ImmutableArray<FlowValue> Returned(IMethodSymbol method, int depth)
        {
            if (method.DeclaringSyntaxReferences.Length != 1 || method.IsAbstract || method.IsVirtual || method.ReturnsVoid || !Visiting.Add(method))
            {
                return UnknownValue;
            }

            try
            {
                return BodyValues(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), depth);
            }
            finally
            {
                Visiting.Remove(method);
            }
        }

        /// <summary>
        /// A local: its initializer and every assignment in its body (flow-insensitive), so its values do not depend on
        /// where it is read; cached per local like a member's, since several rules ask about the same client and options.
        /// </summary>
        private ImmutableArray<FlowValue> Local(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (local.IsRef || reference.SemanticModel is null)
            {
                return UnknownValue;
            }

            return Cached(local, reference, static (walk, _, reference) => walk.LocalValues(reference));
        }

        private ImmutableArray<FlowValue> LocalValues(ILocalReferenceOperation reference)
        {
            if (reference.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } declaration)
            {
                return UnknownValue;
            }

            var results = ImmutableArray<FlowValue>.Empty;
            switch (declaration)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } initializer }:
                    results = Values(OperationOf(reference.SemanticModel!, initializer, cancellationToken), 1);
                    break;
                case VariableDeclaratorSyntax:
                    break;
                default:
                    // Pattern, foreach, out var, catch, using variables: not followed.
                    return UnknownValue;
            }

            foreach (var write in resolver.Writes.OfLocal(reference))
            {
                if (write.Kind != WriteKind.Assignment)
                {
                    return UnknownValue;
                }

                results = Union(results, Values(write.Value, 1));
            }

            return results.IsEmpty ? UnknownValue : results;
        }

        /// <summary>
        /// A constructor's parameter (a primary constructor's and a positional record's too): what every call of the
        /// constructor written in the compilation passes for it, cached per parameter. A parameter of a type the
        /// container constructs, or that no call in the source fills, and a lambda's, is the container's: the
        /// compilation's one registration of its type.
        /// </summary>
        private ImmutableArray<FlowValue> Parameter(IParameterSymbol parameter, int depth)
        {
            if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && parameter.RefKind == RefKind.None && !parameter.IsParams
                && !resolver.IsConstructedByContainer(constructor.ContainingType))
            {
                var passed = Passed(constructor, parameter.OriginalDefinition);
                if (!passed.IsDefault)
                {
                    return passed;
                }
            }

            var injected = parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.LambdaMethod };
            if (!injected || resolver.Registered(parameter.Type, cancellationToken) is not { Length: 1 } registered)
            {
                return UnknownValue;
            }

            return Values(registered[0], depth + 1);
        }

        /// <summary>The values every call of <paramref name="constructor"/> in the source passes for <paramref name="parameter"/>; default when there is none.</summary>
        private ImmutableArray<FlowValue> Passed(IMethodSymbol constructor, IParameterSymbol parameter)
            => resolver.Constructions(constructor, cancellationToken).IsEmpty
                ? default
                : Cached(parameter, (SemanticModel?)null, static (walk, symbol, _) => walk.PassedValues((IParameterSymbol)symbol));

        private ImmutableArray<FlowValue> PassedValues(IParameterSymbol parameter)
        {
            var results = ImmutableArray<FlowValue>.Empty;
            foreach (var call in resolver.Constructions((IMethodSymbol)parameter.ContainingSymbol, cancellationToken))
            {
                var arguments = call is IObjectCreationOperation creation ? creation.Arguments : ((IInvocationOperation)call).Arguments;
                var argument = arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
                results = Union(results, argument is null ? UnknownValue : Values(argument.Value, 1));
            }

            return results;
        }

        private ImmutableArray<FlowValue> Member(ISymbol member)
        {
            member = member.OriginalDefinition;
            return member is IFieldSymbol { IsConst: true, ConstantValue: string constant }
                ? ImmutableArray.Create(FlowValue.FromText(constant, null))
                : Cached(member, (SemanticModel?)null, static (walk, symbol, _) => walk.MemberValues(symbol));
        }

        /// <summary>
        /// The values of a member, a local or a constructor's parameter. Its answer does not depend on who asks (it starts with the
        /// whole depth budget), so it is computed once and cached per symbol, unless a cycle cut it short; a symbol this
        /// walk is already resolving is a cycle, and Unknown. <paramref name="compute"/> is static and gets
        /// <paramref name="state"/> (a local's semantic model), so that asking about a cached symbol allocates nothing.
        /// </summary>
        private ImmutableArray<FlowValue> Cached<TState>(ISymbol symbol, TState state, Func<Walk, ISymbol, TState, ImmutableArray<FlowValue>> compute)
        {
            if (resolver.symbols.TryGetValue(symbol, out var cached))
            {
                return cached;
            }

            if (!Visiting.Add(symbol))
            {
                cycles++;
                return UnknownValue;
            }

            var cyclesBefore = cycles;
            ImmutableArray<FlowValue> values;
            try
            {
                values = compute(this, symbol, state);
            }
            finally
            {
                Visiting.Remove(symbol);
            }

            if (cycles == cyclesBefore)
            {
                resolver.symbols.TryAdd(symbol, values);
            }

            return values;
        }

        private ImmutableArray<FlowValue> MemberValues(ISymbol member)
        {
            if (member.DeclaringSyntaxReferences.IsEmpty)
            {
                return UnknownValue;
            }

            var results = ImmutableArray<FlowValue>.Empty;
            var hasDefinition = false;
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                var model = resolver.ModelFor(declaration.SyntaxTree);
                if (declaration is PropertyDeclarationSyntax { AccessorList: { } accessors } && accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
                {
                    // A property with accessor bodies: what its getter returns (a backing field, a computation).
                    var getter = accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
                    return getter is null ? UnknownValue : BodyValues(getter, 0);
                }

                if (declaration is ParameterSyntax && model.GetDeclaredSymbol(declaration, cancellationToken) is IParameterSymbol { ContainingSymbol: IMethodSymbol constructor } positional)
                {
                    // A positional record's property: what every construction passes for its parameter.
                    hasDefinition = true;
                    var passed = Passed(constructor, positional);
                    results = Union(results, passed.IsDefault ? UnknownValue : passed);
                    continue;
                }

                var definition = declaration switch
                {
                    VariableDeclaratorSyntax { Initializer.Value: { } value } => value,
                    PropertyDeclarationSyntax { Initializer.Value: { } value } => value,
                    PropertyDeclarationSyntax { ExpressionBody.Expression: { } value } => value,
                    _ => null,
                };
                if (definition is not null)
                {
                    hasDefinition = true;
                    results = Union(results, Values(OperationOf(model, definition, cancellationToken), 1));
                }
            }

            foreach (var write in resolver.Writes.OfMember(member, cancellationToken))
            {
                if (write.Kind != WriteKind.Assignment)
                {
                    return UnknownValue;
                }

                hasDefinition = true;
                var written = write.Value;
                if (Unwrap(written) is IMemberReferenceOperation copy && SymbolEqualityComparer.Default.Equals(copy.Member.OriginalDefinition, member))
                {
                    // settings.Key = other.Key: a copy from another object of the same type adds no value of its own.
                    continue;
                }

                results = Union(results, Values(written, 1));
            }

            if (member is IPropertySymbol { SetMethod: not null, ContainingType: { } settings })
            {
                // A settable property of an object the configuration binder fills: what the bound section sets too.
                foreach (var prefix in resolver.BoundSections(settings, this, cancellationToken))
                {
                    hasDefinition = true;
                    results = Union(results, prefix is null ? UnknownValue : Configured(prefix + member.Name, null).ToImmutableArray());
                }
            }

            if (!hasDefinition)
            {
                // Never written in the source: bound from configuration when the conventions say so (ServiceRoleKey).
                return resolver.conventions.IsBoundFromConfiguration(member) ? ImmutableArray.Create(FlowValue.FromConfiguration(member.Name, null)) : UnknownValue;
            }

            return results;
        }

        private static ImmutableArray<FlowValue> Union(ImmutableArray<FlowValue> left, ImmutableArray<FlowValue> right)
        {
            if (left.IsEmpty)
            {
                return right;
            }

            if (right.IsEmpty)
            {
                return left;
            }

            var builder = left.ToBuilder();
            foreach (var value in right)
            {
                if (!builder.Contains(value))
                {
                    builder.Add(value);
                }
            }

            return builder.Count > MaxValues ? UnknownValue : builder.ToImmutable();
        }
    }
}
