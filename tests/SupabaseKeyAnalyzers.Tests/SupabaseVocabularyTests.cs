using System.Text.RegularExpressions;
using System.Xml.Linq;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>The one home of header names, the Bearer scheme, environment variables and shipped files.</summary>
public class SupabaseVocabularyTests
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
        => Assert.Equal(credential, SupabaseVocabulary.BearerCredential(value));

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearerx")]
    [InlineData("Basic x")]
    [InlineData("Bearer\nx")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_Bearer_value(string? value)
        => Assert.Null(SupabaseVocabulary.BearerCredential(value));

    [Theory]
    [InlineData("Bearer ", true)]
    [InlineData("bearer\t", true)]
    [InlineData("Bearer  ", true)]
    [InlineData("Bearer x", false)]
    [InlineData("Bearer", false)]
    public void A_Bearer_prefix_is_the_scheme_and_its_separator_only(string text, bool expected)
        => Assert.Equal(expected, SupabaseVocabulary.IsBearerPrefix(text));

    [Theory]
    [InlineData(KeyKind.Secret, "SUPABASE_SECRET_KEY")]
    [InlineData(KeyKind.LegacyServiceRole, "SUPABASE_SECRET_KEY")]
    [InlineData(KeyKind.PersonalAccessToken, "SUPABASE_ACCESS_TOKEN")]
    public void Each_secret_kind_has_its_environment_variable(KeyKind kind, string variable)
        => Assert.Equal(variable, SupabaseVocabulary.EnvironmentVariableFor(kind));

    [Fact]
    public void The_package_targets_hand_the_analyzer_exactly_the_shipped_text_extensions()
    {
        var targets = XDocument.Load(Path.Combine(DotnetCli.RepositoryRoot, "src", "SupabaseKeyAnalyzers.Package", "build", "SupabaseKeyAnalyzers.targets"));
        var condition = targets.Descendants().Single(e => e.Name.LocalName == "_SupabaseShippedTextFile" && e.Attribute("Include") is not null).Attribute("Condition")!.Value;
        var extensions = Regex.Matches(condition, @"'%\(Extension\)' == '([^']+)'").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        Assert.Equal(SupabaseVocabulary.ShippedTextExtensions.Order(StringComparer.Ordinal), extensions);
        Assert.Contains("StartsWith('.env')", condition, StringComparison.Ordinal);

        // The wwwroot test of the targets is the analyzer's: a '/wwwroot/' segment of the normalized full path.
        Assert.Contains(".Replace('\\', '/').Contains('/wwwroot/')", targets.ToString(), StringComparison.Ordinal);
        Assert.True(SupabaseVocabulary.IsUnderWwwroot(@"C:\app\wwwroot\appsettings.json"));
        Assert.True(SupabaseVocabulary.IsUnderWwwroot("wwwroot/js/app.js"));
        Assert.False(SupabaseVocabulary.IsUnderWwwroot("/app/notwwwroot/appsettings.json"));
    }

    [Theory]
    [InlineData("/app/wwwroot/appsettings.Production.json", true)]
    [InlineData("/app/wwwroot/.env.local", true)]
    [InlineData("/app/wwwroot/index.HTML", true)]
    [InlineData("/app/wwwroot/logo.png", false)]
    [InlineData("/app/wwwroot/app.wasm", false)]
    public void Shipped_text_files_are_known_by_extension_or_a_leading_env(string path, bool expected)
        => Assert.Equal(expected, SupabaseVocabulary.IsShippedTextFile(path));
}
