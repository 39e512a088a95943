using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Supabase.Core.Interfaces;
using Supabase.Gotrue.Interfaces;

namespace Supabase.Gotrue
{
    public static class Constants
    {
        public enum SignUpType { Email, Phone }

        public enum SignInType { Email, Phone, RefreshToken }

        public enum SortOrder { Ascending, Descending }

        public enum SignOutScope { Global, Local, Others }

        public enum Provider { Apple, Azure, Github, Google }

        public enum EmailOtpType { Signup, Invite, MagicLink, Recovery, EmailChange, Email }
    }

    public class User
    {
        public string? Id { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
    }

    public class Session
    {
        public string? AccessToken { get; set; }
        public string? RefreshToken { get; set; }
        public User? User { get; set; }
    }

    public class UserList<TUser> where TUser : User
    {
        public List<TUser> Users { get; set; } = new List<TUser>();
    }

    public class UserAttributes
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Phone { get; set; }
        public Dictionary<string, object> Data { get; set; } = new Dictionary<string, object>();
    }

    public class AdminUserAttributes : UserAttributes
    {
        public Dictionary<string, object> AppMetadata { get; set; } = new Dictionary<string, object>();
        public Dictionary<string, object> UserMetadata { get; set; } = new Dictionary<string, object>();
        public bool? EmailConfirm { get; set; }
        public bool? PhoneConfirm { get; set; }
        public string? BanDuration { get; set; }
    }

    public class SignInOptions
    {
        public string? RedirectTo { get; set; }
    }

    public class SignUpOptions : SignInOptions
    {
        public Dictionary<string, object>? Data { get; set; }
    }

    public class InviteUserByEmailOptions
    {
        public string? RedirectTo { get; set; }
    }

    public class GenerateLinkOptions
    {
        public GenerateLinkOptions(LinkType linkType, string email) => throw null!;

        public enum LinkType { SignUp, Invite, MagicLink, Recovery, EmailChangeCurrent, EmailChangeNew }

        public string Email { get; } = "";
        public string? Password { get; set; }
        public string? RedirectTo { get; set; }
    }

    public class PasswordlessSignInState
    {
    }

    public class SignInWithPasswordlessEmailOptions
    {
        public SignInWithPasswordlessEmailOptions(string email) => throw null!;
        public string Email { get; } = "";
    }

    public class SignInWithSSOOptions
    {
        public string? RedirectTo { get; set; }
    }

    public class SSOResponse
    {
        public Uri? Uri { get; set; }
    }

    public class ClientOptions
    {
        public string Url { get; set; } = "http://localhost:9999";
        public Dictionary<string, string> Headers = new Dictionary<string, string>();
        public bool AutoRefreshToken { get; set; } = true;
        public bool AllowUnconfirmedUserSessions { get; set; }
        public bool DebugRefreshToken { get; set; }
        public TimeSpan MaximumRefreshWaitTime { get; set; }
    }

    public class Client : IGotrueClient<User, Session>
    {
        public Client(ClientOptions? options = null) => throw null!;
        public Func<Dictionary<string, string>>? GetHeaders { get; set; }
        public Session? CurrentSession => throw null!;
        public User? CurrentUser => throw null!;
        public Task<Session?> SignUp(string email, string password, SignUpOptions? options = null) => throw null!;
        public Task<Session?> SignUp(Constants.SignUpType type, string identifier, string password, SignUpOptions? options = null) => throw null!;
        public Task<Session?> SignIn(string email, string password) => throw null!;
        public Task<bool> SignIn(string email, SignInOptions? options = null) => throw null!;
        public Task<Session?> SignIn(Constants.SignInType type, string identifierOrToken, string? password = null, string? scopes = null) => throw null!;
        public Task<Session?> SignInWithPassword(string email, string password) => throw null!;
        public Task<Session?> SignInAnonymously(SignInAnonymouslyOptions? options = null) => throw null!;
        public Task<Session?> SignInWithIdToken(Constants.Provider provider, string idToken, string? accessToken = null, string? nonce = null, string? captchaToken = null) => throw null!;
        public Task SignOut(Constants.SignOutScope scope = Constants.SignOutScope.Global) => throw null!;
        public Task<User?> GetUser(string jwt) => throw null!;
        public Task<Session> SetSession(string accessToken, string refreshToken, bool forceAccessTokenRefresh = false) => throw null!;
        public void SetPersistence(IGotrueSessionPersistence<Session> persistence) => throw null!;
        public void LoadSession() => throw null!;
        public Task<Session?> RetrieveSessionAsync() => throw null!;
        public Task<PasswordlessSignInState> SignInWithOtp(SignInWithPasswordlessEmailOptions options) => throw null!;
        public Task<SSOResponse?> SignInWithSSO(string domain, SignInWithSSOOptions? options = null) => throw null!;
        public Task<Session?> VerifyOTP(string email, string token, Constants.EmailOtpType type = Constants.EmailOtpType.MagicLink) => throw null!;
        public Task<Session?> ExchangeCodeForSession(string codeVerifier, string authCode) => throw null!;
        public Task<Session?> GetSessionFromUrl(Uri suppliedUri, bool storeSession = true) => throw null!;
    }

