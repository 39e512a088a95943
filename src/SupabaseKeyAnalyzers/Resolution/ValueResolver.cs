using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SupabaseKeyAnalyzers.Resolution;

/// <summary>
/// Resolves what an expression holds without running it: constants; concatenations, interpolations and
/// <c>string.Format</c>/<c>string.Concat</c> of resolvable parts; locals assigned once; readonly fields and properties
/// with an initializer; optionally fields and properties assigned once in the type's constructors; and reads of
/// environment variables. Values it cannot follow resolve to <see cref="ResolvedValue.Unknown"/>.
/// </summary>
internal static class ValueResolver
{
    private const int MaxDepth = 8;

    public static string? ResolveString(IOperation? operation, CancellationToken cancellationToken)
        => Resolve(operation, followConstructorAssignments: false, cancellationToken).Text;

    public static ResolvedValue Resolve(IOperation? operation, bool followConstructorAssignments, CancellationToken cancellationToken)
        => Resolve(operation, followConstructorAssignments, cancellationToken, 0);

    /// <summary>Removes implicit conversions and parentheses.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion when conversion.IsImplicit || conversion.Type?.SpecialType == SpecialType.System_String:
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
    /// The operation that defines the value of a local, field or property reference: a local's initializer when the
    /// local is assigned nowhere else, a readonly field's or a property's initializer, or (when asked) the one
    /// assignment in the containing type's constructors. Null when there is none or it lives in another file.
    /// </summary>
    public static IOperation? FindDefinition(IOperation reference, bool followConstructorAssignments, CancellationToken cancellationToken)
    {
        var model = reference.SemanticModel;
        if (model is null)
        {
            return null;
        }

        switch (reference)
        {
            case ILocalReferenceOperation local:
                return LocalDefinition(local.Local, model, cancellationToken);
            case IFieldReferenceOperation { Field: { } field } when field.IsReadOnly || followConstructorAssignments:
                return MemberDefinition(field, model, followConstructorAssignments, cancellationToken);
            case IPropertyReferenceOperation { Property: { IsIndexer: false } property }:
                return MemberDefinition(property, model, followConstructorAssignments, cancellationToken);
            default:
                return null;
        }
    }

    private static ResolvedValue Resolve(IOperation? operation, bool followConstructorAssignments, CancellationToken cancellationToken, int depth)
    {
        operation = Unwrap(operation);
        if (operation is null || depth > MaxDepth)
        {
            return ResolvedValue.Unknown;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return ResolvedValue.FromText(constant);
        }

        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return Concat(Resolve(binary.LeftOperand, followConstructorAssignments, cancellationToken, depth + 1).Text, Resolve(binary.RightOperand, followConstructorAssignments, cancellationToken, depth + 1).Text);

            case IInterpolatedStringOperation interpolated:
            {
                var builder = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    var text = part switch
                    {
                        IInterpolatedStringTextOperation t => t.Text.ConstantValue.Value as string,
                        IInterpolationOperation { Alignment: null, FormatString: null } i => Resolve(i.Expression, followConstructorAssignments, cancellationToken, depth + 1).Text,
                        _ => null,
                    };
                    if (text is null)
                    {
                        return ResolvedValue.Unknown;
                    }

                    builder.Append(text);
                }

                return ResolvedValue.FromText(builder.ToString());
            }

            case ICoalesceOperation coalesce:
            {
                // Environment.GetEnvironmentVariable("X") ?? fallback: the variable names the value.
                var left = Resolve(coalesce.Value, followConstructorAssignments, cancellationToken, depth + 1);
                return left.EnvironmentVariable is not null ? left : ResolvedValue.Unknown;
            }

            case IInvocationOperation invocation:
                return ResolveInvocation(invocation, followConstructorAssignments, cancellationToken, depth);

            case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
            {
                var definition = FindDefinition(operation, followConstructorAssignments, cancellationToken);
                if (definition is not null)
                {
                    return Resolve(definition, followConstructorAssignments, cancellationToken, depth + 1);
                }

                var syntax = DeclarationInitializer(operation, cancellationToken);
                return syntax is null ? ResolvedValue.Unknown : ResolveSyntax(syntax);
            }

