using System.Text;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>How the corpus's Supabase code looks.</summary>
public enum SupabaseShape
{
    /// <summary>
    /// No file mentions Supabase: the code of a project that references the Supabase packages (every corpus's
    /// compilation does) outside its Supabase files, where every rule must cost what an empty analyzer costs.
    /// </summary>
    None,

    /// <summary>
    /// A real project that uses Supabase: one file in <see cref="Corpus.RealisticEvery"/> builds a client from
    /// configuration with an options object, registers it for dependency injection, signs users in and calls a
    /// function through it, as apps do; no key in the source, nothing to report. The other files never mention Supabase.
    /// </summary>
    Realistic,

    /// <summary>The worst case: every file holds keys and secret-key clients and misuses them (every client rule reports).</summary>
    Everywhere,
}

/// <summary>
/// Generates realistic C#: services with string literals (URLs, log messages, JSON, SQL), arithmetic, HttpClient calls,
/// header dictionaries, and Supabase code as <see cref="SupabaseShape"/> says. Keys are built at run time.
/// </summary>
public static class Corpus
{
    /// <summary>In a realistic project, one file in this many creates a Supabase client.</summary>
    public const int RealisticEvery = 50;

    private static readonly string Secret = "sb_" + "secret_" + "Bench0Only0Not0A0Real0" + "_" + "Key00001";
    private static readonly string Publishable = "sb_" + "publishable_" + "Bench0Only0Not0A0Real0" + "_" + "Key00002";

    /// <summary>The configuration and dependency-injection surface the realistic files use (real names; no package is referenced).</summary>
    private const string Hosting = """
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string? this[string key] { get; }
                IConfiguration GetSection(string key);
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection
            {
            }

            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, System.Func<System.IServiceProvider, TService> factory) where TService : class => services;
                public static IServiceCollection AddScoped<TService>(this IServiceCollection services) where TService : class => services;
            }
        }
        """;

    public static IReadOnlyList<(string Path, string Text)> Generate(int files, SupabaseShape shape)
    {
        var result = new List<(string, string)>(files + 1) { ("Generated/Hosting.cs", Hosting) };
        for (var i = 0; i < files; i++)
        {
            var withClient = shape == SupabaseShape.Everywhere || (shape == SupabaseShape.Realistic && i % RealisticEvery == 0);
            result.Add(($"Generated/Service{i}.cs", File(i, withClient ? shape : SupabaseShape.None)));
        }

        return result;
    }