    public class SignInAnonymouslyOptions
    {
        public Dictionary<string, object>? Data { get; set; }
    }

    public class AdminClient : IGotrueAdminClient<User>
    {
        public AdminClient(string serviceKey, ClientOptions? options = null) => throw null!;
        public Func<Dictionary<string, string>>? GetHeaders { get; set; }
        public Task<User?> CreateUser(string email, string password, AdminUserAttributes? attributes = null) => throw null!;
        public Task<User?> CreateUser(AdminUserAttributes attributes) => throw null!;
        public Task<bool> DeleteUser(string uid) => throw null!;
        public Task<User?> GetUser(string jwt) => throw null!;
        public Task<User?> GetUserById(string userId) => throw null!;
        public Task<bool> InviteUserByEmail(string email, InviteUserByEmailOptions? options = null) => throw null!;
        public Task<UserList<User>?> ListUsers(string? filter = null, string? sortBy = null, Constants.SortOrder sortOrder = Constants.SortOrder.Descending, int? page = null, int? perPage = null) => throw null!;
        public Task<User?> Update(UserAttributes attributes) => throw null!;
        public Task<User?> UpdateUserById(string userId, AdminUserAttributes userData) => throw null!;
        public Task<Supabase.Gotrue.Responses.GenerateLinkResponse?> GenerateLink(GenerateLinkOptions options) => throw null!;
        public ClientOptions Options => throw null!;
    }
}

namespace Supabase.Gotrue.Interfaces
{
    public interface IGotrueClient<TUser, TSession> : IGettableHeaders
        where TUser : User
        where TSession : Session
    {
        TSession? CurrentSession { get; }
        TUser? CurrentUser { get; }
        Task<TSession?> SignUp(string email, string password, SignUpOptions? options = null);
        Task<TSession?> SignUp(Constants.SignUpType type, string identifier, string password, SignUpOptions? options = null);
        Task<TSession?> SignIn(string email, string password);
        Task<bool> SignIn(string email, SignInOptions? options = null);
        Task<TSession?> SignIn(Constants.SignInType type, string identifierOrToken, string? password = null, string? scopes = null);
        Task<TSession?> SignInWithPassword(string email, string password);
        Task<TSession?> SignInAnonymously(SignInAnonymouslyOptions? options = null);
        Task<TSession?> SignInWithIdToken(Constants.Provider provider, string idToken, string? accessToken = null, string? nonce = null, string? captchaToken = null);
        Task SignOut(Constants.SignOutScope scope = Constants.SignOutScope.Global);
        Task<TUser?> GetUser(string jwt);
        Task<TSession> SetSession(string accessToken, string refreshToken, bool forceAccessTokenRefresh = false);
        void SetPersistence(IGotrueSessionPersistence<TSession> persistence);
        void LoadSession();
        Task<TSession?> RetrieveSessionAsync();
        Task<PasswordlessSignInState> SignInWithOtp(SignInWithPasswordlessEmailOptions options);
        Task<SSOResponse?> SignInWithSSO(string domain, SignInWithSSOOptions? options = null);
        Task<TSession?> VerifyOTP(string email, string token, Constants.EmailOtpType type = Constants.EmailOtpType.MagicLink);
        Task<TSession?> ExchangeCodeForSession(string codeVerifier, string authCode);
        Task<TSession?> GetSessionFromUrl(Uri suppliedUri, bool storeSession = true);
    }

    public interface IGotrueSessionPersistence<TSession>
    {
        void SaveSession(TSession session);
        void DestroySession();
        TSession? LoadSession();
    }

    public interface IGotrueAdminClient<TUser> : IGettableHeaders
        where TUser : User
    {
        Task<TUser?> CreateUser(string email, string password, AdminUserAttributes? attributes = null);
        Task<TUser?> CreateUser(AdminUserAttributes attributes);
        Task<bool> DeleteUser(string uid);
        Task<TUser?> GetUser(string jwt);
        Task<TUser?> GetUserById(string userId);
        Task<bool> InviteUserByEmail(string email, InviteUserByEmailOptions? options = null);
        Task<UserList<TUser>?> ListUsers(string? filter = null, string? sortBy = null, Constants.SortOrder sortOrder = Constants.SortOrder.Descending, int? page = null, int? perPage = null);
        Task<User?> Update(UserAttributes attributes);
        Task<User?> UpdateUserById(string userId, AdminUserAttributes userData);
        Task<Supabase.Gotrue.Responses.GenerateLinkResponse?> GenerateLink(GenerateLinkOptions options);
    }
}

namespace Supabase.Gotrue.Responses
{
    public class GenerateLinkResponse : User
    {
        public string? ActionLink { get; set; }
    }
}
