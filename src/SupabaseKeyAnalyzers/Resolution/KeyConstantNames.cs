using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SupabaseKeyAnalyzers.Resolution;

/// <summary>
/// The names a key can come through: the compilation's <c>const string</c> fields whose value holds a key's start
/// (<c>sb</c> or <c>eyJ</c>), computed once per compilation on first use from the declaration table, and the
/// <c>const</c> locals of a method body, computed once per body. A concatenation or interpolation of names is bound
/// only when one of its names is among them.
/// </summary>
internal sealed class KeyConstantNames
{
    private static readonly HashSet<string> NoLocals = new(StringComparer.Ordinal);

    private readonly Lazy<HashSet<string>> names;
    private readonly ConditionalWeakTable<SyntaxNode, HashSet<string>> constLocals = new();

    public KeyConstantNames(Compilation compilation, CancellationToken cancellationToken)
        => names = new Lazy<HashSet<string>>(() => Collect(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when the identifier names such a field, or a <c>const</c> local of the body it sits in.</summary>
    public bool Contains(SyntaxToken identifier)
    {
        if (names.Value.Contains(identifier.ValueText))
        {
            return true;
        }

        var body = identifier.Parent is { } parent ? SourceSyntax.EnclosingBody(parent) : null;
        return body is not null && constLocals.GetValue(body, ConstLocals).Contains(identifier.ValueText);
    }

    private static HashSet<string> ConstLocals(SyntaxNode body)
    {
        HashSet<string>? locals = null;
        foreach (var node in body.DescendantNodes())
        {
            if (node is LocalDeclarationStatementSyntax { IsConst: true } local)
            {
                foreach (var variable in local.Declaration.Variables)
                {
                    (locals ??= new HashSet<string>(StringComparer.Ordinal)).Add(variable.Identifier.ValueText);
                }
            }
        }

        return locals ?? NoLocals;
    }

    private static HashSet<string> Collect(Compilation compilation, CancellationToken cancellationToken)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member, cancellationToken))
        {
            if (symbol is IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_String } field
                && field.ConstantValue is string value
                && Keys.KeyClassifier.HasKeyStart(value))
            {
                result.Add(field.Name);
            }
        }

        return result;
    }
}