    private static string File(int i, SupabaseShape shape)
    {
        var b = new StringBuilder();
        b.AppendLine("using System;");
        b.AppendLine("using System.Collections.Generic;");
        b.AppendLine("using System.Linq;");
        b.AppendLine("using System.Net.Http;");
        b.AppendLine("using System.Net.Http.Headers;");
        b.AppendLine("using System.Threading.Tasks;");
        b.AppendLine("using Microsoft.Extensions.Configuration;");
        b.AppendLine("using Microsoft.Extensions.DependencyInjection;");
        b.AppendLine();
        b.AppendLine($"namespace Bench.Area{i % 17};");
        b.AppendLine();
        b.AppendLine($"public sealed class Service{i}");
        b.AppendLine("{");
        b.AppendLine($"    private const string BaseUrl = \"https://api{i}.example.com/v1/\";");
        b.AppendLine($"    private const string Route = BaseUrl + \"items/\" + \"{i}\";");
        b.AppendLine("    private static readonly string UserAgent = \"bench-client/\" + Version;");
        b.AppendLine("    private const string Version = \"1.0.\" + \"42\";");
        b.AppendLine("    private readonly HttpClient http;");
        b.AppendLine("    private readonly Dictionary<string, string> headers = new() { { \"Accept\", \"application/json\" }, { \"X-Request-Source\", \"bench\" } };");
        b.AppendLine();
        b.AppendLine($"    public Service{i}(HttpClient http)");
        b.AppendLine("    {");
        b.AppendLine("        this.http = http;");
        b.AppendLine("        this.http.DefaultRequestHeaders.Add(\"User-Agent\", UserAgent);");
        b.AppendLine("        this.http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(\"application/json\"));");
        b.AppendLine("    }");
        b.AppendLine();
        for (var m = 0; m < 6; m++)
        {
            b.AppendLine($"    public async Task<int> Operation{m}Async(string token, int count)");
            b.AppendLine("    {");
            b.AppendLine("        var total = 0;");
            b.AppendLine("        for (var k = 0; k < count; k++)");
            b.AppendLine("        {");
            b.AppendLine("            total += k * 2 + 1;");
            b.AppendLine("        }");
            b.AppendLine();
            b.AppendLine($"        var request = new HttpRequestMessage(HttpMethod.Get, Route + \"?page=\" + count + \"&op={m}\");");
            b.AppendLine("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", token);");
            b.AppendLine("        request.Headers.Add(\"X-Trace\", $\"trace-{count}-{total}\");");
            b.AppendLine($"        var payload = \"{{\\\"name\\\":\\\"item{m}\\\",\\\"count\\\":\" + count + \"}}\";");
            b.AppendLine("        headers[\"X-Count\"] = count.ToString();");
            b.AppendLine("        Console.WriteLine($\"Sending {payload} to {Route} with {headers.Count} headers\");");
            b.AppendLine("        var sql = \"SELECT id, name FROM items WHERE owner = @owner AND created > @since ORDER BY id\";");
            b.AppendLine("        var words = sql.Split(' ').Where(w => w.Length > 3).Select(w => w.ToUpperInvariant()).ToList();");
            b.AppendLine("        using var response = await http.SendAsync(request);");
            b.AppendLine("        return total + words.Count + (int)response.StatusCode;");
            b.AppendLine("    }");
            b.AppendLine();
        }

        switch (shape)
        {
            case SupabaseShape.Realistic:
                // What an app's Supabase setup looks like: the client from configuration, registered once, used by a repository.
                b.AppendLine("    public static void Register(IServiceCollection services, IConfiguration configuration)");
                b.AppendLine("    {");
                b.AppendLine("        var options = new Supabase.SupabaseOptions { AutoRefreshToken = true, AutoConnectRealtime = true };");
                b.AppendLine("        options.Headers[\"X-Client-Info\"] = \"bench\";");
                b.AppendLine("        services.AddSingleton(_ => new Supabase.Client(configuration[\"Supabase:Url\"]!, configuration[\"Supabase:PublishableKey\"], options));");
                b.AppendLine($"        services.AddScoped<Repository{i}>();");
                b.AppendLine("    }");
                b.AppendLine("}");
                b.AppendLine();
                b.AppendLine($"public sealed class Repository{i}(Supabase.Client client)");
                b.AppendLine("{");
                b.AppendLine("    public async Task<string> SignInAsync(string email, string password)");
                b.AppendLine("    {");
                b.AppendLine("        var session = await client.Auth.SignInWithPassword(email, password);");
                b.AppendLine("        return session?.AccessToken ?? string.Empty;");
                b.AppendLine("    }");
                b.AppendLine();
                b.AppendLine("    public Task<string> HelloAsync() => client.Functions.Invoke(\"hello\");");
                break;
            case SupabaseShape.Everywhere:
                b.AppendLine($"    private const string AnonKey = \"{Publishable}\";");
                b.AppendLine($"    private const string ServiceKey = \"{Secret}\";");
                b.AppendLine("    public async Task SeedAsync(string email, string password, string userJwt)");
                b.AppendLine("    {");
                b.AppendLine("        var options = new Supabase.SupabaseOptions { SessionHandler = new Keeper() };");
                b.AppendLine("        options.Headers[\"Authorization\"] = \"Bearer \" + userJwt;");
                b.AppendLine("        var admin = new Supabase.Client(\"https://x.supabase.co\", ServiceKey, options);");
                b.AppendLine("        await admin.Auth.SignUp(email, password);");
                b.AppendLine("        admin.Auth.SetPersistence(new Keeper());");
                b.AppendLine("        admin.Realtime.SetAuth(userJwt);");
                b.AppendLine("        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", AnonKey);");
                b.AppendLine("    }");
                b.AppendLine();
                b.AppendLine("    private sealed class Keeper : Supabase.Gotrue.Interfaces.IGotrueSessionPersistence<Supabase.Gotrue.Session>");
                b.AppendLine("    {");
                b.AppendLine("        public void SaveSession(Supabase.Gotrue.Session session) { }");
                b.AppendLine("        public void DestroySession() { }");
                b.AppendLine("        public Supabase.Gotrue.Session? LoadSession() => null;");
                b.AppendLine("    }");
                break;
        }

        b.AppendLine("}");
        return b.ToString();
    }
}
