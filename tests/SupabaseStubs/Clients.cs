using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Supabase.Core.Interfaces;
using Supabase.Gotrue;
using Supabase.Gotrue.Interfaces;

namespace Supabase.Postgrest
{
    public class ClientOptions
    {
        public string Schema { get; set; } = "public";
        public Dictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();
    }

    public class Client : Supabase.Postgrest.Interfaces.IPostgrestClient
    {
        public Client(string baseUrl, ClientOptions? options = null) => throw null!;
        public Func<Dictionary<string, string>>? GetHeaders { get; set; }
        public ClientOptions Options => throw null!;
    }
}

namespace Supabase.Postgrest.Interfaces
{
    public interface IPostgrestClient : IGettableHeaders
    {
        Supabase.Postgrest.ClientOptions Options { get; }
    }
}

namespace Supabase.Realtime
{
    public class RealtimeSocket
    {
    }

    public class RealtimeChannel
    {
    }

    public class ClientOptions
    {
        public readonly Dictionary<string, string> Headers = new Dictionary<string, string>();
    }

    public class Client : Supabase.Realtime.Interfaces.IRealtimeClient<RealtimeSocket, RealtimeChannel>
    {
        public Client(string realtimeUrl, ClientOptions? options = null) => throw null!;
        public Func<Dictionary<string, string>>? GetHeaders { get; set; }
        public void SetAuth(string jwt) => throw null!;
    }
}

namespace Supabase.Realtime.Interfaces
{
    public interface IRealtimeClient<TSocket, TChannel> : IGettableHeaders
    {
        void SetAuth(string jwt);
    }
}

namespace Supabase.Storage
{
    public class Bucket
    {
    }

    public class FileObject
    {
    }

    public class ClientOptions
    {
    }

    public class Client : Supabase.Storage.Interfaces.IStorageClient<Bucket, FileObject>
    {
        public Client(string url, Dictionary<string, string>? headers = null) => throw null!;
        public Client(string url, ClientOptions? options, Dictionary<string, string>? headers = null) => throw null!;
        public Func<Dictionary<string, string>>? GetHeaders { get; set; }
    }
}

namespace Supabase.Storage.Interfaces
{
    public interface IStorageClient<TBucket, TFileObject> : IGettableHeaders
    {
    }
}

namespace Supabase.Interfaces
{
    public interface ISupabaseClient<TUser, TSession, TSocket, TChannel, TBucket, TFileObject>
    {
        IGotrueClient<User, Session> Auth { get; }
    }
}

namespace Supabase
{
    public class SupabaseOptions
    {
        public Dictionary<string, string> Headers = new Dictionary<string, string>();
        public string Schema = "public";
        public bool AutoRefreshToken { get; set; } = true;
        public bool AutoConnectRealtime { get; set; }
        public IGotrueSessionPersistence<Session> SessionHandler { get; set; } = new DefaultSupabaseSessionHandler();
        public Supabase.Storage.ClientOptions StorageClientOptions { get; set; } = new Supabase.Storage.ClientOptions();
        public string AuthUrlFormat { get; set; } = "{0}/auth/v1";
        public string RestUrlFormat { get; set; } = "{0}/rest/v1";
        public string RealtimeUrlFormat { get; set; } = "{0}/realtime/v1";
        public string StorageUrlFormat { get; set; } = "{0}/storage/v1";
        public string FunctionsUrlFormat { get; set; } = "{0}/functions/v1";
    }

    public class Client : Supabase.Interfaces.ISupabaseClient<User, Session, Supabase.Realtime.RealtimeSocket, Supabase.Realtime.RealtimeChannel, Supabase.Storage.Bucket, Supabase.Storage.FileObject>
    {
        public Client(string supabaseUrl, string? supabaseKey, SupabaseOptions? options = null) => throw null!;
        public Client(IGotrueClient<User, Session> auth, Supabase.Realtime.Interfaces.IRealtimeClient<Supabase.Realtime.RealtimeSocket, Supabase.Realtime.RealtimeChannel> realtime, Supabase.Functions.Interfaces.IFunctionsClient functions, Supabase.Postgrest.Interfaces.IPostgrestClient postgrest, Supabase.Storage.Interfaces.IStorageClient<Supabase.Storage.Bucket, Supabase.Storage.FileObject> storage, SupabaseOptions options) => throw null!;
        public IGotrueClient<User, Session> Auth { get => throw null!; set => throw null!; }
        public Supabase.Functions.Interfaces.IFunctionsClient Functions { get => throw null!; set => throw null!; }
        public Supabase.Postgrest.Interfaces.IPostgrestClient Postgrest { get => throw null!; set => throw null!; }
        public Supabase.Realtime.Interfaces.IRealtimeClient<Supabase.Realtime.RealtimeSocket, Supabase.Realtime.RealtimeChannel> Realtime { get => throw null!; set => throw null!; }
        public Supabase.Storage.Interfaces.IStorageClient<Supabase.Storage.Bucket, Supabase.Storage.FileObject> Storage { get => throw null!; set => throw null!; }
        public IGotrueAdminClient<User> AdminAuth(string serviceKey) => throw null!;
        public Task<Supabase.Interfaces.ISupabaseClient<User, Session, Supabase.Realtime.RealtimeSocket, Supabase.Realtime.RealtimeChannel, Supabase.Storage.Bucket, Supabase.Storage.FileObject>> InitializeAsync() => throw null!;
    }

    public class DefaultSupabaseSessionHandler : IGotrueSessionPersistence<Session>
    {
        public void SaveSession(Session session)
        {
        }

        public void DestroySession()
        {
        }

        public Session? LoadSession() => null;
    }

    public static class StatelessClient
    {
        public static Supabase.Gotrue.ClientOptions GetAuthOptions(string supabaseUrl, string? supabaseKey = null, SupabaseOptions? options = null) => throw null!;
        public static Supabase.Postgrest.ClientOptions GetRestOptions(string? supabaseKey = null, SupabaseOptions? options = null) => throw null!;
        public static Supabase.Functions.Client Functions(string supabaseUrl, string supabaseKey, SupabaseOptions? options = null) => throw null!;
    }
}
