using Supabase.Gotrue;
using Supabase.Gotrue.Interfaces;

namespace SampleApi;

/// <summary>A server-side admin client that ends up acting as a user.</summary>
public static class AdminClient
{
    public static Supabase.Client Create(string userAccessToken)
    {
        var options = new Supabase.SupabaseOptions
        {
            // SBK006: a session handler keeps user sessions on a service-role client; its Authorization becomes theirs.
            SessionHandler = new FileSessionHandler(),
        };

        // SBK005: a user's token on Authorization: Row Level Security now applies as that user, admin calls fail.
        options.Headers["Authorization"] = "Bearer " + userAccessToken;
        return new Supabase.Client(UserSeeder.Url, Environment.GetEnvironmentVariable("SUPABASE_SECRET_KEY"), options);
    }

    private sealed class FileSessionHandler : IGotrueSessionPersistence<Session>
    {
        public void SaveSession(Session session) => File.WriteAllText("session.json", session.AccessToken);

        public void DestroySession() => File.Delete("session.json");

        public Session? LoadSession() => null;
    }
}
