namespace SampleApi;

/// <summary>Server-side user seeding. Keys are built from pieces so that no key-shaped string is committed.</summary>
public static class UserSeeder
{
    public const string Url = "https://example.supabase.co";

    // SBK004: a secret key hard-coded in source reaches every clone, fork and CI log.
    public const string ServiceKey = "sb_" + "secret_" + "Sample0Only0Not0A0Real0" + "_" + "Key00002";

    public static async Task SeedAsync(string email, string password)
    {
        var admin = new Supabase.Client(Url, ServiceKey);

        // SBK003: signing a user up on the service-role client replaces its Authorization with the user's session.
        await admin.Auth.SignUp(email, password);
    }
}
