using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SupabaseKeyAnalyzers.KeyLiterals;

/// <summary>
/// The project's SQL (<c>supabase/migrations/*.sql</c>, <c>supabase/seed.sql</c>): where <c>pg_net</c> calls,
/// Database Webhooks and <c>pg_cron</c> jobs carry keys. A key there is stored in plain text (it belongs in Vault), and a
/// new-format key sent as <c>Authorization: Bearer</c> is rejected.
/// </summary>
internal static class SqlFiles
{
    /// <summary>
    /// An <c>Authorization</c> header whose value starts with <c>Bearer</c>, as SQL writes it:
    /// <c>'Authorization', 'Bearer …'</c> (<c>jsonb_build_object</c>), <c>'Bearer ' || '…'</c>, and the JSON of a
    /// webhook's headers (<c>"Authorization": "Bearer …"</c>). The key starts where the match ends.
    /// </summary>
    private static readonly Regex BearerHeader = new(
        @"(['""])authorization\1\s*(?:,|:|=>)\s*(['""])bearer(?:\s*\2\s*\|\|\s*\2|\s+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>What SBK004 tells a project to do with a secret key in SQL.</summary>
    public const string VaultAdvice = "store it in Vault and read it from vault.decrypted_secrets at call time";

    /// <summary>True for a <c>.sql</c> file.</summary>
    public static bool IsSql(string path) => path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a value sent as <c>Authorization: Bearer</c> starts in <paramref name="sql"/>.</summary>
    public static HashSet<int> BearerValueStarts(string sql)
    {
        var starts = new HashSet<int>();
        foreach (Match match in BearerHeader.Matches(sql))
        {
            starts.Add(match.Index + match.Length);
        }

        return starts;
    }
}
