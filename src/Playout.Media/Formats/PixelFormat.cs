namespace Playout.Media.Formats;

/// <summary>
/// A pixel format the pipeline reads or writes, named as FFmpeg names it where FFmpeg has a name.
/// Each format knows its plane geometry; <see cref="Layout"/> turns it into byte offsets and strides.
/// </summary>
public sealed class PixelFormat
{
    private readonly Func<int, int, int, PlaneLayout[]> _planes;

    /// <summary>The pixels of a whole block of the format's lines: a line of a multiple of it ends with no partial block or padding.</summary>
    private readonly int _block;

    private PixelFormat(string name, string description, int bitDepth, bool hasAlpha, bool premultiplied,
        Func<int, int, int, PlaneLayout[]> planes, int block = 2)
    {
        _block = block;
        Name = name;
        Description = description;
        BitDepth = bitDepth;
        HasAlpha = hasAlpha;
        PremultipliedAlpha = premultiplied;
        _planes = planes;
    }

    /// <summary>
    /// 10-bit 4:2:2 packed in little-endian 32-bit words, 6 pixels per 16 bytes. A line is whole 48-pixel blocks,
    /// ceil(w/48)·128 bytes (zero after the last pixel), as FFmpeg and the cards lay it out and as the block-wise
    /// kernels (keyer, dissolve) read and write it: a frame's line is always a whole kernel line.
    /// </summary>
    public static PixelFormat V210 { get; } = new("v210", "10-bit 4:2:2 Y'CbCr, packed (AJA/Blackmagic/FFmpeg v210)", 10, false, false,
        (w, h, align) => [Packed(0, V210Stride(w), V210Stride(w), h, w, align)], block: 48);

    /// <summary>10-bit 4:2:2 planar in 16-bit little-endian containers: Y, then Cb, then Cr.</summary>
    public static PixelFormat Yuv422P10 { get; } = new("yuv422p10le", "10-bit 4:2:2 Y'CbCr, planar, 16-bit little-endian samples", 10, false, false,
        (w, h, align) => Planar3(w, h, align));

    /// <summary>8-bit 4:2:2 packed as Cb Y0 Cr Y1.</summary>
    public static PixelFormat Uyvy422 { get; } = new("uyvy422", "8-bit 4:2:2 Y'CbCr, packed Cb Y0 Cr Y1", 8, false, false,
        (w, h, align) => [Packed(0, w * 2, w * 2, h, w, align)]);

    /// <summary>8-bit B, G, R, A bytes per pixel with straight (unassociated) alpha.</summary>
    public static PixelFormat Bgra { get; } = new("bgra", "8-bit BGRA, straight alpha", 8, true, false,
        (w, h, align) => [Packed(0, w * 4, w * 4, h, w, align)]);

    /// <summary>8-bit B, G, R, A bytes per pixel with colour already multiplied by alpha.</summary>
    public static PixelFormat BgraPremultiplied { get; } = new("bgra-premultiplied", "8-bit BGRA, premultiplied alpha", 8, true, true,
        (w, h, align) => [Packed(0, w * 4, w * 4, h, w, align)]);

    /// <summary>RFC 4175 / SMPTE ST 2110-20 4:2:2 10-bit pgroups: Cb Y0 Cr Y1 big-endian, 5 bytes per 2 pixels (FFmpeg "bitpacked").</summary>
    public static PixelFormat St2110Yuv422P10 { get; } = new("st2110-422-10", "SMPTE ST 2110-20 4:2:2 10-bit pgroup (RFC 4175), as FFmpeg's bitpacked", 10, false, false,
        (w, h, align) => [Packed(0, w * 5 / 2, w * 5 / 2, h, w, align)]);

    public static IReadOnlyList<PixelFormat> All { get; } = [V210, Yuv422P10, Uyvy422, Bgra, BgraPremultiplied, St2110Yuv422P10];

    public string Name { get; }
    public string Description { get; }
    public int BitDepth { get; }
    public bool HasAlpha { get; }
    public bool PremultipliedAlpha { get; }

    /// <summary>Every format here carries 4:2:2 chroma or packs pixels in pairs, so widths must be even.</summary>
    public static bool IsValidWidth(int width) => width > 0 && width % 2 == 0;

    /// <summary>Finds a format by its name (case-insensitive).</summary>
    /// <exception cref="FormatException">The name is unknown; the message lists the known names.</exception>
    public static PixelFormat Parse(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new FormatException($"unknown pixel format '{name}'; known formats: {string.Join(", ", All.Select(f => f.Name))}");

    /// <summary>Plane offsets and strides for a picture of this size.</summary>
    /// <param name="lineAlignment">Strides are rounded up to a multiple of this (1 = tightly packed, as raw files are).</param>
    /// <exception cref="ArgumentException">The width is odd or a dimension is not positive.</exception>
    public FrameLayout Layout(int width, int height, int lineAlignment = 1)
    {
        if (!IsValidWidth(width))
            throw new ArgumentException($"{Name} needs a positive, even width (4:2:2 pairs); got {width}", nameof(width));
        if (height <= 0)
            throw new ArgumentException($"height must be positive; got {height}", nameof(height));
        if (lineAlignment <= 0 || (lineAlignment & (lineAlignment - 1)) != 0)
            throw new ArgumentException($"line alignment must be a power of two; got {lineAlignment}", nameof(lineAlignment));
        var planes = _planes(width, height, lineAlignment);
        return new FrameLayout(this, width, height, planes, Joins(planes, width, height));
    }

    /// <summary>
    /// Whether <paramref name="planes"/> hold exactly the bytes of one line of width·height pixels, plane by plane: lines of
    /// whole blocks (a v210 line of 88 pixels ends in a partial group and zeros, which one long line would not have).
    /// </summary>
    private bool Joins(PlaneLayout[] planes, int width, int height)
    {
        // A line of every pixel must stay addressable: at most 8 bytes a pixel in any format here.
        if (width % _block != 0 || (long)width * height * 8 > int.MaxValue)
            return false;
        var line = _planes(width * height, 1, 1);
        for (int p = 0; p < planes.Length; p++)
        {
            if (planes[p].Stride != planes[p].LineBytes || line[p].Offset != planes[p].Offset || line[p].LineBytes != planes[p].TotalBytes)
                return false;
        }
        return true;
    }

    public override string ToString() => Name;

    /// <summary>v210 line stride in bytes: whole blocks of 48 pixels (128 bytes), as FFmpeg and the cards use.</summary>
    public static int V210Stride(int width) => (width + 47) / 48 * 128;

    /// <summary>
    /// Bytes of v210 picture data in one line before the zero padding (16 bytes per started group of 6 pixels): the
    /// least a line must hold for <c>V210.Pack</c>/<c>Unpack</c>; a frame's line is the longer <see cref="V210Stride"/>.
    /// </summary>
    public static int V210LineBytes(int width) => (width + 5) / 6 * 16;

    private static int Align(int value, int alignment) => (value + alignment - 1) & ~(alignment - 1);

    private static PlaneLayout Packed(int offset, int stride, int lineBytes, int lines, int samples, int align) =>
        new(offset, Align(stride, align), lineBytes, lines, samples);

    private static PlaneLayout[] Planar3(int width, int height, int align)
    {
        var y = Packed(0, width * 2, width * 2, height, width, align);
        var cb = Packed(y.TotalBytes, width, width, height, width / 2, align);
        var cr = cb with { Offset = cb.Offset + cb.TotalBytes };
        return [y, cb, cr];
    }
}
