namespace Playout.Media.Formats;

/// <summary>The planes of one picture of a given pixel format and size, laid out in one buffer.</summary>
public sealed class FrameLayout
{
    internal FrameLayout(PixelFormat format, int width, int height, PlaneLayout[] planes, bool joinsLines)
    {
        Format = format;
        Width = width;
        Height = height;
        Planes = planes;
        TotalBytes = planes[^1].Offset + planes[^1].TotalBytes;
        JoinsLines = joinsLines;
    }

    public PixelFormat Format { get; }
    public int Width { get; }
    public int Height { get; }
    public IReadOnlyList<PlaneLayout> Planes { get; }

    /// <summary>Bytes of one whole frame, every plane and its padding included.</summary>
    public int TotalBytes { get; }

    /// <summary>
    /// Whether the frame's bytes are also one line of Width·Height pixels of its format: no plane pads its lines, and the
    /// format's line of that many pixels is these lines back to back (v210 needs whole 48-pixel blocks, so 1280 does not
    /// join). A kernel then converts the frame in one call instead of one a line (libyuv "coalesces rows" the same way).
    /// </summary>
    public bool JoinsLines { get; }

    /// <summary>The frame as one line of Width·Height pixels, at the same byte positions; only where <see cref="JoinsLines"/>.</summary>
    public FrameLayout Joined() => JoinsLines
        ? Format.Layout(Width * Height, 1)
        : throw new InvalidOperationException($"{this} pads its lines, so it is not one line");

    public override string ToString() => $"{Format.Name} {Width}x{Height} ({TotalBytes} bytes)";
}
