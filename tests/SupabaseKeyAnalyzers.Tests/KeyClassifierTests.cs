using SupabaseKeyAnalyzers.Keys;
using SupabaseKeyAnalyzers.Tests.Infrastructure;

namespace SupabaseKeyAnalyzers.Tests;

public class KeyClassifierTests
{
    /// <summary>A JWT header, kept apart from payloads so that no key-shaped string is committed.</summary>
    private const string JwtHeader = "eyJhbGciOiJIUzI1NiJ9";

    public static TheoryData<string, KeyKind> WholeKeys => new()
    {
        { TestKeys.Secret, KeyKind.Secret },
        { TestKeys.Publishable, KeyKind.Publishable },
        { TestKeys.ServiceRoleJwt, KeyKind.LegacyServiceRole },
        { TestKeys.AnonJwt, KeyKind.LegacyAnon },
        { TestKeys.PersonalAccessToken, KeyKind.PersonalAccessToken },
        { "sbp_v0_" + new string('f', 40), KeyKind.PersonalAccessToken },
    };

    [Theory]
    [MemberData(nameof(WholeKeys))]
    public void Classifies_a_whole_key(string key, KeyKind kind)
    {
        var match = Assert.Single(KeyClassifier.FindKeys(key));
        Assert.Equal(kind, match.Kind);
        Assert.Equal(0, match.Start);
        Assert.Equal(key.Length, match.Length);
        Assert.False(match.IsLocalDevelopment);
        Assert.Equal(kind, KeyClassifier.ClassifyWhole("  " + key + "\n")!.Value.Kind);
    }

    [Fact]
    public void Reads_the_role_claim_whatever_the_claim_order()
    {
        var roleFirst = TestKeys.MintJwt(("role", "service_role"), ("iss", "supabase"), ("iat", 1700000000L), ("exp", 2015576000L));
        var longIssuer = TestKeys.MintJwt(("iss", "https://example.supabase.co/auth/v1"), ("ref", "abcdefghijklmnopqrst"), ("exp", 2015576000L), ("role", "service_role"));
        var nested = TestKeys.MintJwt(("app_metadata", new Dictionary<string, object> { ["role"] = "anon", ["list"] = new[] { 1, 2 } }), ("role", "service_role"));

        Assert.Equal(KeyKind.LegacyServiceRole, Assert.Single(KeyClassifier.FindKeys(roleFirst)).Kind);
        Assert.Equal(KeyKind.LegacyServiceRole, Assert.Single(KeyClassifier.FindKeys(longIssuer)).Kind);
        Assert.Equal(KeyKind.LegacyServiceRole, Assert.Single(KeyClassifier.FindKeys(nested)).Kind);
    }

    [Fact]
    public void A_user_access_token_is_not_a_project_key()
    {
        Assert.Empty(KeyClassifier.FindKeys(TestKeys.UserJwt));
        Assert.Empty(KeyClassifier.FindKeys(TestKeys.MintJwt(("sub", "x"), ("exp", 1L))));
    }

    [Fact]
    public void Recognises_local_development_defaults()
    {
        Assert.True(Assert.Single(KeyClassifier.FindKeys(TestKeys.LocalSecret)).IsLocalDevelopment);
        Assert.True(Assert.Single(KeyClassifier.FindKeys(TestKeys.LocalPublishable)).IsLocalDevelopment);
        var local = Assert.Single(KeyClassifier.FindKeys(TestKeys.LocalServiceRoleJwt));
        Assert.True(local.IsLocalDevelopment);
        Assert.True(local.IsSecret);
    }

    [Fact]
    public void Finds_keys_embedded_in_json_connection_strings_and_urls()
    {
        var json = "{\n  \"Supabase\": { \"Url\": \"https://x.supabase.co\", \"Key\": \"" + TestKeys.ServiceRoleJwt + "\", \"Anon\": \"" + TestKeys.Publishable + "\" }\n}";
        var keys = KeyClassifier.FindKeys(json);
        Assert.Equal(new[] { KeyKind.LegacyServiceRole, KeyKind.Publishable }, keys.Select(k => k.Kind));
        Assert.Equal(TestKeys.ServiceRoleJwt, keys[0].GetText(json));
        Assert.Equal(TestKeys.Publishable, keys[1].GetText(json));

        var url = "https://x.supabase.co/rest/v1/items?apikey=" + TestKeys.Secret + "&select=*";
        Assert.Equal(TestKeys.Secret, Assert.Single(KeyClassifier.FindKeys(url)).GetText(url));

        var connection = "Url=https://x.supabase.co;Key=" + TestKeys.Secret + ";Timeout=5";
        Assert.Equal(TestKeys.Secret, Assert.Single(KeyClassifier.FindKeys(connection)).GetText(connection));

        var bearer = "Bearer " + TestKeys.Publishable;
        Assert.Equal(7, Assert.Single(KeyClassifier.FindKeys(bearer)).Start);
        Assert.Null(KeyClassifier.ClassifyWhole(bearer));
    }

