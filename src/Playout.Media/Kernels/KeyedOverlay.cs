using System.Runtime.InteropServices;
using Playout.Media.Formats;

namespace Playout.Media.Kernels;

/// <summary>
/// A graphics picture prepared once for keying over v210 video many times: its fill and its key, both
/// in v210 layout (the key's luma slots carry the luma key, its chroma slots the chroma key), and for
/// every 48-pixel block a class — transparent, opaque, or mixed — so the keyer can copy instead of blend.
/// It covers only its own rectangle of the raster: lines <see cref="Top"/> onward, and whole 48-pixel blocks
/// from <see cref="Left"/> (the graphic's left edge rounded down to a block, transparent up to the graphic), so
/// its blocks line up with the video's and video outside the rectangle is never touched.
/// </summary>
public sealed class KeyedOverlay
{
    internal const uint OpaqueWord = 1023u | 1023u << 10 | 1023u << 20;

    /// <summary>Pixels in one keyer block: 8 v210 groups, 128 bytes.</summary>
    public const int BlockPixels = 48;

    private KeyedOverlay(int left, int top, int width, int height, byte[] fill, byte[] key, byte[] blocks)
    {
        Left = left;
        Top = top;
        Width = width;
        Height = height;
        Stride = PixelFormat.V210Stride(width);
        Fill = fill;
        Key = key;
        BlockClasses = blocks;
    }

    /// <summary>Raster pixel of the first column, a multiple of <see cref="BlockPixels"/>.</summary>
    public int Left { get; }

    /// <summary>Raster line of the first line.</summary>
    public int Top { get; }

    /// <summary>Pixels per line, from <see cref="Left"/>.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>Bytes per line of <see cref="Fill"/> and <see cref="Key"/>: the v210 stride.</summary>
    public int Stride { get; }

    /// <summary>Byte offset of the first block in a v210 line of the raster.</summary>
    public int LineOffset => Left / BlockPixels * 128;

    public int BlocksPerLine => Stride / 128;

    /// <summary>Bytes held (fill, key and block classes): what keeping this graphic costs.</summary>
    public long MemoryBytes => Fill.Length + Key.Length + (long)BlockClasses.Length;

    internal byte[] Fill { get; }
    internal byte[] Key { get; }

    /// <summary>One <see cref="KeyBlockClass"/> per 48-pixel block, line after line.</summary>
    internal byte[] BlockClasses { get; }

    /// <summary>Converts a BGRA picture (tightly packed lines) with <see cref="BgraConverter"/>, to key at the raster's top-left corner.</summary>
    public static KeyedOverlay FromBgra(ReadOnlySpan<byte> bgra, int width, int height, bool premultiplied, ColorMatrix matrix) =>
        Place(bgra, width, height, premultiplied, matrix, 0, 0, width, height);

    /// <summary>
    /// Converts a BGRA picture (tightly packed lines) to key with its top-left corner at (<paramref name="x"/>,
    /// <paramref name="y"/>) of a <paramref name="rasterWidth"/>×<paramref name="rasterHeight"/> raster; whatever falls
    /// beyond the right or bottom edge is cut. Chroma pairs are those of the raster (pixels 2n and 2n + 1).
    /// </summary>
    /// <exception cref="ArgumentException">The picture's size does not match its bytes, the position is negative or off the raster.</exception>
    public static KeyedOverlay Place(ReadOnlySpan<byte> bgra, int width, int height, bool premultiplied, ColorMatrix matrix,
        int x, int y, int rasterWidth, int rasterHeight)
    {
        var format = premultiplied ? PixelFormat.BgraPremultiplied : PixelFormat.Bgra;
        if (width <= 0 || height <= 0 || bgra.Length != (long)width * height * 4)
            throw new ArgumentException($"a {width}x{height} {format.Name} picture is {(long)width * height * 4} bytes; got {bgra.Length}", nameof(bgra));
        if (!PixelFormat.IsValidWidth(rasterWidth) || rasterHeight <= 0)
            throw new ArgumentException($"a raster of {rasterWidth}x{rasterHeight} cannot carry v210 video", nameof(rasterWidth));
        if (x < 0 || y < 0 || x >= rasterWidth || y >= rasterHeight)
            throw new ArgumentException($"graphics at ({x}, {y}) lie off the {rasterWidth}x{rasterHeight} raster");
        int left = x / BlockPixels * BlockPixels, columns = Math.Min(width, rasterWidth - x), lines = Math.Min(height, rasterHeight - y);
        int span = (x + columns - left + 1) & ~1, stride = PixelFormat.V210Stride(span), half = span / 2;
        var fill = GC.AllocateArray<byte>(stride * lines, pinned: true);
        var key = GC.AllocateArray<byte>(stride * lines, pinned: true);
        var picture = new byte[span * 4];
        var samples = new ushort[3 * span + 2 * half];
        Span<ushort> ys = samples.AsSpan(0, span), ky = samples.AsSpan(span, span), cb = samples.AsSpan(2 * span, half);
        Span<ushort> cr = samples.AsSpan(2 * span + half, half), kc = samples.AsSpan(3 * span + half, half);
        for (int row = 0; row < lines; row++)
        {
            bgra.Slice(row * width * 4, columns * 4).CopyTo(picture.AsSpan((x - left) * 4));
            BgraConverter.Convert(picture, premultiplied, matrix, ys, cb, cr, ky, kc, span);
            V210.Pack(ys, cb, cr, fill.AsSpan(row * stride, stride), span);
            V210.Pack(ky, kc, kc, key.AsSpan(row * stride, stride), span, 0, 1023);
        }
        return new KeyedOverlay(left, y, span, lines, fill, key, Classify(key));
    }

    private static byte[] Classify(byte[] key)
    {
        var classes = new byte[key.Length / 128];
        var words = MemoryMarshal.Cast<byte, uint>(key);
        for (int block = 0; block < classes.Length; block++)
        {
            ReadOnlySpan<uint> blockWords = words.Slice(block * 32, 32);
            classes[block] = (byte)(!blockWords.ContainsAnyExcept(0u) ? KeyBlockClass.Transparent
                : !blockWords.ContainsAnyExcept(OpaqueWord) ? KeyBlockClass.Opaque
                : KeyBlockClass.Mixed);
        }
        return classes;
    }

    /// <summary>The fraction of blocks that need blending (neither transparent nor opaque).</summary>
    public double MixedFraction => BlockClasses.Count(c => c == (byte)KeyBlockClass.Mixed) / (double)BlockClasses.Length;
}
