using System.Text;

namespace Playout.Media.Metadata;

/// <summary>Text as UTF-8 within a byte limit, cut between characters (never inside one).</summary>
public static class Utf8Text
{
    public static byte[] Within(string text, int limit)
    {
        if (Encoding.UTF8.GetByteCount(text) <= limit)
            return Encoding.UTF8.GetBytes(text);
        var runes = text.EnumerateRunes().ToList();
        int bytes = 0, take = 0;
        while (take < runes.Count && bytes + runes[take].Utf8SequenceLength <= limit)
            bytes += runes[take++].Utf8SequenceLength;
        return Encoding.UTF8.GetBytes(string.Concat(runes.Take(take).Select(r => r.ToString())));
    }
}
