using System.Net.Http.Headers;

namespace BlazorSample;

/// <summary>Each mistake below is one the analyzers report. Keys are built from pieces so no key-shaped string is committed.</summary>
public static class SupabaseSetup
{
    public const string Url = "https://example.supabase.co";

    // SBK001: a secret key in an app that runs in the browser.
    public const string ServiceKey = "sb_" + "secret_" + "Sample0Only0Not0A0Real0" + "_" + "Key00002";

    // Fine: the publishable key may ship in clients...
    public const string PublishableKey = "sb_" + "publishable_" + "Sample0Only0Not0A0Real0" + "_" + "Key00003";

    public static HttpClient CreateHttpClient()
    {
        var http = new HttpClient { BaseAddress = new Uri(Url + "/rest/v1/") };

        // ...but SBK002: it is not a JWT, so as a Bearer token it is rejected with "Invalid JWT".
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PublishableKey);
        return http;
    }

    public static async Task SeedAsync(string email, string password)
    {
        var admin = new Supabase.Client(Url, ServiceKey);

        // SBK003: signing a user up on the service-role client replaces its Authorization with the user's session.
        await admin.Auth.SignUp(email, password);
    }
}
