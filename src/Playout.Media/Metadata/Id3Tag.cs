namespace Playout.Media.Metadata;

/// <summary>
/// ID3v2.4 tags as timed metadata carries them (in an MPEG-TS metadata stream, the way HLS and broadcast players read a
/// programme's now-playing text): a header and text frames, UTF-8, sizes as syncsafe integers.
/// </summary>
public static class Id3Tag
{
    /// <summary>The largest text a frame here takes, in UTF-8 bytes (a title is a line, not a document).</summary>
    public const int MaxTextBytes = 4096;

    /// <summary>A tag with one TIT2 (title) frame holding <paramref name="title"/>; a longer one is cut at a character.</summary>
    public static byte[] Title(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        byte[] text = Utf8Text.Within(title, MaxTextBytes);
        int frame = 10 + 1 + text.Length;
        var tag = new byte[10 + frame];
        "ID3"u8.CopyTo(tag);
        tag[3] = 4; // version 2.4.0, no flags
        Syncsafe(tag.AsSpan(6), frame);
        "TIT2"u8.CopyTo(tag.AsSpan(10));
        Syncsafe(tag.AsSpan(14), 1 + text.Length);
        tag[20] = 3; // UTF-8
        text.CopyTo(tag.AsSpan(21));
        return tag;
    }

    /// <summary>Writes a 28-bit size as four 7-bit bytes, most significant first.</summary>
    private static void Syncsafe(Span<byte> to, int size)
    {
        for (int i = 0; i < 4; i++)
            to[i] = (byte)(size >> (7 * (3 - i)) & 0x7F);
    }
}
