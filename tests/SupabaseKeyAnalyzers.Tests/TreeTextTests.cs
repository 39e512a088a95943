using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>The text search the tree gates and the resolver's indexes rule files out with.</summary>
public class TreeTextTests
{
    [Theory]
    [InlineData("var c = new Supabase.Client(url, key);", "Client", true)]
    [InlineData("Client c = new(url, key);", "Client", true)]
    [InlineData("await auth.SignInWithPassword(e, p);", "SignIn", true)]
    [InlineData("_key = value;", "_key", true)]
    [InlineData("var http = new HttpClient();", "Client", false)]
    [InlineData("services.TryAddSingleton(x);", "AddSingleton", false)]
    [InlineData("var options = new SupabaseOptions();", "Options", false)]
    public void A_name_counts_where_it_starts_an_identifier(string code, string name, bool expected)
        => Assert.Equal(expected, TreeText.MayName(CSharpSyntaxTree.ParseText(code), name, CancellationToken.None));

    [Theory]
    [InlineData("await auth.SetSession(a, r);", "SetSession", true)]
    [InlineData("await auth.TrySetSession(a, r);", "SetSession", false)]
    [InlineData("var p = new TokenValidationParameters { IssuerSigningKey = k };", "IssuerSigningKey", true)]
    [InlineData("var p = new TokenValidationParameters { IssuerSigningKey = k };", "SignIn", false)]
    [InlineData("await functions.RawInvoke(name);", "RawInvoke", true)]
    [InlineData("await functions.RawInvoke(name);", "Invoke", false)]
    [InlineData("handler.Invoke(); o.RawInvoke();", "Invoke", true)]
    public void A_name_holding_a_shared_part_is_found_where_it_starts_an_identifier(string code, string name, bool expected)
        => Assert.Equal(expected, TreeText.MayName(CSharpSyntaxTree.ParseText(code), name, CancellationToken.None));

    [Fact]
    public void Names_searched_through_the_same_part_of_one_tree_get_their_own_answers()
    {
        // The second and third questions are answered from the hits of "Session" and "Sign" the first ones cached.
        var tree = CSharpSyntaxTree.ParseText("await auth.LoadSession(); await auth.SignUp(e, p);");
        Assert.True(TreeText.MayName(tree, "LoadSession", CancellationToken.None));
        Assert.True(TreeText.MayName(tree, "SignUp", CancellationToken.None));
        Assert.False(TreeText.MayName(tree, "SetSession", CancellationToken.None));
        Assert.False(TreeText.MayName(tree, "SignIn", CancellationToken.None));
        Assert.True(TreeText.MayName(tree, "LoadSession", CancellationToken.None));
    }

    [Fact]
    public void Gates_asking_about_one_tree_keep_their_own_answers()
    {
        // The gates' answers share one cache per tree: each gate's answer, and whether it was given, is its own.
        var sessions = TreeGate.AnyOf("SessionHandler", "SetPersistence");
        var functions = TreeGate.AnyOf("Invoke", "RawInvoke");
        var signIns = TreeGate.AnyOf("SignUp", "SignIn");
        var tree = CSharpSyntaxTree.ParseText("await functions.Invoke(name); var o = new Options { SessionHandler = h };");
        var other = CSharpSyntaxTree.ParseText("await auth.SignUp(e, p);");
        // Twice: the first pass decides and caches each answer, the second reads them back.
        for (var pass = 0; pass < 2; pass++)
        {
            Assert.True(functions.Admits(tree, CancellationToken.None));
            Assert.False(signIns.Admits(tree, CancellationToken.None));
            Assert.True(sessions.Admits(tree, CancellationToken.None));
            Assert.True(signIns.Admits(other, CancellationToken.None));
            Assert.False(functions.Admits(other, CancellationToken.None));
            Assert.False(sessions.Admits(other, CancellationToken.None));
        }
    }

    [Theory]
    // In "void A() { } { o.SessionHandler = h; } B.SetPersistence(x); SetPersistence2(); xSessionHandler; SessionHandler;".
    [InlineData("SessionHandler", new[] { 17, 96 })]
    [InlineData("SetPersistence", new[] { 41, 60 })]
    [InlineData("Handler", new int[0])]
    [InlineData("void", new[] { 0 })]
    [InlineData("Session", new[] { 17, 96 })]
    public void Starts_are_where_a_name_starts_an_identifier_in_text_order(string name, int[] expected)
    {
        var tree = CSharpSyntaxTree.ParseText("void A() { } { o.SessionHandler = h; } B.SetPersistence(x); SetPersistence2(); xSessionHandler; SessionHandler;");
        Assert.Equal(expected, TreeText.Starts(tree, name, CancellationToken.None));
    }

    [Fact]
    public void A_matched_code_gate_admits_only_the_blocks_that_name_its_words()
    {
        const string Code = """
            class C
            {
                object Handler;
                void Sets(dynamic o) { o.SessionHandler = Handler; }
                void Reads(dynamic o) { Handler = o.Options; }
                int Field = 1;
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(Code);
        var model = CSharpCompilation.Create("gate", new[] { tree }).GetSemanticModel(tree);
        var blocks = tree.GetRoot().DescendantNodes()
            .Where(node => node is BlockSyntax or EqualsValueClauseSyntax)
            .Select(node => model.GetOperation(node)!)
            .ToList();
        Assert.Equal(3, blocks.Count);
        var matched = TreeGate.InMatchedCode("SessionHandler", "SetPersistence");
        var anyOf = TreeGate.AnyOf("SessionHandler", "SetPersistence");

        Assert.True(matched.Admits(tree, CancellationToken.None));
        Assert.Equal(new[] { true, false, false }, blocks.Select(block => matched.AdmitsBlock(ImmutableArray.Create(block), CancellationToken.None)));
        Assert.True(matched.AdmitsBlock(ImmutableArray.Create(blocks[2], blocks[0]), CancellationToken.None));
        Assert.All(blocks, block => Assert.True(anyOf.AdmitsBlock(ImmutableArray.Create(block), CancellationToken.None)));
    }
}
