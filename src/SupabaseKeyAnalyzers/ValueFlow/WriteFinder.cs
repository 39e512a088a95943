using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.ValueFlow;

/// <summary>How a symbol is written.</summary>
internal enum WriteKind
{
    /// <summary><c>x = value</c>.</summary>
    Assignment,

    /// <summary><c>x += value</c> and the other compound assignments: the result is not followed.</summary>
    CompoundAssignment,

    /// <summary><c>ref x</c> or <c>out x</c> passed to a call: whatever the callee writes is not followed.</summary>
    ByReference,
}

/// <summary>One write to a local, field or property.</summary>
internal readonly struct SymbolWrite
{
    public SymbolWrite(SemanticModel model, WriteKind kind, ExpressionSyntax? value)
    {
        Model = model;
        Kind = kind;
        Value = value;
    }

    public SemanticModel Model { get; }

    public WriteKind Kind { get; }

    /// <summary>For <see cref="WriteKind.Assignment"/>: the value assigned.</summary>
    public ExpressionSyntax? Value { get; }
}

/// <summary>
/// The one answer to "which writes reach this symbol?": a local's writes from the body it is declared in, a field's or
/// property's from the trees whose text names it (<see cref="TreeText"/>: a member is looked for in a few trees,
/// not in every tree of the compilation; each candidate is checked by symbol), and the writes made through a holder
/// (<c>options.Headers["apikey"] = …</c>, <c>claims.Add(…)</c>).
/// </summary>
internal sealed class WriteFinder
{
    private readonly Compilation compilation;

    /// <summary>The writes found in a body or type, per scope: each scope is walked once, whichever rule and symbol asks.</summary>
    private readonly ConcurrentDictionary<SyntaxNode, ScopeWrites> scopes = new();

    public WriteFinder(Compilation compilation) => this.compilation = compilation;

    /// <summary>The writes to <paramref name="local"/> in the body that declares it (<paramref name="model"/> is its tree's).</summary>
    public IEnumerable<SymbolWrite> OfLocal(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } declaration
            || declaration.SyntaxTree != model.SyntaxTree
            || SourceSyntax.EnclosingBody(declaration) is not { } body)
        {
            yield break;
        }

        foreach (var (node, target) in In(body).Targets(local.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, cancellationToken).Symbol, local))
            {
                yield return Write(node, model);
            }
        }
    }

    /// <summary>The writes to the field or property <paramref name="member"/> anywhere in the compilation.</summary>
    public IEnumerable<SymbolWrite> OfMember(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var write in WritesNamed(member.Name, cancellationToken))
        {
            var model = ModelFor(write.SyntaxTree);
            var target = write switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax argument => argument.Expression,
                _ => null,
            };
            if (target is not null && model.GetSymbolInfo(target, cancellationToken).Symbol is { } symbol
                && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, member))
            {
                yield return Write(write, model);
            }
        }
    }

    /// <summary>
    /// The operations that write through <paramref name="holder"/> (a local, field or property): <c>holder.M = v</c>,
    /// <c>holder[k] = v</c>, <c>holder.M[k] = v</c>, and calls on it or on its members (<c>holder.Add(…)</c>,
    /// <c>holder.M.Add(…)</c>): in the local's body, or in the holder's type in <paramref name="model"/>'s tree.
    /// </summary>
    public IEnumerable<IOperation> ThroughHolder(ISymbol holder, SemanticModel model, CancellationToken cancellationToken)
    {
        var scope = holder switch
        {
            ILocalSymbol local => local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } declaration ? SourceSyntax.EnclosingBody(declaration) : null,
            _ => holder.ContainingType?.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == model.SyntaxTree)?.GetSyntax(cancellationToken),
        };
        if (scope is null || scope.SyntaxTree != model.SyntaxTree)
        {
            yield break;
        }

        foreach (var (node, receiver) in In(scope).Receivers(holder.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, holder)
                && model.GetOperation(node, cancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }

    /// <summary>True when <paramref name="instance"/> reads <paramref name="holder"/> itself.</summary>
    public static bool Reads(IOperation? instance, ISymbol holder) => ValueFlowResolver.Unwrap(instance) switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, holder),
        IMemberReferenceOperation member => SymbolEqualityComparer.Default.Equals(member.Member, holder),
        _ => false,
    };

    private static SymbolWrite Write(SyntaxNode node, SemanticModel model) => node switch
    {
        AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => new SymbolWrite(model, WriteKind.Assignment, assignment.Right),
        AssignmentExpressionSyntax => new SymbolWrite(model, WriteKind.CompoundAssignment, null),
        _ => new SymbolWrite(model, WriteKind.ByReference, null),
    };

