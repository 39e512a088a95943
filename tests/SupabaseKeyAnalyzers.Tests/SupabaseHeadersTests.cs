using SupabaseKeyAnalyzers.SupabaseSdk;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>The Authorization header's Bearer scheme, as every rule parses it.</summary>
public class SupabaseHeadersTests
{
    [Theory]
    [InlineData("Bearer x", "x")]
    [InlineData("bearer\tx", "x")]
    [InlineData("Bearer  x", "x")]
    [InlineData("  BEARER \t x ", "x ")]
    [InlineData("Bearer ", "")]
    [InlineData("bearer\t", "")]
    [InlineData("Bearer  ", "")]
    public void A_Bearer_value_is_the_scheme_in_any_case_then_spaces_or_tabs(string value, string credential)
        => Assert.Equal(credential, SupabaseHeaders.BearerCredential(value));

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearerx")]
    [InlineData("Basic x")]
    [InlineData("Bearer\nx")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_Bearer_value(string? value)
        => Assert.Null(SupabaseHeaders.BearerCredential(value));

    [Theory]
    [InlineData("Bearer ", true)]
    [InlineData("bearer\t", true)]
    [InlineData("Bearer  ", true)]
    [InlineData("Bearer x", false)]
    [InlineData("Bearer", false)]
    public void A_Bearer_prefix_is_the_scheme_and_its_separator_only(string text, bool expected)
        => Assert.Equal(expected, SupabaseHeaders.IsBearerPrefix(text));
}
