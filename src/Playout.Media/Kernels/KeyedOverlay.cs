using Playout.Media.Formats;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// A graphics picture prepared once for keying over v210 video many times: its fill and its key, both
/// in v210 layout (the key's luma slots carry the luma key, its chroma slots the chroma key), and for
/// every 48-pixel block a class — transparent, opaque, or mixed — so the keyer can copy instead of blend.
/// </summary>
public sealed class KeyedOverlay
{
    internal const uint OpaqueWord = 1023u | 1023u << 10 | 1023u << 20;

    private KeyedOverlay(int width, int height, byte[] fill, byte[] key, byte[] blocks)
    {
        Width = width;
        Height = height;
        Stride = PixelFormat.V210Stride(width);
        Fill = fill;
        Key = key;
        BlockClasses = blocks;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Bytes per line of <see cref="Fill"/> and <see cref="Key"/>: the v210 stride.</summary>
    public int Stride { get; }

    public int BlocksPerLine => Stride / 128;
    internal byte[] Fill { get; }
    internal byte[] Key { get; }

    /// <summary>One <see cref="KeyBlockClass"/> per 48-pixel block, line after line.</summary>
    internal byte[] BlockClasses { get; }

    /// <summary>Converts a BGRA picture (tightly packed lines) with <see cref="BgraConverter"/>.</summary>
    public static KeyedOverlay FromBgra(ReadOnlySpan<byte> bgra, int width, int height, bool premultiplied, ColorMatrix matrix)
    {
        var format = premultiplied ? PixelFormat.BgraPremultiplied : PixelFormat.Bgra;
        int needed = format.Layout(width, height).TotalBytes;
        if (bgra.Length != needed)
            throw new ArgumentException($"a {width}x{height} {format.Name} picture is {needed} bytes; got {bgra.Length}", nameof(bgra));
        int stride = PixelFormat.V210Stride(width), half = width / 2;
        var fill = GC.AllocateArray<byte>(stride * height, pinned: true);
        var key = GC.AllocateArray<byte>(stride * height, pinned: true);
        var line = new ushort[3 * width + 2 * half];
        Span<ushort> y = line.AsSpan(0, width), ky = line.AsSpan(width, width), cb = line.AsSpan(2 * width, half);
        Span<ushort> cr = line.AsSpan(2 * width + half, half), kc = line.AsSpan(3 * width + half, half);
        for (int row = 0; row < height; row++)
        {
            BgraConverter.Convert(bgra.Slice(row * width * 4, width * 4), premultiplied, matrix, y, cb, cr, ky, kc, width);
            V210.Pack(y, cb, cr, fill.AsSpan(row * stride, stride), width);
            V210.Pack(ky, kc, kc, key.AsSpan(row * stride, stride), width, 0, 1023);
        }
        return new KeyedOverlay(width, height, fill, key, Classify(key));
    }

    private static byte[] Classify(byte[] key)
    {
        var classes = new byte[key.Length / 128];
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(key);
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
