using System.Net.Http.Headers;

namespace BlazorSample;

/// <summary>The browser app's Supabase setup. Keys are built from pieces so that no key-shaped string is committed.</summary>
public static class SupabaseSetup
{
    public const string Url = "https://example.supabase.co";

    // SBK007 (Info; listed as a warning with <SupabaseKeyAnalysisMode>Migration</SupabaseKeyAnalysisMode>): a legacy
    // JWT-based anon key, deprecated by the end of 2026. Fine in a client, but it must move to the publishable key.
    public const string LegacyAnonKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "." + "eyJpc3MiOiJzdXBhYmFz" + "ZSIsInJlZiI6InNhbXBsZW9ubHlub3RhcmVhbHJlZiIsInJvbGUiOiJhbm9uIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMTU1NzYwMDB9" + "." + "Sample0Only0Not0A0Real0Signature0Bytes000";

    // Fine: the publishable key may ship in clients...
    public const string PublishableKey = "sb_" + "publishable_" + "Sample0Only0Not0A0Real0" + "_" + "Key00003";

    public static HttpClient CreateHttpClient()
    {
        var http = new HttpClient { BaseAddress = new Uri(Url + "/rest/v1/") };

        // ...but SBK002: it is not a JWT, so as a Bearer token it is rejected with "Invalid JWT".
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PublishableKey);
        return http;
    }
}
