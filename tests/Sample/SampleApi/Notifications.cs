namespace SampleApi;

/// <summary>Server-side calls to an Edge Function with the project's publishable key.</summary>
public static class Notifications
{
    // SBK009: up to Supabase 1.6.0 (Supabase.Functions 2.2.0) the SDK sends the client's key as 'Authorization: Bearer'
    // on a call without a user token, and a function that verifies JWTs rejects a new key with "Invalid JWT".
    public static Task<string> NotifyAsync()
        => new Supabase.Client(UserSeeder.Url, Environment.GetEnvironmentVariable("SUPABASE_PUBLISHABLE_KEY")).Functions.Invoke("notify");
}
