using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.ValueFlow;

/// <summary>
/// The dependency-injection registrations of a compilation (<c>Add{Singleton,Scoped,Transient}</c>, <c>TryAdd…</c>,
/// <c>Microsoft.Extensions.DependencyInjection</c>) and the type aliases that can hide the types they name, found
/// without binding. Each tree is looked at once and its answer cached per syntax tree (<see cref="TreeCache"/>)
/// (an unchanged file is not looked at again in the next compilation of an editing session):
/// <list type="bullet">
/// <item>registrations: one search of the tree's text for <c>Add</c>, every registration name containing it; the tree
/// is not walked;</item>
/// <item><c>global using X = …;</c> aliases: from the compilation unit's using directives, the only place they can be;</item>
/// <item>the other aliases of a tree: from its compilation unit and namespace declarations, when first asked.</item>
/// </list>
/// The registrations are indexed by the names their type arguments spell, so that whether a type is registered is one
/// lookup, whatever the number of types asked about and of registrations.
/// </summary>
internal sealed class ServiceRegistrations
{
    /// <summary>The registration methods followed; each contains <see cref="Add"/> followed by a lifetime.</summary>
    private static readonly string[] Names = { "AddSingleton", "AddScoped", "AddTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient" };

    private static readonly string[] Lifetimes = { "Singleton", "Scoped", "Transient" };

    private const string Add = "Add";

    private static readonly Func<SyntaxTree, CancellationToken, TreeFacts> Create = (tree, _) => TreeFacts.Create(tree);

    private readonly ImmutableHashSet<string> globalAliases;
    private readonly HashSet<string> implementations = new(StringComparer.Ordinal);
    private readonly bool implementationMayBeAlias;

    public ServiceRegistrations(Compilation compilation)
    {
        var calls = ImmutableArray.CreateBuilder<Registration>();
        var aliases = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var facts = FactsOf(tree);
            if (!facts.Registrations.IsEmpty)
            {
                calls.AddRange(facts.Registrations);
            }

            foreach (var alias in facts.GlobalAliases)
            {
                aliases.Add(alias);
            }
        }

        globalAliases = aliases.ToImmutable();
        Calls = calls.ToImmutable();
        foreach (var call in Calls)
        {
            if (call.Implementation is { } spelled)
            {
                implementations.Add(spelled);
                implementationMayBeAlias |= MayBeAlias(spelled, call.Syntax.SyntaxTree);
            }
        }
    }

    /// <summary>Every registration call of the compilation, in the order of its trees.</summary>
    public ImmutableArray<Registration> Calls { get; }

    /// <summary>
    /// True when a registration names <paramref name="type"/>, by its name as written, as its implementation type
    /// (<c>AddScoped&lt;Repository&gt;()</c>, <c>AddScoped&lt;IRepository, Repository&gt;()</c>), or names an alias
    /// that can be it.
    /// </summary>
    public bool MayConstruct(ITypeSymbol type) => implementationMayBeAlias || implementations.Contains(type.Name);

    /// <summary>False when the call's explicit service type argument names another type than <paramref name="service"/>.</summary>
    public bool MayRegister(Registration call, ITypeSymbol service)
        => call.Service is not { } spelled || spelled == service.Name || MayBeAlias(spelled, call.Syntax.SyntaxTree);

    /// <summary>True when <paramref name="spelled"/>, a type's name as written in <paramref name="tree"/>, may be an alias of another type.</summary>
    public bool MayBeAlias(string spelled, SyntaxTree tree) => globalAliases.Contains(spelled) || FactsOf(tree).Aliases.Contains(spelled);

    /// <summary>The last name of a type as written: <c>Client</c> for <c>Supabase.Client</c>.</summary>
    public static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static TreeFacts FactsOf(SyntaxTree tree) => TreeCache.GetOrCreate(tree, TreeSlot.Registrations, Create, CancellationToken.None);

    /// <summary>One registration call, with the names its first and last type arguments spell (null without type arguments).</summary>
    internal readonly struct Registration
    {
        public Registration(InvocationExpressionSyntax syntax, string? service, string? implementation)
        {
            Syntax = syntax;
            Service = service;
            Implementation = implementation;
        }

        public InvocationExpressionSyntax Syntax { get; }

        public string? Service { get; }

        public string? Implementation { get; }
    }

    /// <summary>What one tree holds: its registrations, its global aliases, and (on first use) all its aliases.</summary>
    private sealed class TreeFacts
    {
        private readonly SyntaxTree tree;
        private ImmutableHashSet<string>? aliases;

        private TreeFacts(SyntaxTree tree, ImmutableArray<Registration> registrations, ImmutableArray<string> globalAliases)
        {
            this.tree = tree;
            Registrations = registrations;
            GlobalAliases = globalAliases;
        }

        public ImmutableArray<Registration> Registrations { get; }

        public ImmutableArray<string> GlobalAliases { get; }

        /// <summary>The alias names the using directives of the tree declare (file and namespace level).</summary>
        public ImmutableHashSet<string> Aliases => aliases ??= AliasesIn(tree.GetRoot());

        public static TreeFacts Create(SyntaxTree tree)
        {
            var root = tree.GetRoot();
            var globals = ImmutableArray<string>.Empty;
#if !ROSLYN_3_7
            if (root is CompilationUnitSyntax unit)
            {
                // Global using directives come first in a compilation unit, and nowhere else.
                foreach (var directive in unit.Usings)
                {
                    if (!directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                    {
                        break;
                    }

                    if (directive.Alias is { Name.Identifier.ValueText: var alias })
                    {
                        globals = globals.Add(alias);
                    }
                }
            }
#endif

            return new TreeFacts(tree, RegistrationsIn(tree, root), globals);
        }

        /// <summary>
        /// The registration calls of the tree: each place its text says <c>Add</c> followed by a lifetime is looked up in
        /// the tree, which is never walked as a whole.
        /// </summary>
        private static ImmutableArray<Registration> RegistrationsIn(SyntaxTree tree, SyntaxNode root)
        {
            var text = tree.GetText().ToString();
            var found = ImmutableArray<Registration>.Empty;
            for (var at = text.IndexOf(Add, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Add, at + Add.Length, StringComparison.Ordinal))
            {
                if (!IsFollowedByLifetime(text, at + Add.Length))
                {
                    continue;
                }

                var token = root.FindToken(at);
                if (Array.IndexOf(Names, token.ValueText) >= 0
                    && token.Parent is SimpleNameSyntax name
                    && name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                    && access.Parent is InvocationExpressionSyntax call && call.Expression == access)
                {
                    var typeArguments = name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments : default;
                    found = found.Add(typeArguments.Count == 0
                        ? new Registration(call, null, null)
                        : new Registration(call, RightmostName(typeArguments[0]), RightmostName(typeArguments[typeArguments.Count - 1])));
                }
            }

            return found;
        }

        private static bool IsFollowedByLifetime(string text, int at)
        {
            foreach (var lifetime in Lifetimes)
            {
                if (string.CompareOrdinal(text, at, lifetime, 0, lifetime.Length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableHashSet<string> AliasesIn(SyntaxNode root)
        {
            // Using directives sit in the compilation unit and namespace declarations: nothing else is walked.
            var aliases = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var directive in root.DescendantNodes(n => n is CompilationUnitSyntax || SourceSyntax.IsNamespaceDeclaration(n)).OfType<UsingDirectiveSyntax>())
            {
                if (directive.Alias is { Name.Identifier.ValueText: var alias })
                {
                    aliases.Add(alias);
                }
            }

            return aliases.ToImmutable();
        }
    }
}