            default:
                return ResolvedValue.Unknown;
        }
    }

    private static ResolvedValue ResolveInvocation(IInvocationOperation invocation, bool followConstructorAssignments, CancellationToken cancellationToken, int depth)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (method.Name == "GetEnvironmentVariable" && type?.Name == "Environment" && type.ContainingNamespace?.Name == "System" && invocation.Arguments.Length >= 1)
        {
            var name = Resolve(invocation.Arguments[0].Value, followConstructorAssignments, cancellationToken, depth + 1).Text;
            return name is null ? ResolvedValue.Unknown : ResolvedValue.FromEnvironment(name);
        }

        if (type?.SpecialType != SpecialType.System_String || !method.IsStatic)
        {
            return ResolvedValue.Unknown;
        }

        var arguments = invocation.Arguments
            .OrderBy(a => a.Parameter?.Ordinal ?? 0)
            .SelectMany(a => a.ArgumentKind == ArgumentKind.ParamArray && Unwrap(a.Value) is IArrayCreationOperation { Initializer: { } init } ? (System.Collections.Generic.IEnumerable<IOperation>)init.ElementValues : new[] { a.Value })
            .Select(v => Resolve(v, followConstructorAssignments, cancellationToken, depth + 1).Text)
            .ToArray();
        if (arguments.Any(a => a is null))
        {
            return ResolvedValue.Unknown;
        }

        try
        {
            return method.Name switch
            {
                "Concat" => ResolvedValue.FromText(string.Concat(arguments)),
                "Format" when arguments.Length >= 1 => ResolvedValue.FromText(string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments[0]!, arguments.Skip(1).Cast<object>().ToArray())),
                _ => ResolvedValue.Unknown,
            };
        }
        catch (FormatException)
        {
            return ResolvedValue.Unknown;
        }
    }

    private static ResolvedValue Concat(string? left, string? right)
        => left is null || right is null ? ResolvedValue.Unknown : ResolvedValue.FromText(left + right);

    private static IOperation? LocalDefinition(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.IsConst || local.IsRef)
        {
            return null;
        }

        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        // Assigned once: no other write in the enclosing body.
        var body = SourceSyntax.EnclosingBody(declarator);
        if (body is null || IsWrittenIn(body, local.Name))
        {
            return null;
        }

        return model.GetOperation(initializer.Value, cancellationToken);
    }

    private static IOperation? MemberDefinition(ISymbol member, SemanticModel model, bool followConstructorAssignments, CancellationToken cancellationToken)
    {
        var initializer = InitializerSyntax(member, cancellationToken);
        if (initializer is not null)
        {
            return initializer.SyntaxTree == model.SyntaxTree && !(followConstructorAssignments && ConstructorAssignment(member, model, cancellationToken) is not null)
                ? model.GetOperation(initializer, cancellationToken)
                : null;
        }

        if (!followConstructorAssignments)
        {
            return null;
        }

        return ConstructorAssignment(member, model, cancellationToken);
    }

    /// <summary>The value of the single assignment to <paramref name="member"/> in its type's constructors, or null.</summary>
    private static IOperation? ConstructorAssignment(ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        IOperation? found = null;
        foreach (var constructor in member.ContainingType.InstanceConstructors.Concat(member.ContainingType.StaticConstructors))
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree || reference.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax syntax)
                {
                    continue;
                }

                foreach (var assignment in syntax.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || NameOf(assignment.Left) != member.Name)
                    {
                        continue;
                    }

                    if (model.GetOperation(assignment, cancellationToken) is not ISimpleAssignmentOperation operation
                        || !SymbolEqualityComparer.Default.Equals(ReferencedSymbol(operation.Target), member))
                    {
                        continue;
                    }

                    if (found is not null)
                    {
                        return null;
                    }

                    found = operation.Value;
                }
            }
        }

        return found;
    }

    private static ISymbol? ReferencedSymbol(IOperation target) => target switch
    {
        IFieldReferenceOperation f => f.Field,
        IPropertyReferenceOperation p => p.Property,
        _ => null,
    };

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: { } name } => name.Identifier.ValueText,
        _ => null,
    };

    private static ExpressionSyntax? InitializerSyntax(ISymbol member, CancellationToken cancellationToken)
    {
        var syntax = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        return syntax switch
        {
            VariableDeclaratorSyntax { Initializer.Value: { } value } => value,
            PropertyDeclarationSyntax { Initializer.Value: { } value } => value,
            PropertyDeclarationSyntax { ExpressionBody.Expression: { } value } => value,
            PropertyDeclarationSyntax { AccessorList: { } accessors } => accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration))?.ExpressionBody?.Expression,
            _ => null,
        };
    }

    /// <summary>The initializer of a readonly field or property declared in another file, for syntax-only resolution.</summary>
    private static ExpressionSyntax? DeclarationInitializer(IOperation reference, CancellationToken cancellationToken) => reference switch
    {
        IFieldReferenceOperation { Field: { IsReadOnly: true } field } => InitializerSyntax(field, cancellationToken),
        IPropertyReferenceOperation { Property: { IsIndexer: false } property } => InitializerSyntax(property, cancellationToken),
        _ => null,
    };

    /// <summary>Literal-only resolution for declarations this file's semantic model cannot bind.</summary>
    private static ResolvedValue ResolveSyntax(ExpressionSyntax syntax)
    {
        switch (syntax)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return ResolvedValue.FromText(literal.Token.ValueText);
            case ParenthesizedExpressionSyntax parenthesized:
                return ResolveSyntax(parenthesized.Expression);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Concat(ResolveSyntax(binary.Left).Text, ResolveSyntax(binary.Right).Text);
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                return ResolveSyntax(coalesce.Left) is { EnvironmentVariable: not null } left ? left : ResolvedValue.Unknown;
            case InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetEnvironmentVariable", Expression: var receiver },
                ArgumentList.Arguments: { Count: >= 1 } arguments,
            } when receiver.ToString() is "Environment" or "System.Environment" or "global::System.Environment" && arguments[0].Expression is LiteralExpressionSyntax name:
                return ResolvedValue.FromEnvironment(name.Token.ValueText);
            default:
                return ResolvedValue.Unknown;
        }
    }

    private static bool IsWrittenIn(SyntaxNode body, string name)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name:
                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax prefixId } when prefixId.Identifier.ValueText == name && !node.IsKind(SyntaxKind.LogicalNotExpression):
                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax postfixId } when postfixId.Identifier.ValueText == name:
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax refId } when refId.Identifier.ValueText == name:
                    return true;
            }
        }

        return false;
    }
}
