namespace Playout.Media.Scte35;

/// <summary>The text forms of a section: base64 (the usual one) or hex ("0xFC302F...", "fc 30 2f ...").</summary>
public static class Scte35Text
{
    /// <summary>
    /// Parses base64 or hex. Hex may start with 0x and hold spaces, tabs, newlines, ':' or '-' between digits; text that
    /// is only hex digits is taken as hex (a section's base64 starts with '/', since table_id is 0xFC).
    /// </summary>
    /// <exception cref="Scte35FormatException">Neither valid hex nor valid base64; the offset is the character's.</exception>
    public static byte[] ParseBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw new Scte35FormatException(0, "input", "empty: give the section as base64 or hex");
        bool prefixed = trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        string body = prefixed ? trimmed[2..] : trimmed;
        var digits = new System.Text.StringBuilder(body.Length);
        int bad = -1;
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (char.IsAsciiHexDigit(c))
                digits.Append(c);
            else if (!(char.IsWhiteSpace(c) || c is ':' or '-'))
            {
                bad = i;
                break;
            }
        }
        if (bad < 0)
        {
            if (digits.Length % 2 != 0)
                throw new Scte35FormatException(text.Length, "input", $"hex with an odd number of digits ({digits.Length})");
            return Convert.FromHexString(digits.ToString());
        }
        if (prefixed)
            throw new Scte35FormatException(text.Length - text.TrimStart().Length + 2 + bad, "input", $"'{body[bad]}' is not a hex digit");
        string base64 = string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c)));
        for (int i = 0; i < base64.Length; i++)
        {
            char c = base64[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_'))
                throw new Scte35FormatException(i, "input", $"'{c}' is neither hex nor base64");
        }
        // base64url too (- and _), and missing padding.
        base64 = base64.Replace('-', '+').Replace('_', '/');
        if (base64.Length % 4 != 0)
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new Scte35FormatException(0, "input", "not valid base64 (nor hex)");
        }
    }

    /// <summary>Upper-case hex without separators.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