    public static TheoryData<string> NotKeys => new()
    {
        "",
        "sb_",
        "sb_secret_",
        "sb_secret_abc",
        "sb_secretary_" + new string('a', 31),
        "sb_secret_" + new string('a', 19),
        "sb_secret_" + new string('a', 65),
        "xsb_secret_" + new string('a', 31),
        "sbp_" + new string('a', 39),
        "sbp_" + new string('a', 41),
        "sbp_" + new string('A', 40),
        "eyJ",
        "eyJhbGciOiJIUzI1NiJ9",
        JwtHeader + ".eyJyb2xlIjoic2VydmljZV9yb2xlIn0",
        JwtHeader + ".eyJyb2xlIjoic2VydmljZV9yb2xlIn0.",
        "eyJ!!!.eyJ!!!.abcdefghijklmnopqrstuvwxyz",
        JwtHeader + ".eyJub3QganNvbg.abcdefghijklmnopqrstuvwxyz",
        JwtHeader + ".eyJyb2xlIjoic2VydmljZV9yb2xl.abcdefghijklmnopqrstuvwxyz",
        JwtHeader + ".eyJyb2xlIjoic2VydmljZV9yb2xlIn0.abcdefghijklmnopqrstuvwxyz.extra",
        JwtHeader + ".e.abcdefghijklmnopqrstuvwxyz",
        "no keys here at all, just a sentence about sb and eyJ.",
        "héllo wörld sb_secret_ΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩ",
    };

    [Theory]
    [MemberData(nameof(NotKeys))]
    public void Malformed_input_is_never_a_key(string value)
    {
        Assert.Empty(KeyClassifier.FindKeys(value));
        Assert.Null(KeyClassifier.ClassifyWhole(value));
    }

    [Fact]
    public void A_truncated_legacy_key_is_not_a_key()
    {
        var key = TestKeys.ServiceRoleJwt;
        var dots = key.Split('.');
        Assert.Empty(KeyClassifier.FindKeys(dots[0] + "." + dots[1]));
        Assert.Empty(KeyClassifier.FindKeys(dots[0] + "." + dots[1][..(dots[1].Length - 5)] + "." + dots[2]));
    }

    [Fact]
    public void Huge_strings_are_scanned_without_throwing()
    {
        var huge = new string('e', 1_000_000) + "eyJ" + new string('A', 100_000) + "." + "eyJ" + new string('B', 100_000) + ".sig" + TestKeys.Secret;
        Assert.Empty(KeyClassifier.FindKeys(huge));
        var many = string.Join(",", Enumerable.Repeat(TestKeys.Secret, 5000));
        Assert.Equal(5000, KeyClassifier.FindKeys(many).Length);
    }

    [Fact]
    public void Prefilter_is_false_for_strings_without_candidates()
    {
        Assert.False(KeyClassifier.MayContainKey("https://example.com/api/v1/items?select=*&order=id"));
        Assert.False(KeyClassifier.MayContainKey(null));
        Assert.True(KeyClassifier.MayContainKey(TestKeys.Secret));
        Assert.True(KeyClassifier.MayContainKey(TestKeys.AnonJwt));
    }

    [Fact]
    public void Prefilter_allocates_nothing()
    {
        var text = string.Concat(Enumerable.Repeat("plain text without candidates ", 100));
        KeyClassifier.FindKeys(text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            KeyClassifier.FindKeys(text);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [MemberData(nameof(WholeKeys))]
    public void Descriptions_show_at_most_six_characters_of_key_material(string key, KeyKind kind)
    {
        var description = Assert.Single(KeyClassifier.FindKeys(key)).Describe(key);
        Assert.Contains(kind == KeyKind.LegacyServiceRole ? "service_role JWT" : "'", description, StringComparison.Ordinal);
        foreach (var material in TestKeys.MaterialLongerThanShown(key))
        {
            Assert.DoesNotContain(material, description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Describes_each_kind_by_name()
    {
        Assert.Equal("sb_secret_ key 'sb_secret_" + TestKeys.SecretBody[..6] + "…'", KeyClassifier.FindKeys(TestKeys.Secret)[0].Describe(TestKeys.Secret));
        Assert.StartsWith("service_role JWT 'eyJhbG…'", KeyClassifier.FindKeys(TestKeys.ServiceRoleJwt)[0].Describe(TestKeys.ServiceRoleJwt), StringComparison.Ordinal);
        Assert.StartsWith("sbp_ personal access token 'sbp_0a1b2c…'", KeyClassifier.FindKeys(TestKeys.PersonalAccessToken)[0].Describe(TestKeys.PersonalAccessToken), StringComparison.Ordinal);
    }
}
