using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>The gate the base class asks before a rule's operation action runs: the name of the member the operation itself names.</summary>
public class NameGateTests
{
    private const string Code = """
        using System.Collections.Generic;
        class Options { public object SessionHandler; public object Other; public Dictionary<string, string> Headers = new(); }
        class Auth { public void SignInWithPassword() { } public void SignOut() { } public void SetPersistence(object h) { } }
        static class Statics { public static object SessionHandler; public static void SetPersistence(object h) { } public static void SignInWithOtp(this Auth auth) { } }
        class C
        {
            void M(Auth auth, Options options, object[] array, List<string> list, IDictionary<string, string> map)
            {
                auth.SignInWithPassword();
                auth.SignOut();
                auth.SetPersistence(null);
                options.SessionHandler = null;
                options.Other = null;
                options.Headers["Authorization"] = "x";
                var local = options;
                local = null;
                array[0] = null;
                var headers = new Dictionary<string, string> { { "apikey", "x" } };
                headers.TryAdd("Authorization", "x");
                map.Add("Authorization", "x");
                list.Add("Authorization");
                list[0] = "x";
                Statics.SetPersistence(null);
                Statics.SessionHandler = null;
                auth.SignInWithOtp();
                var built = new Options { SessionHandler = null };
            }
        }
        """;

    private static readonly List<IOperation> Operations = OperationsOf(Code);

    [Theory]
    [InlineData("auth.SignInWithPassword()", true)]
    [InlineData("auth.SignOut()", false)]
    [InlineData("auth.SetPersistence(null)", true)]
    [InlineData("options.SessionHandler = null", true)]
    [InlineData("options.Other = null", false)]
    [InlineData("options.Headers[\"Authorization\"] = \"x\"", false)]
    [InlineData("local = null", false)]
    [InlineData("array[0] = null", false)]
    [InlineData("Statics.SetPersistence(null)", false)]
    [InlineData("Statics.SessionHandler = null", false)]
    [InlineData("auth.SignInWithOtp()", false)]
    [InlineData("SessionHandler = null", true)]
    public void An_operation_is_admitted_when_its_own_instance_member_starts_with_a_name(string code, bool expected)
    {
        // A static call, an extension method's call and a static member's write are ruled out without reading the
        // member; an object initializer's member is an instance member (its receiver is implicit).
        var gate = NameGate.StartingWith("SignIn", "SessionHandler", "SetPersistence");
        Assert.Equal(expected, gate.Admits(Single(code)));
    }

    [Fact]
    public void An_indexer_write_and_a_collection_initializer_entry_are_named_by_their_member()
    {
        Assert.True(NameGate.StartingWith(WellKnownMemberNames.Indexer).Admits(Single("options.Headers[\"Authorization\"] = \"x\"")));
        Assert.True(NameGate.StartingWith("Add").Admits(Single("{ \"apikey\", \"x\" }")));
        Assert.False(NameGate.StartingWith("TryAdd").Admits(Single("{ \"apikey\", \"x\" }")));
    }

    [Theory]
    [InlineData("{ \"apikey\", \"x\" }", true)]
    [InlineData("headers.TryAdd(\"Authorization\", \"x\")", true)]
    [InlineData("map.Add(\"Authorization\", \"x\")", true)]
    [InlineData("options.Headers[\"Authorization\"] = \"x\"", true)]
    [InlineData("list.Add(\"Authorization\")", false)]
    [InlineData("list[0] = \"x\"", false)]
    [InlineData("auth.SetPersistence(null)", true)]
    [InlineData("auth.SignOut()", false)]
    public void A_dictionary_member_is_admitted_only_on_a_dictionary(string code, bool expected)
    {
        var gate = NameGate.StartingWith("SetPersistence").OrOnDictionaries("Add", "TryAdd", WellKnownMemberNames.Indexer);
        Assert.Equal(expected, gate.Admits(Single(code)));
    }

    [Fact]
    public void Dictionary_members_given_twice_are_all_kept()
    {
        var gate = NameGate.StartingWith("SetPersistence").OrOnDictionaries("Add").OrOnDictionaries("TryAdd");
        Assert.True(gate.Admits(Single("map.Add(\"Authorization\", \"x\")")));
        Assert.True(gate.Admits(Single("headers.TryAdd(\"Authorization\", \"x\")")));
    }

    [Fact]
    public void Everywhere_admits_every_operation()
        => Assert.All(Operations, operation => Assert.True(NameGate.Everywhere.Admits(operation)));

    [Fact]
    public void An_operation_kind_the_gate_does_not_know_is_admitted()
    {
        var literal = Operations.OfType<ILiteralOperation>().First();
        Assert.True(NameGate.StartingWith("SignIn").Admits(literal));
    }

    private static IOperation Single(string code)
        => Assert.Single(Operations, operation => operation is IInvocationOperation or ISimpleAssignmentOperation && operation.Syntax.ToString() == code);

    private static List<IOperation> OperationsOf(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code);
        var compilation = CSharpCompilation.Create("gate", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(Dictionary<,>).Assembly.Location) });
        var model = compilation.GetSemanticModel(tree);
        var body = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single(method => method.Identifier.Text == "M").Body!;
        return model.GetOperation(body)!.DescendantsAndSelf().ToList();
    }
}
