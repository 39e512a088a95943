using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SupabaseKeyAnalyzers.Internals;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>The text search the resolver's indexes rule files out with.</summary>
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
    public void A_name_inside_another_is_found_only_where_it_starts_an_identifier(string code, string name, bool expected)
        => Assert.Equal(expected, TreeText.MayName(CSharpSyntaxTree.ParseText(code), name, CancellationToken.None));

    [Fact]
    public void Names_asked_about_one_tree_get_their_own_answers()
    {
        var tree = CSharpSyntaxTree.ParseText("await auth.LoadSession(); await auth.SignUp(e, p);");
        Assert.True(TreeText.MayName(tree, "LoadSession", CancellationToken.None));
        Assert.True(TreeText.MayName(tree, "SignUp", CancellationToken.None));
        Assert.False(TreeText.MayName(tree, "SetSession", CancellationToken.None));
        Assert.False(TreeText.MayName(tree, "SignIn", CancellationToken.None));
        Assert.True(TreeText.MayName(tree, "LoadSession", CancellationToken.None));
    }
}
