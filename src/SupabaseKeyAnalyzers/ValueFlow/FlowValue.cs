using System;
using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers.ValueFlow;

/// <summary>What one path of a value can be.</summary>
internal enum FlowValueKind
{
    /// <summary>Nothing known: a parameter, a call result, a value from another assembly, a path cut by the depth bound.</summary>
    Unknown,

    /// <summary>A string known from the source.</summary>
    Text,

    /// <summary>A read of an environment variable; <see cref="FlowValue.Text"/> is its name.</summary>
    EnvironmentVariable,

    /// <summary>A configuration value; <see cref="FlowValue.Text"/> is its key (<c>Supabase:ServiceRoleKey</c>) or the bound member's name.</summary>
    Configuration,

    /// <summary>An object built in the source: <see cref="FlowValue.Operation"/> is the <c>new …</c> or the factory call.</summary>
    Object,
}

/// <summary>
/// One value an expression can hold, with where it was formed. <see cref="ValueFlowResolver"/> answers with the set of
/// them: one per path (both arms of <c>?:</c>, both sides of <c>??</c>, every assignment of a field).
/// </summary>
internal readonly struct FlowValue : IEquatable<FlowValue>
{
    private FlowValue(FlowValueKind kind, string? text, IOperation? operation, SyntaxNode? formedAt)
    {
        Kind = kind;
        Text = text;
        Operation = operation;
        FormedAt = formedAt;
    }

    public static FlowValue Unknown { get; } = new(FlowValueKind.Unknown, null, null, null);

    public FlowValueKind Kind { get; }

    /// <summary>The string, the environment variable's name or the configuration key.</summary>
    public string? Text { get; }

    /// <summary>For <see cref="FlowValueKind.Object"/>: the object creation or factory invocation.</summary>
    public IOperation? Operation { get; }

    /// <summary>The expression that formed the value (a literal, a <c>GetEnvironmentVariable</c> call, a <c>new</c>).</summary>
    public SyntaxNode? FormedAt { get; }

    public static FlowValue FromText(string text, SyntaxNode? formedAt) => new(FlowValueKind.Text, text, null, formedAt);

    public static FlowValue FromEnvironment(string name, SyntaxNode? formedAt) => new(FlowValueKind.EnvironmentVariable, name, null, formedAt);

    public static FlowValue FromConfiguration(string key, SyntaxNode? formedAt) => new(FlowValueKind.Configuration, key, null, formedAt);

    public static FlowValue FromObject(IOperation operation) => new(FlowValueKind.Object, null, operation, operation.Syntax);

    public bool Equals(FlowValue other)
        => Kind == other.Kind && Text == other.Text && ReferenceEquals(Operation?.Syntax, other.Operation?.Syntax);

    public override bool Equals(object? obj) => obj is FlowValue other && Equals(other);

    public override int GetHashCode() => ((int)Kind * 397) ^ (Text?.GetHashCode() ?? 0) ^ (Operation?.Syntax.GetHashCode() ?? 0);
}
