using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
    public SymbolWrite(WriteKind kind, IOperation? value)
    {
        Kind = kind;
        Value = value;
    }

    public WriteKind Kind { get; }

    /// <summary>For <see cref="WriteKind.Assignment"/>: the value assigned (null when it has no operation).</summary>
    public IOperation? Value { get; }
}

/// <summary>
/// The one answer to "which writes reach this symbol?": a local's writes from the operation tree of the body it is
/// declared in (<see cref="BodyWrites"/>: one walk per body, whichever rule and local asks, which also lists the
/// body's creations and calls), a field's or property's from the trees whose text names it (<see cref="TreeText"/>:
/// a member is looked for in a few trees, not in every tree of the compilation; each candidate is checked by symbol),
/// and the writes made through a holder
/// (<c>options.Headers["apikey"] = …</c>, <c>claims.Add(…)</c>).
/// </summary>
internal sealed class WriteFinder
{
    private readonly Compilation compilation;

    /// <summary>The writes to and through the locals of each body, per root operation: each body is walked once.</summary>
    private readonly ConcurrentDictionary<IOperation, BodyWrites> bodies = new();

    /// <summary>The writes through a member in a type, per type declaration: each is walked once, whichever rule and member asks.</summary>
    private readonly ConcurrentDictionary<SyntaxNode, TypeWrites> types = new();

    public WriteFinder(Compilation compilation) => this.compilation = compilation;

    /// <summary>The writes to the local <paramref name="reference"/> reads, in the body that declares it.</summary>
    public IReadOnlyList<SymbolWrite> OfLocal(ILocalReferenceOperation reference) => In(reference).To(reference.Local);

