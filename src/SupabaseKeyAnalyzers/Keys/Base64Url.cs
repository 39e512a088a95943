using System.Text;

namespace SupabaseKeyAnalyzers.Keys;

/// <summary>Base64url (RFC 4648 §5) decoding without padding, for JWT segments. Never throws.</summary>
internal static class Base64Url
{
    /// <summary>The UTF-8 text of a base64url segment, or null when the segment is not valid base64url.</summary>
    public static string? DecodeUtf8(string text, int start, int length)
    {
        if (length % 4 == 1)
        {
            return null;
        }

        var bytes = new byte[length * 3 / 4];
        int buffer = 0, bits = 0, count = 0;
        for (var i = start; i < start + length; i++)
        {
            var sextet = Decode(text[i]);
            if (sextet < 0)
            {
                return null;
            }

            buffer = (buffer << 6) | sextet;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[count++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, count);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int Decode(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
