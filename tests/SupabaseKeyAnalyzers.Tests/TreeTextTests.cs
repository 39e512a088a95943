using Microsoft.CodeAnalysis.CSharp;
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
}
