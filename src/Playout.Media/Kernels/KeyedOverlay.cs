using Playout.Media.Formats;

namespace Playout.Media.Kernels;

/// <summary>
/// A graphics picture prepared once for keying over v210 video many times: its fill in v210 layout, its alpha
/// (one byte a pixel, from which the keyer computes the 10-bit luma and chroma keys as <see cref="BgraConverter"/>
/// defines them: a third of the bytes a v210 key would take, which is what an 8K keyer's memory traffic pays for),
/// and for every 48-pixel block a class — transparent, opaque, or mixed — so the keyer can copy instead of blend.
/// A premultiplied picture gives a shaped fill (<see cref="Shaped"/>: its colour as it is, the picture over black), which the
/// keyer adds to the background keyed down, as vision mixers key a shaped fill: no colour is divided by its alpha.
/// It covers only its own rectangle of the raster: lines <see cref="Top"/> onward, and whole 48-pixel blocks
/// from <see cref="Left"/> (the graphic's left edge rounded down to a block, transparent up to the graphic), so
/// its blocks line up with the video's and video outside the rectangle is never touched.
/// </summary>
public sealed class KeyedOverlay
{
    /// <summary>Pixels in one keyer block: 8 v210 groups, 128 bytes.</summary>
    public const int BlockPixels = 48;

    /// <summary>
    /// Bytes after the last line of <see cref="Alpha"/>: a keyer step loads a whole vector of alphas from its first pixel's
    /// (up to 64 bytes, of which it uses 6 a group), so the last step of the last line reads past the line.
    /// </summary>
    internal const int AlphaPadding = 64;

    private KeyedOverlay(int left, int top, int width, int height, byte[] fill, byte[] alpha, byte[] blocks, bool shaped)
    {
        Shaped = shaped;
        Left = left;
        Top = top;
        Width = width;
        Height = height;
        Stride = PixelFormat.V210Stride(width);
        Fill = fill;
        Alpha = alpha;
        BlockClasses = blocks;
    }

    /// <summary>Whether the fill is shaped (premultiplied by its key: from premultiplied BGRA) rather than straight.</summary>
    public bool Shaped { get; }

    /// <summary>Raster pixel of the first column, a multiple of <see cref="BlockPixels"/>.</summary>
    public int Left { get; }

    /// <summary>Raster line of the first line.</summary>
    public int Top { get; }

    /// <summary>Pixels per line, from <see cref="Left"/>.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>Bytes per line of <see cref="Fill"/>: the v210 stride.</summary>
    public int Stride { get; }

    /// <summary>Bytes per line of <see cref="Alpha"/>: one for every pixel the v210 stride holds (whole 48-pixel blocks).</summary>
    internal int AlphaStride => AlphaStrideOf(Stride);

    /// <summary>Byte offset of the first block in a v210 line of the raster.</summary>
    public int LineOffset => Left / BlockPixels * 128;

    public int BlocksPerLine => Stride / 128;

    /// <summary>Bytes held (fill, alpha and block classes): what keeping this graphic costs.</summary>
    public long MemoryBytes => Fill.Length + Alpha.Length + (long)BlockClasses.Length;

    internal byte[] Fill { get; }

    /// <summary>Each pixel's alpha, <see cref="AlphaStride"/> bytes a line (0 beyond the graphic), then <see cref="AlphaPadding"/>.</summary>
    internal byte[] Alpha { get; }

    /// <summary>One <see cref="KeyBlockClass"/> per 48-pixel block, line after line.</summary>
    internal byte[] BlockClasses { get; }

    /// <summary>
    /// Converts a BGRA picture (tightly packed lines) with <see cref="BgraConverter"/>, to key at the raster's top-left corner;
    /// premultiplied, it keys as a shaped fill.
    /// </summary>
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
        int alphaStride = AlphaStrideOf(stride);
        var fill = GC.AllocateArray<byte>(stride * lines, pinned: true);
        var alpha = GC.AllocateArray<byte>(alphaStride * lines + AlphaPadding, pinned: true);
        var classes = new byte[alphaStride / BlockPixels * lines];
        var picture = new byte[span * 4];
        var samples = new ushort[span + 2 * half];
        Span<ushort> ys = samples.AsSpan(0, span), cb = samples.AsSpan(span, half), cr = samples.AsSpan(span + half, half);
        for (int row = 0; row < lines; row++)
        {
            bgra.Slice(row * width * 4, columns * 4).CopyTo(picture.AsSpan((x - left) * 4));
            BgraConverter.Convert(picture, matrix, ys, cb, cr, [], [], span);
            V210.Pack(ys, cb, cr, fill.AsSpan(row * stride, stride), span);
            Span<byte> alphas = alpha.AsSpan(row * alphaStride, span);
            for (int pixel = 0; pixel < span; pixel++)
                alphas[pixel] = picture[4 * pixel + 3];
            int blocks = alphaStride / BlockPixels;
            Classify(alpha.AsSpan(row * alphaStride, alphaStride), premultiplied ? picture : [], classes.AsSpan(row * blocks, blocks));
        }
        return new KeyedOverlay(left, y, span, lines, fill, alpha, classes, premultiplied);
    }

    internal static int AlphaStrideOf(int v210Stride) => v210Stride / 128 * BlockPixels;

    /// <summary>
    /// A block's keys are all 0 exactly where its alphas are, and all 1023 exactly where they are all 255. A shaped block is
    /// transparent only if its colour is 0 too: colour under alpha 0 (not valid premultiplied) is added to the background.
    /// </summary>
    private static void Classify(ReadOnlySpan<byte> alpha, ReadOnlySpan<byte> shapedBgra, Span<byte> classes)
    {
        for (int block = 0; block < classes.Length; block++)
        {
            ReadOnlySpan<byte> alphas = alpha.Slice(block * BlockPixels, BlockPixels);
            int from = Math.Min(block * BlockPixels * 4, shapedBgra.Length), to = Math.Min(from + BlockPixels * 4, shapedBgra.Length);
            classes[block] = (byte)(!alphas.ContainsAnyExcept((byte)0) && !shapedBgra[from..to].ContainsAnyExcept((byte)0) ? KeyBlockClass.Transparent
                : !alphas.ContainsAnyExcept((byte)255) ? KeyBlockClass.Opaque
                : KeyBlockClass.Mixed);
        }
    }

    /// <summary>The fraction of blocks that need blending (neither transparent nor opaque).</summary>
    public double MixedFraction => BlockClasses.Count(c => c == (byte)KeyBlockClass.Mixed) / (double)BlockClasses.Length;
}
