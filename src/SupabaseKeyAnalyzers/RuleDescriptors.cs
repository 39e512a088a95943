using Microsoft.CodeAnalysis;

namespace SupabaseKeyAnalyzers;

/// <summary>
/// The registry of every rule: one field per rule, named id + meaning. The meaning is the rule's name everywhere:
/// <c>Rules/&lt;Name&gt;Analyzer.cs</c>, <c>Rules/&lt;Name&gt;Fixer.cs</c>, <c>SBKnnn_&lt;Name&gt;Tests.cs</c> and
/// <c>docs/rules/SBKnnn.md</c>. Help links are computed from the id.
/// </summary>
public static class RuleDescriptors
{
    /// <summary>Where the rule pages live; <c>docs/rules/&lt;ID&gt;.md</c> in the repository.</summary>
    public const string HelpLinkBase = "https://github.com/supabase-key-analyzers/SupabaseKeyAnalyzers/blob/main/docs/rules/";

    internal const string SecurityCategory = "Security";
    internal const string UsageCategory = "Usage";
    internal const string ConfigurationCategory = "Configuration";
    internal const string MigrationCategory = "Migration";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary><c>WellKnownDiagnosticTags.CompilationEnd</c>, which Roslyn 3.7 does not name.</summary>
    private const string CompilationEndTag = "CompilationEnd";

    /// <summary>SBK000. Analyzer: <c>InvalidConfigurationAnalyzer</c>; no fixer.</summary>
    public static readonly DiagnosticDescriptor SBK000_InvalidConfiguration = Create(
        "SBK000",
        "Invalid SupabaseKeyAnalyzers configuration",
        "'{0}' is not a valid value for {1} (set in {2}); it is ignored. Accepted values: {3}.",
        ConfigurationCategory,
        DiagnosticSeverity.Warning,
        "An option of SupabaseKeyAnalyzers holds a value it does not accept, so the option is ignored and the analyzers fall back to their defaults. Correct the value.",
        CompilationEndTag);

    /// <summary>SBK001. Analyzer: <c>SecretKeyLeakAnalyzer</c> (shared with SBK004); fixer: <c>SecretKeyInClientProjectFixer</c>.</summary>
    public static readonly DiagnosticDescriptor SBK001_SecretKeyInClientProject = Create(
        "SBK001",
        "Supabase secret key in a client project",
        "{0} ships to users ({1}); it bypasses Row Level Security. Use the publishable key here and rotate the leaked secret key.",
        SecurityCategory,
        DiagnosticSeverity.Error,
        "A Supabase secret key (sb_secret_, a service_role JWT or a personal access token) in a browser, mobile, desktop or CLI app can be read by anyone who has the app. Use the publishable (or anon) key in clients, keep secret keys on trusted servers, and rotate any key that was shipped.");

    /// <summary>SBK002. Analyzer: <c>NewKeyOnBearerAnalyzer</c>; fixer: <c>NewKeyOnBearerFixer</c>.</summary>
    public static readonly DiagnosticDescriptor SBK002_NewKeyOnBearer = Create(
        "SBK002",
        "Supabase API key sent as a Bearer token",
        "{0} is not a JWT and is rejected on 'Authorization: Bearer' (Invalid JWT); send it on the 'apikey' header",
        UsageCategory,
        DiagnosticSeverity.Warning,
        "New-format Supabase keys (sb_publishable_, sb_secret_) are not JWTs. Sent as 'Authorization: Bearer' they are rejected with 'Invalid JWT' (PostgREST PGRST301). Send them on the 'apikey' header; keep 'Authorization' for user access tokens.");

    /// <summary>SBK003. Analyzer: <c>UserSessionOnSecretKeyClientAnalyzer</c>; fixer: <c>UserSessionOnSecretKeyClientFixer</c>.</summary>
    public static readonly DiagnosticDescriptor SBK003_UserSessionOnSecretKeyClient = Create(
        "SBK003",
        "User sign-up on a client that holds a secret key",
        "'{0}' on a client created with {1} replaces its service-role Authorization with the user's session; {2}",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        "A Supabase client created with a secret or service_role key bypasses Row Level Security. Signing a user up or in on it stores the user's session, and from then on the user's JWT replaces the key on 'Authorization': RLS applies and admin calls fail. Create users with the admin API's CreateUser, or use a separate client with the publishable key for user sign-in.");

    /// <summary>SBK005. Analyzer: <c>UserTokenOnSecretKeyClientAnalyzer</c>; fixer: <c>UserTokenOnSecretKeyClientFixer</c>.</summary>
    public static readonly DiagnosticDescriptor SBK005_UserTokenOnSecretKeyClient = Create(
        "SBK005",
        "User token on the Authorization header of a client that holds a secret key",
        "{0} holds a secret key ({1}) but this puts a user token on its Authorization header: Row Level Security now applies as that user and admin calls will fail; use a publishable key for a user-scoped client and a separate client for admin work",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        "Row Level Security is decided by the Authorization header. A client that holds a secret or service_role key sends the key there; an Authorization header set to a user's token (options headers, a child client's headers or GetHeaders, Realtime SetAuth) replaces it, so the client silently acts as that user. A user-scoped client should hold the publishable key; admin work needs its own client with no user token.");

