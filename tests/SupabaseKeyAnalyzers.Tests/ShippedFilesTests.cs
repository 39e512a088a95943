using System.Text.RegularExpressions;
using System.Xml.Linq;
using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Projects;
using SupabaseKeyAnalyzers.Testing;

namespace SupabaseKeyAnalyzers.Tests;

/// <summary>The files that ship to users, and where keys are sent instead.</summary>
public class ShippedFilesTests
{
    [Theory]
    [InlineData(KeyKind.Secret, "SUPABASE_SECRET_KEY")]
    [InlineData(KeyKind.LegacyServiceRole, "SUPABASE_SECRET_KEY")]
    [InlineData(KeyKind.PersonalAccessToken, "SUPABASE_ACCESS_TOKEN")]
    public void Each_secret_kind_has_its_environment_variable(KeyKind kind, string variable)
        => Assert.Equal(variable, KeyVariables.For(kind));

    [Fact]
    public void The_package_targets_hand_the_analyzer_exactly_the_shipped_text_extensions()
    {
        var targets = XDocument.Load(Path.Combine(DotnetCli.RepositoryRoot, "src", "SupabaseKeyAnalyzers.Package", "build", "SupabaseKeyAnalyzers.targets"));
        var condition = targets.Descendants().Single(e => e.Name.LocalName == "_SupabaseShippedTextFile" && e.Attribute("Include") is not null).Attribute("Condition")!.Value;
        var extensions = Regex.Matches(condition, @"'%\(Extension\)' == '([^']+)'").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        Assert.Equal(ShippedFiles.TextExtensions.Order(StringComparer.Ordinal), extensions);
        Assert.Contains("StartsWith('.env')", condition, StringComparison.Ordinal);

        // The wwwroot test of the targets is the analyzer's: a '/wwwroot/' segment of the normalized full path.
        Assert.Contains(".Replace('\\', '/').Contains('/wwwroot/')", targets.ToString(), StringComparison.Ordinal);
        Assert.True(ShippedFiles.IsUnderWwwroot(@"C:\app\wwwroot\appsettings.json"));
        Assert.True(ShippedFiles.IsUnderWwwroot("wwwroot/js/app.js"));
        Assert.False(ShippedFiles.IsUnderWwwroot("/app/notwwwroot/appsettings.json"));
    }

    [Theory]
    [InlineData("/app/wwwroot/appsettings.Production.json", true)]
    [InlineData("/app/wwwroot/.env.local", true)]
    [InlineData("/app/wwwroot/index.HTML", true)]
    [InlineData("/app/wwwroot/logo.png", false)]
    [InlineData("/app/wwwroot/app.wasm", false)]
    public void Shipped_text_files_are_known_by_extension_or_a_leading_env(string path, bool expected)
        => Assert.Equal(expected, ShippedFiles.IsTextFile(path));
}
