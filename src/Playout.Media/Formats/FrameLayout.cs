namespace Playout.Media.Formats;

/// <summary>The planes of one picture of a given pixel format and size, laid out in one buffer.</summary>
public sealed class FrameLayout
{
    internal FrameLayout(PixelFormat format, int width, int height, PlaneLayout[] planes)
    {
        Format = format;
        Width = width;
        Height = height;
        Planes = planes;
        TotalBytes = planes[^1].Offset + planes[^1].TotalBytes;
    }

    public PixelFormat Format { get; }
    public int Width { get; }
    public int Height { get; }
    public IReadOnlyList<PlaneLayout> Planes { get; }

    /// <summary>Bytes of one whole frame, every plane and its padding included.</summary>
    public int TotalBytes { get; }

    public override string ToString() => $"{Format.Name} {Width}x{Height} ({TotalBytes} bytes)";
}