    /// <summary>
    /// The object creations and calls of the body <paramref name="operation"/> is in, in tree order: found in the same
    /// walk as the body's writes, so that a rule looking for the clients built in a body does not walk it again.
    /// </summary>
    public IReadOnlyList<IOperation> CreationsAndCalls(IOperation operation) => In(operation).CreationsAndCalls;

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
                yield return write is AssignmentExpressionSyntax written && written.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    ? new SymbolWrite(WriteKind.Assignment, ValueFlowResolver.OperationOf(model, written.Right, cancellationToken))
                    : new SymbolWrite(write is AssignmentExpressionSyntax ? WriteKind.CompoundAssignment : WriteKind.ByReference, null);
            }
        }
    }

    /// <summary>
    /// The operations that write through the holder <paramref name="reference"/> reads (a local, field or property):
    /// <c>holder.M = v</c>, <c>holder[k] = v</c>, <c>holder.M[k] = v</c>, and calls on it or on its members
    /// (<c>holder.Add(…)</c>, <c>holder.M.Add(…)</c>): in the local's body, or in the holder's type in the reference's tree.
    /// </summary>
    public IEnumerable<IOperation> ThroughHolder(IOperation reference, CancellationToken cancellationToken)
    {
        switch (ValueFlowResolver.Unwrap(reference))
        {
            case ILocalReferenceOperation local:
                return In(local).Through(local.Local);
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } } member when reference.SemanticModel is { } model:
                return ThroughMember(member.Member, model, cancellationToken);
            default:
                return Array.Empty<IOperation>();
        }
    }

    /// <summary>True when <paramref name="instance"/> reads <paramref name="holder"/> itself.</summary>
    public static bool Reads(IOperation? instance, ISymbol holder) => ValueFlowResolver.Unwrap(instance) switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, holder),
        IMemberReferenceOperation member => SymbolEqualityComparer.Default.Equals(member.Member, holder),
        _ => false,
    };

    private BodyWrites In(IOperation reference)
    {
        var root = reference.Root();
        return bodies.TryGetValue(root, out var cached) ? cached : bodies.GetOrAdd(root, new BodyWrites(root));
    }

    private IEnumerable<IOperation> ThroughMember(ISymbol holder, SemanticModel model, CancellationToken cancellationToken)
    {
        if (holder.ContainingType?.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == model.SyntaxTree)?.GetSyntax(cancellationToken) is not { } type)
        {
            yield break;
        }

        var writes = types.TryGetValue(type, out var cached) ? cached : types.GetOrAdd(type, new TypeWrites(type));
        foreach (var (node, receiver) in writes.Receivers(holder.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, holder)
                && model.GetOperation(node, cancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }

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

    /// <summary>
    /// The writes of one body's operation tree, by local (no syntax is walked and no symbol looked up: the driver has
    /// built the tree already): assignments, compound assignments and increments, deconstructions and
    /// <c>ref</c>/<c>out</c> arguments to it; and the writes through it (<c>l.M = v</c>, <c>l[k] = v</c>,
    /// <c>l.M[k] = v</c>, <c>l.Add(…)</c>, <c>l.M.Add(…)</c>), in tree order; and its object creations and calls.
    /// </summary>
    private sealed class BodyWrites
    {
        private readonly Dictionary<ILocalSymbol, List<SymbolWrite>> writes = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<IOperation>> through = new(SymbolEqualityComparer.Default);
        private readonly List<IOperation> creationsAndCalls = new();

        public BodyWrites(IOperation root)
        {
            // One read of each operation's kind, then one cast: most operations of a body are none of these.
            foreach (var operation in root.Descendants())
            {
                switch (operation.Kind)
                {
                    case OperationKind.ObjectCreation:
                        creationsAndCalls.Add(operation);
                        break;
                    case OperationKind.Invocation:
                        creationsAndCalls.Add(operation);
                        AddThrough(HolderOf(((IInvocationOperation)operation).Instance), operation);
                        break;
                    case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment:
                        var assignment = (IAssignmentOperation)operation;
                        switch (assignment.Target)
                        {
                            case ILocalReferenceOperation local:
                                Add(writes, local.Local, operation.Kind == OperationKind.SimpleAssignment
                                    ? new SymbolWrite(WriteKind.Assignment, assignment.Value)
                                    : new SymbolWrite(WriteKind.CompoundAssignment, null));
                                break;
                            case IMemberReferenceOperation { Instance: var instance }:
                                AddThrough(HolderOf(instance), operation);
                                break;
                        }

                        break;
                    case OperationKind.Increment or OperationKind.Decrement when ((IIncrementOrDecrementOperation)operation).Target is ILocalReferenceOperation local:
                        Add(writes, local.Local, new SymbolWrite(WriteKind.CompoundAssignment, null));
                        break;
                    case OperationKind.Argument when operation is IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation local }:
                        Add(writes, local.Local, new SymbolWrite(WriteKind.ByReference, null));
                        break;
                    case OperationKind.DeconstructionAssignment:
                        foreach (var element in ((IDeconstructionAssignmentOperation)operation).Target.DescendantsAndSelf())
                        {
                            if (element is ILocalReferenceOperation local)
                            {
                                Add(writes, local.Local, new SymbolWrite(WriteKind.ByReference, null));
                            }
                        }

                        break;
                }
            }
        }

        public IReadOnlyList<IOperation> CreationsAndCalls => creationsAndCalls;

        public IReadOnlyList<SymbolWrite> To(ILocalSymbol local)
            => writes.TryGetValue(local, out var found) ? found : Array.Empty<SymbolWrite>();

        public IReadOnlyList<IOperation> Through(ILocalSymbol local)
            => through.TryGetValue(local, out var found) ? found : Array.Empty<IOperation>();

        private void AddThrough(ILocalSymbol? holder, IOperation operation)
        {
            if (holder is not null)
            {
                Add(through, holder, operation);
            }
        }

        /// <summary>The local a receiver is, or the local whose member it is (<c>l</c> in <c>l</c> and <c>l.M</c>).</summary>
        private static ILocalSymbol? HolderOf(IOperation? instance) => instance switch
        {
            ILocalReferenceOperation local => local.Local,
            IMemberReferenceOperation { Instance: ILocalReferenceOperation local } => local.Local,
            _ => null,
        };
    }

    /// <summary>
    /// The writes through a receiver in one type declaration, by the receiver's name (<c>r.M = v</c>, <c>r[k] = v</c>,
    /// <c>r.M[k] = v</c>, <c>r.Add(…)</c>, <c>r.M.Add(…)</c>, with <c>r</c> a name or <c>this.name</c>), in document
    /// order. Syntax only (a type spans many bodies): the caller checks each candidate's symbol.
    /// </summary>
    private sealed class TypeWrites
    {
        private readonly Dictionary<string, List<(SyntaxNode, ExpressionSyntax)>> receivers = new(StringComparer.Ordinal);

        public TypeWrites(SyntaxNode type)
        {
            foreach (var node in type.DescendantNodes())
            {
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

        public IReadOnlyList<(SyntaxNode Node, ExpressionSyntax Receiver)> Receivers(string name)
            => receivers.TryGetValue(name, out var found) ? found : Array.Empty<(SyntaxNode, ExpressionSyntax)>();
    }

    private static void Add<TKey, T>(Dictionary<TKey, List<T>> index, TKey key, T entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<T>();
        }

        list.Add(entry);
    }
}
