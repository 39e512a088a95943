namespace SupabaseKeyAnalyzers;

/// <summary>Every rule id of the package. A rule's analyzer, fixer, tests and docs page are all named after its id.</summary>
public static class RuleIds
{
    /// <summary>Secret key in a client-targeting project. Analyzer: <c>Rules/SecretKeyAnalyzer.cs</c>; fixer: <c>UsePublishableKeyFixer</c>.</summary>
    public const string SecretKeyInClientProject = "SBK001";

    /// <summary>New-format key sent as <c>Authorization: Bearer</c>. Analyzer: <c>Rules/BearerNewKeyAnalyzer.cs</c>; fixer: <c>UseApiKeyHeaderFixer</c>.</summary>
    public const string NewKeyOnBearer = "SBK002";

    /// <summary><c>SignUp</c> (or another sign-in call) on a client that holds a secret key. Analyzer: <c>Rules/SignUpOnAdminClientAnalyzer.cs</c>; fixer: <c>UseAdminCreateUserFixer</c>.</summary>
    public const string SignUpOnAdminClient = "SBK003";

    /// <summary>Secret key hard-coded outside client projects. Analyzer: <c>Rules/SecretKeyAnalyzer.cs</c>; fixer: <c>ReadSecretFromEnvironmentFixer</c>.</summary>
    public const string HardCodedSecretKey = "SBK004";
}