    /// <summary>SBK006. Analyzer: <c>SecretKeyClientKeepsSessionsAnalyzer</c>; fixer: <c>SecretKeyClientKeepsSessionsFixer</c>.</summary>
    public static readonly DiagnosticDescriptor SBK006_SecretKeyClientKeepsSessions = Create(
        "SBK006",
        "Client that holds a secret key keeps user sessions",
        "{0} holds a secret key ({1}) and {2}: a stored user session replaces the key on Authorization for every child client; give the admin client no session persistence and turn token refresh off",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        "The Supabase client sends 'Authorization: Bearer <session access token ?? key>'. A session handler that saves sessions (and, from 8.0.0, InitializeAsync loading the stored session) puts a user's token there on a client that holds a secret key. An admin client keeps no sessions: the default SessionHandler, AutoRefreshToken = false, and no sign-in calls.");

    /// <summary>SBK004. Analyzer: <c>SecretKeyLeakAnalyzer</c> (shared with SBK001); fixer: <c>HardCodedSecretKeyFixer</c>.</summary>
    public static readonly DiagnosticDescriptor SBK004_HardCodedSecretKey = Create(
        "SBK004",
        "Supabase secret key hard-coded in source",
        "{0} is hard-coded; {1}, and rotate the committed key",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        "A Supabase secret key in source code or the project's SQL reaches every clone, fork, CI log and package built from it, and a key in a migration or webhook is stored in the database in plain text. Read it from the environment or a secret store at run time (in SQL, from Vault), and rotate any key that was committed.");

    /// <summary>SBK007. Analyzer: <c>LegacyJwtKeyAnalyzer</c>; fixer: <c>LegacyJwtKeyFixer</c>.</summary>
    public static readonly DiagnosticDescriptor SBK007_LegacyJwtKey = Create(
        "SBK007",
        "Legacy JWT-based Supabase API key",
        "{0} is a legacy JWT-based API key, deprecated by the end of 2026; replace it with {1}",
        MigrationCategory,
        DiagnosticSeverity.Info,
        "Supabase deprecates the JWT-based anon and service_role keys by the end of 2026. Every place that still holds one must move to a publishable key (sb_publishable_…, for anon) or a secret key (sb_secret_…, for service_role). Build with <SupabaseKeyAnalysisMode>Migration</SupabaseKeyAnalysisMode> to list them all as warnings.");

    /// <summary>SBK008. Analyzer: <c>SupabaseTokenSignedInCodeAnalyzer</c>; no fixer (the docs show the admin API for each purpose).</summary>
    public static readonly DiagnosticDescriptor SBK008_SupabaseTokenSignedInCode = Create(
        "SBK008",
        "Supabase access token signed in code",
        "This signs a Supabase token in code ({0}); Supabase Auth cannot revoke it and it keeps the JWT secret in your app. Use the admin API (AdminAuth(key).CreateUser, GenerateLink) instead.",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        "Tokens issued with the project's JWT secret look like Supabase users' tokens but Supabase Auth never issued them: they cannot be revoked, and the shared JWT secret stays alive in your code. Create users and links with the admin API, and move to asymmetric signing keys.");

    /// <summary>SBK009. Analyzer: <c>FunctionsCallSendsNewKeyAsBearerAnalyzer</c>; no fixer (an SDK upgrade).</summary>
    public static readonly DiagnosticDescriptor SBK009_FunctionsCallSendsNewKeyAsBearer = Create(
        "SBK009",
        "Supabase Functions call sends a new-format key as a Bearer token",
        "This Functions call passes no user token, so Supabase.Functions {0} sends the client's key ({1}) as 'Authorization: Bearer'; a function that verifies JWTs (the default) rejects it with 'Invalid JWT'. Upgrade the Supabase packages to {2} or later, or pass a user's access token.",
        UsageCategory,
        DiagnosticSeverity.Warning,
        "Up to Supabase 1.6.0 (Supabase.Functions 2.2.0) the C# SDK sends 'Authorization: Bearer <session token ?? the client's key>' on Functions calls. New-format keys (sb_publishable_, sb_secret_) are not JWTs: an Edge Function that verifies JWTs rejects them with 'Invalid JWT'. Upgrade to Supabase 8.0.0, which stops sending a new-format key as Bearer to Functions, pass a user's access token, or turn verify_jwt off for that function and authorize in it.");

    /// <summary>SBK010. Analyzer: <c>TokensVerifiedWithJwtSecretAnalyzer</c>; no fixer (the page shows validation against the project's JWKS).</summary>
    public static readonly DiagnosticDescriptor SBK010_TokensVerifiedWithJwtSecret = Create(
        "SBK010",
        "Supabase access tokens verified with the shared JWT secret",
        "Supabase access tokens are verified here with the shared JWT secret ({0}); once the project moves to JWT signing keys they are rejected, and the secret can mint any user's token. Validate against the project's JWKS (https://<ref>.supabase.co/auth/v1/.well-known/jwks.json).",
        MigrationCategory,
        DiagnosticSeverity.Info,
        "Supabase Auth signs access tokens with asymmetric JWT signing keys once a project leaves the legacy shared JWT secret, the last step of the key migration. Validation parameters with a symmetric key built from the JWT secret reject those tokens, and keep on every server a secret that can mint any user's token. Validate with the public keys the project publishes at /auth/v1/.well-known/jwks.json.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags)
        => new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id), customTags: customTags);
}
