using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

/// <summary>A Supabase CLI migration as projects write them (pg_net calls, a webhook's headers, Vault), with its keys built at run time.</summary>
public static class SqlSamples
{
    public const string MigrationPath = "/0/supabase/migrations/20260101000000_notify.sql";

    /// <summary>
    /// Line 2: a secret key on Bearer by concatenation; line 3: a publishable key on <c>apikey</c> (fine) and on Bearer;
    /// line 4: a webhook's header JSON with a publishable key on Bearer; line 5: a Vault lookup; line 6: a secret key on
    /// <c>apikey</c>; line 7: a legacy service_role JWT on Bearer.
    /// </summary>
    public static readonly string Migration =
        "-- Notify a function on every insert.\n" +
        "select net.http_post(url := 'https://x.supabase.co/functions/v1/notify', headers := jsonb_build_object('Authorization', 'Bearer ' || '" + TestKeys.Secret + "'));\n" +
        "select net.http_get(url := 'https://x.supabase.co/rest/v1/items', headers := jsonb_build_object('apikey', '" + TestKeys.Publishable + "', 'Authorization', 'Bearer " + TestKeys.Publishable + "'));\n" +
        "create trigger notify after insert on items for each row execute function supabase_functions.http_request('https://x.supabase.co/functions/v1/notify', 'POST', '{\"Authorization\": \"Bearer " + TestKeys.Publishable + "\"}', '{}', '1000');\n" +
        "select net.http_post(url := 'https://x.supabase.co/functions/v1/notify', headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key')));\n" +
        "select net.http_post(url := 'https://x.supabase.co/functions/v1/notify', headers := jsonb_build_object('apikey', '" + TestKeys.Secret + "'));\n" +
        "select net.http_post(url := 'https://x.supabase.co/functions/v1/notify', headers := jsonb_build_object('Authorization', 'Bearer " + TestKeys.ServiceRoleJwt + "'));\n";

    /// <summary>The diagnostic at the <paramref name="occurrence"/>-th (from 0) place <paramref name="key"/> stands on <paramref name="line"/> (from 1) of <see cref="Migration"/>.</summary>
    public static DiagnosticResult At(DiagnosticDescriptor rule, int line, string key, int occurrence = 0)
    {
        var text = Migration.Split('\n')[line - 1];
        var column = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            column = text.IndexOf(key, column + 1, StringComparison.Ordinal);
        }

        return new DiagnosticResult(rule).WithSpan(MigrationPath, line, column + 1, line, column + 1 + key.Length);
    }
}
