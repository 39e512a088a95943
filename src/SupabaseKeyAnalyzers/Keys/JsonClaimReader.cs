using System.Text;

namespace SupabaseKeyAnalyzers.Keys;

/// <summary>
/// A tiny reader for the top level of a JSON object: enough to read a JWT's <c>role</c> and <c>iss</c> claims.
/// Rejects anything that is not one well-formed object. Never throws.
/// </summary>
internal static class JsonClaimReader
{
    private const int MaxDepth = 32;

    /// <summary>
    /// True when <paramref name="json"/> is one JSON object; <paramref name="role"/> and <paramref name="issuer"/>
    /// receive the string values of the top-level <c>role</c> and <c>iss</c> members when present.
    /// </summary>
    public static bool TryReadObject(string? json, out string? role, out string? issuer)
    {
        role = null;
        issuer = null;
        if (json is null)
        {
            return false;
        }

        var i = 0;
        SkipWhiteSpace(json, ref i);
        if (!Expect(json, ref i, '{'))
        {
            return false;
        }

        SkipWhiteSpace(json, ref i);
        if (Expect(json, ref i, '}'))
        {
            return AtEnd(json, i);
        }

        while (true)
        {
            SkipWhiteSpace(json, ref i);
            var name = ReadString(json, ref i);
            SkipWhiteSpace(json, ref i);
            if (name is null || !Expect(json, ref i, ':'))
            {
                return false;
            }

            SkipWhiteSpace(json, ref i);
            if (i < json.Length && json[i] == '"' && (name == "role" || name == "iss"))
            {
                var text = ReadString(json, ref i);
                if (text is null)
                {
                    return false;
                }

                if (name == "role")
                {
                    role = text;
                }
                else
                {
                    issuer = text;
                }
            }
            else if (!SkipValue(json, ref i, 0))
            {
                return false;
            }

            SkipWhiteSpace(json, ref i);
            if (Expect(json, ref i, '}'))
            {
                return AtEnd(json, i);
            }

            if (!Expect(json, ref i, ','))
            {
                return false;
            }
        }
    }

    private static bool AtEnd(string json, int i)
    {
        SkipWhiteSpace(json, ref i);
        return i == json.Length;
    }

    private static void SkipWhiteSpace(string json, ref int i)
    {
        while (i < json.Length && json[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }
    }

    private static bool Expect(string json, ref int i, char c)
    {
        if (i < json.Length && json[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    private static string? ReadString(string json, ref int i)
    {
        if (!Expect(json, ref i, '"'))
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

    private static bool SkipValue(string json, ref int i, int depth)
    {
        if (depth > MaxDepth || i >= json.Length)
        {
            return false;
        }

        switch (json[i])
        {
            case '"':
                return ReadString(json, ref i) is not null;
            case '{':
            case '[':
                var close = json[i] == '{' ? '}' : ']';
                var isObject = close == '}';
                i++;
                SkipWhiteSpace(json, ref i);
                if (Expect(json, ref i, close))
                {
                    return true;
                }

                while (true)
                {
                    SkipWhiteSpace(json, ref i);
                    if (isObject)
                    {
                        if (ReadString(json, ref i) is null)
                        {
                            return false;
                        }

                        SkipWhiteSpace(json, ref i);
                        if (!Expect(json, ref i, ':'))
                        {
                            return false;
                        }

                        SkipWhiteSpace(json, ref i);
                    }

                    if (!SkipValue(json, ref i, depth + 1))
                    {
                        return false;
                    }

                    SkipWhiteSpace(json, ref i);
                    if (Expect(json, ref i, close))
                    {
                        return true;
                    }

                    if (!Expect(json, ref i, ','))
                    {
                        return false;
                    }
                }

            default:
                var start = i;
                while (i < json.Length && (char.IsLetterOrDigit(json[i]) || json[i] is '-' or '+' or '.'))
                {
                    i++;
                }

                return i > start;
        }
    }
}
