using System;
using System.Text;

namespace SupabaseKeyAnalyzers.Internals;

/// <summary>
/// A small JSON reader that never throws: it walks one JSON object and hands every string value to a callback with its
/// configuration path (<c>Supabase:Key</c> for <c>{ "Supabase": { "Key": "…" } }</c>, <c>Keys:0</c> for an array's
/// first element). Relaxed reading accepts what .NET's JSON configuration accepts beyond strict JSON: comments and
/// trailing commas. Enough for a JWT's claims and the project's settings files; no values other than strings are kept.
/// </summary>
internal static class JsonText
{
    private const int MaxDepth = 32;

    /// <summary>
    /// True when <paramref name="json"/> is one well-formed JSON object (with <paramref name="relaxed"/>, comments and
    /// trailing commas allowed); <paramref name="onString"/> receives each string value's path and text as it is read,
    /// so some may have been handed over when the answer is false.
    /// </summary>
    public static bool TryReadObject(string? json, bool relaxed, Action<string, string> onString)
    {
        if (json is null)
        {
            return false;
        }

        var reader = new Reader(json, relaxed, onString);
        reader.SkipWhiteSpace();
        if (reader.Peek != '{' || !reader.ReadValue(null, 0))
        {
            return false;
        }

        reader.SkipWhiteSpace();
        return reader.AtEnd;
    }

    private sealed class Reader
    {
        private readonly string json;
        private readonly bool relaxed;
        private readonly Action<string, string> onString;
        private int i;

        public Reader(string json, bool relaxed, Action<string, string> onString)
        {
            this.json = json;
            this.relaxed = relaxed;
            this.onString = onString;
        }

        public char Peek => i < json.Length ? json[i] : '\0';

        public bool AtEnd => i == json.Length;

        public bool ReadValue(string? path, int depth)
        {
            if (depth > MaxDepth || i >= json.Length)
            {
                return false;
            }

            switch (json[i])
            {
                case '"':
                    var text = ReadString();
                    if (text is null)
                    {
                        return false;
                    }

                    if (path is not null)
                    {
                        onString(path, text);
                    }

                    return true;
                case '{':
                case '[':
                    return ReadContainer(path, depth);
                default:
                    var start = i;
                    while (i < json.Length && (char.IsLetterOrDigit(json[i]) || json[i] is '-' or '+' or '.'))
                    {
                        i++;
                    }

                    return i > start;
            }
        }

        public void SkipWhiteSpace()
        {
            while (i < json.Length)
            {
                if (json[i] is ' ' or '\t' or '\r' or '\n')
                {
                    i++;
                }
                else if (relaxed && i + 1 < json.Length && json[i] == '/' && json[i + 1] == '/')
                {
                    while (i < json.Length && json[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (relaxed && i + 1 < json.Length && json[i] == '/' && json[i + 1] == '*')
                {
                    var end = json.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? json.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private bool ReadContainer(string? path, int depth)
        {
            var isObject = json[i] == '{';
            var close = isObject ? '}' : ']';
            i++;
            SkipWhiteSpace();
            if (Expect(close))
            {
                return true;
            }

            for (var index = 0; ; index++)
            {
                SkipWhiteSpace();
                string? member;
                if (isObject)
                {
                    var name = ReadString();
                    SkipWhiteSpace();
                    if (name is null || !Expect(':'))
                    {
                        return false;
                    }

                    SkipWhiteSpace();
                    member = path is null ? name : path + ":" + name;
                }
                else
                {
                    member = (path is null ? string.Empty : path + ":") + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (!ReadValue(member, depth + 1))
                {
                    return false;
                }

                SkipWhiteSpace();
                if (Expect(close))
                {
                    return true;
                }

                if (!Expect(','))
                {
                    return false;
                }

                SkipWhiteSpace();
                if (relaxed && Expect(close))
                {
                    // A trailing comma.
                    return true;
                }
            }
        }

        private bool Expect(char c)
        {
            if (i < json.Length && json[i] == c)
            {
                i++;
                return true;
            }

            return false;
        }

        private string? ReadString()
        {
            if (!Expect('"'))
            {
                return null;
            }

            StringBuilder? builder = null;
            var start = i;
            while (i < json.Length)
            {
                var c = json[i];
                if (c == '"')
                {
                    var result = builder is null ? json.Substring(start, i - start) : builder.ToString();
                    i++;
                    return result;
                }

                if (c < ' ')
                {
                    return null;
                }

                if (c != '\\')
                {
                    builder?.Append(c);
                    i++;
                    continue;
                }

                builder ??= new StringBuilder().Append(json, start, i - start);
                if (i + 1 >= json.Length)
                {
                    return null;
                }

                var escaped = json[i + 1];
                i += 2;
                switch (escaped)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (i + 4 > json.Length || !int.TryParse(json.Substring(i, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
                        {
                            return null;
                        }

                        builder.Append((char)code);
                        i += 4;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
