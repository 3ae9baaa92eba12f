namespace Playout.Interop.Tests;

/// <summary>Aligned pictures for tests: filled with 0xCD so bytes a call did not write stand out, loaded from and compared with raw files.</summary>
internal static class TestPicture
{
    private const byte Unwritten = 0xCD;

    public static AlignedPicture Yuv422P10(int width, int height) => AlignedPicture.Yuv422P10(width, height, Unwritten);

    public static AlignedPicture Packed(int lineBytes, int height) => AlignedPicture.Packed(lineBytes, height, Unwritten);

    /// <summary>Fills the planes from a raw file's bytes: every plane's lines back to back, as ffmpeg's rawvideo writes them.</summary>
    public static AlignedPicture Load(this AlignedPicture picture, ReadOnlySpan<byte> raw)
    {
        for (int plane = 0; plane < picture.PlaneCount; plane++)
            for (int line = 0; line < picture.Lines(plane); line++)
            {
                raw[..picture.LineBytes(plane)].CopyTo(picture.Line(plane, line));
                raw = raw[picture.LineBytes(plane)..];
            }
        if (!raw.IsEmpty)
            throw new ArgumentException($"{raw.Length} bytes left over", nameof(raw));
        return picture;
    }

    /// <summary>The planes as a raw file holds them, for comparing with ffmpeg's output.</summary>
    public static byte[] ToRaw(this AlignedPicture picture)
    {
        var raw = new List<byte>();
        for (int plane = 0; plane < picture.PlaneCount; plane++)
            for (int line = 0; line < picture.Lines(plane); line++)
                raw.AddRange(picture.Line(plane, line));
        return [.. raw];
    }
}
