using System.Text;

namespace Playout.Media.Metadata;

/// <summary>
/// Text as DVB service information carries it (ETSI EN 300 468, annex A): printable ASCII as it is (the default table,
/// ISO/IEC 6937, agrees with it there but for '$' and '#'), anything else as UTF-8 behind the selector byte 0x15.
/// </summary>
public static class DvbText
{
    public const byte Utf8Selector = 0x15;

    /// <summary>The bytes of <paramref name="text"/>, at most <paramref name="limit"/> of them, cut between characters.</summary>
    public static byte[] Encode(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(c => c is >= ' ' and <= '~' and not '$' and not '#'))
            return Encoding.ASCII.GetBytes(text.Length > limit ? text[..limit] : text);
        return [Utf8Selector, .. Utf8Text.Within(text, limit - 1)];
    }
}
