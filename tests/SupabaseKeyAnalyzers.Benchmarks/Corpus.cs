using System.Text;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// Generates realistic C#: services with string literals (URLs, log messages, JSON, SQL), arithmetic, HttpClient calls,
/// dictionaries, and in every <c>supabaseEvery</c>-th file (none when 0; every file for the worst case) Supabase clients
/// with keys, a sign-up on a secret-key client and a publishable key sent as Bearer. Keys are built at run time.
/// </summary>
public static class Corpus
{
    private static readonly string Secret = "sb_" + "secret_" + "Bench0Only0Not0A0Real0" + "_" + "Key00001";
    private static readonly string Publishable = "sb_" + "publishable_" + "Bench0Only0Not0A0Real0" + "_" + "Key00002";

    public static IReadOnlyList<(string Path, string Text)> Generate(int files, int supabaseEvery = 250)
    {
        var result = new List<(string, string)>(files);
        for (var i = 0; i < files; i++)
        {
            result.Add(($"Generated/Service{i}.cs", File(i, withSupabase: supabaseEvery > 0 && i % supabaseEvery == 0)));
        }

        return result;
    }

    private static string File(int i, bool withSupabase)
    {
        var b = new StringBuilder();
        b.AppendLine("using System;");
        b.AppendLine("using System.Collections.Generic;");
        b.AppendLine("using System.Linq;");
        b.AppendLine("using System.Net.Http;");
        b.AppendLine("using System.Net.Http.Headers;");
        b.AppendLine("using System.Threading.Tasks;");
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

        if (withSupabase)
        {
            b.AppendLine($"    private const string AnonKey = \"{Publishable}\";");
            b.AppendLine($"    private const string ServiceKey = \"{Secret}\";");
            b.AppendLine("    public async Task SeedAsync(string email, string password)");
            b.AppendLine("    {");
            b.AppendLine("        var admin = new Supabase.Client(\"https://x.supabase.co\", ServiceKey);");
            b.AppendLine("        await admin.Auth.SignUp(email, password);");
            b.AppendLine("        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", AnonKey);");
            b.AppendLine("    }");
        }

        b.AppendLine("}");
        return b.ToString();
    }
}
