using System;

namespace SupabaseKeyAnalyzers.SupabaseSdk;

/// <summary>
/// The names of the Supabase C# SDK's members the rules match (the types are matched by metadata name in
/// <see cref="SupabaseModel"/>). One constant per name: rules, the model and the fixers never spell one out.
/// </summary>
internal static class SdkMembers
{
    // Options and headers.
    public const string Headers = "Headers";
    public const string GetHeaders = "GetHeaders";
    public const string SessionHandler = "SessionHandler";
    public const string AutoRefreshToken = "AutoRefreshToken";

    /// <summary>A Postgrest client's options (<c>client.Postgrest.Options.Headers</c>).</summary>
    public const string Options = "Options";

    /// <summary>The name of every client type that takes options (<c>Supabase.Client</c>, <c>Gotrue.Client</c>, <c>Postgrest.Client</c>).</summary>
    public const string ClientType = "Client";

    // The umbrella client's child clients.
    public const string Auth = "Auth";
    public const string Postgrest = "Postgrest";
    public const string Functions = "Functions";
    public const string Realtime = "Realtime";
    public const string Storage = "Storage";

    // Calls.
    public const string InitializeAsync = "InitializeAsync";
    public const string AdminAuth = "AdminAuth";
    public const string CreateUser = "CreateUser";
    public const string SetAuth = "SetAuth";
    public const string SetPersistence = "SetPersistence";
    public const string Invoke = "Invoke";
    public const string RawInvoke = "RawInvoke";
    public const string GetAuthOptions = "GetAuthOptions";
    public const string GetRestOptions = "GetRestOptions";

    // Calls that store a user session on an auth client (every SignIn* too).
    public const string SignUp = "SignUp";
    public const string SignInPrefix = "SignIn";
    public const string SetSession = "SetSession";
    public const string VerifyOtp = "VerifyOTP";
    public const string ExchangeCodeForSession = "ExchangeCodeForSession";
    public const string GetSessionFromUrl = "GetSessionFromUrl";
    public const string LoadSession = "LoadSession";

    // AdminUserAttributes and SignUpOptions, which the SBK003 fix fills.
    public const string Email = "Email";
    public const string Phone = "Phone";
    public const string Password = "Password";
    public const string UserMetadata = "UserMetadata";
    public const string Data = "Data";

    /// <summary>The child clients of <c>Supabase.Client</c>, which hold its key.</summary>
    public static bool IsChildClient(string name) => name is Auth or Postgrest or Functions or Realtime or Storage;

    /// <summary>The Functions calls that send a token as <c>Authorization: Bearer</c>.</summary>
    public static bool IsFunctionsInvoke(string name) => name is Invoke or RawInvoke;

    /// <summary>The names of the session-storing calls (<see cref="SupabaseModel.StoresSession"/> decides on the arguments).</summary>
    public static bool IsSessionCallName(string name)
        => name is SignUp or SetSession or VerifyOtp or ExchangeCodeForSession or LoadSession or GetSessionFromUrl
           || name.StartsWith(SignInPrefix, StringComparison.Ordinal);
}