#pragma warning disable RS1030 // Values flow across files: the analyzer driver's semantic model provider caches these models.
    private SemanticModel ModelFor(SyntaxTree tree) => compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    /// <summary>Every assignment and <c>ref</c>/<c>out</c> argument that writes a member named <paramref name="name"/>, in the trees that name it.</summary>
    private IEnumerable<SyntaxNode> WritesNamed(string name, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!TreeText.MayName(tree, name, cancellationToken))
            {
                continue;
            }

            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var written = node switch
                {
                    AssignmentExpressionSyntax assignment => WrittenName(assignment.Left),
                    ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => WrittenName(argument.Expression),
                    _ => null,
                };
                if (written == name)
                {
                    yield return node;
                }
            }
        }
    }

    private static string? WrittenName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private ScopeWrites In(SyntaxNode scope) => scopes.GetOrAdd(scope, static s => new ScopeWrites(s));

    /// <summary>
    /// The writes in one scope, by the name written: assignments and <c>ref</c>/<c>out</c> arguments to a simple name,
    /// and writes through a receiver (<c>r.M = v</c>, <c>r[k] = v</c>, <c>r.M[k] = v</c>, <c>r.Add(…)</c>,
    /// <c>r.M.Add(…)</c>, with <c>r</c> a name or <c>this.name</c>), in document order. Syntax only: the caller checks
    /// each candidate's symbol.
    /// </summary>
    private sealed class ScopeWrites
    {
        private readonly Dictionary<string, List<(SyntaxNode, IdentifierNameSyntax)>> targets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(SyntaxNode, ExpressionSyntax)>> receivers = new(StringComparer.Ordinal);

        public ScopeWrites(SyntaxNode scope)
        {
            foreach (var node in scope.DescendantNodes())
            {
                var target = node switch
                {
                    AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } => name,
                    ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax name } => name,
                    _ => null,
                };
                if (target is not null)
                {
                    Add(targets, target.Identifier.ValueText, (node, target));
                }

                var receiver = node switch
                {
                    AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member } => member.Expression,
                    AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax member } } => member.Expression,
                    AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } => element.Expression,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax member } } => member.Expression,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Expression,
                    _ => null,
                };
                var holder = receiver switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
                    _ => null,
                };
                if (holder is not null)
                {
                    Add(receivers, holder, (node, receiver!));
                }
            }
        }

        public IReadOnlyList<(SyntaxNode Node, IdentifierNameSyntax Target)> Targets(string name)
            => targets.TryGetValue(name, out var found) ? found : Array.Empty<(SyntaxNode, IdentifierNameSyntax)>();

        public IReadOnlyList<(SyntaxNode Node, ExpressionSyntax Receiver)> Receivers(string name)
            => receivers.TryGetValue(name, out var found) ? found : Array.Empty<(SyntaxNode, ExpressionSyntax)>();

        private static void Add<T>(Dictionary<string, List<T>> index, string name, T entry)
        {
            if (!index.TryGetValue(name, out var list))
            {
                index[name] = list = new List<T>();
            }

            list.Add(entry);
        }
    }
}
