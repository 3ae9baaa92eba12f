using System.Runtime.Intrinsics;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// 8-bit BGRA graphics → 10-bit 4:2:2 limited-range fill plus a 10-bit key, one line at a time. Colour converts as it
/// is, straight or premultiplied: premultiplied colour is the picture over black, a shaped fill (<see cref="KeyedOverlay.Shaped"/>),
/// which is what an opaque format shows of it and what FFmpeg's conversion of the same bytes gives; nothing is divided.
/// <list type="bullet">
/// <item>Y' = (kR·R + kG·G + kB·B + 64·2^16 + 2^15) >> 16 with <see cref="ColorMatrix"/> coefficients,
/// i.e. round half up of the exact value.</item>
/// <item>Cb, Cr come from the sum of each pixel pair (a [1 1]/2 filter, sited on the even pixel),
/// rounded half up the same way.</item>
/// <item>Key = round(a·1023/255) computed as 4a + ((a + 42)·772 >> 16), exact for every a (the vector paths use the
/// same value as 4a + ((a + 42)·193 >> 14), which stays within 16 bits);
/// the chroma key is the pair's mean, rounded half up.</item>
/// </list>
/// </summary>
public static class BgraConverter
{
    internal const int LumaOffset = (64 << 16) + (1 << 15);
    internal const int ChromaOffset = (512 << 17) + (1 << 16);

    /// <summary>
    /// Converts <paramref name="width"/> BGRA pixels; the key planes receive the alpha as 0..1023. Both key planes empty: fill
    /// only, the key is not computed.
    /// </summary>
    /// <param name="streamed">Whether luma, Cb and Cr belong to a frame streamed past the cache (<see cref="OutputStores"/>,
    /// decided once per frame); the key planes are the caller's working lines and always go through the cache.</param>
    public static void Convert(ReadOnlySpan<byte> bgra, ColorMatrix matrix, Span<ushort> luma,
        Span<ushort> cb, Span<ushort> cr, Span<ushort> lumaKey, Span<ushort> chromaKey, int width, SimdPath path = SimdPath.Auto,
        bool streamed = false)
    {
        Packed422Checks.Unpack(bgra, luma, cb, cr, width, width * 4);
        bool keyed = !lumaKey.IsEmpty || !chromaKey.IsEmpty;
        if (keyed)
        {
            Packed422Checks.Length("lumaKey", lumaKey.Length, width, width);
            Packed422Checks.Length("chromaKey", chromaKey.Length, width / 2, width);
        }
        int done = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => BgraVectors<Lanes128, Vector128<byte>>.Convert(bgra, matrix, luma, cb, cr, lumaKey, chromaKey, width, keyed, streamed),
            SimdPath.Vector256 => BgraVectors<Lanes256, Vector256<byte>>.Convert(bgra, matrix, luma, cb, cr, lumaKey, chromaKey, width, keyed, streamed),
            SimdPath.Vector512 when BgraVbmi.IsSupported && BgraVbmi.Handles(matrix) => BgraVbmi.Convert(bgra, matrix, luma, cb, cr, lumaKey, chromaKey, width, keyed, streamed),
            SimdPath.Vector512 => BgraVectors<Lanes512, Vector512<byte>>.Convert(bgra, matrix, luma, cb, cr, lumaKey, chromaKey, width, keyed, streamed),
            _ => 0,
        };
        for (int pair = done / 2; pair < width / 2; pair++)
        {
            int rs = 0, gs = 0, bs = 0, keys = 0;
            for (int pixel = 2 * pair; pixel < 2 * pair + 2; pixel++)
            {
                ReadOnlySpan<byte> p = bgra.Slice(pixel * 4, 4);
                int b = p[0], g = p[1], r = p[2], a = p[3];
                luma[pixel] = (ushort)((matrix.YR * r + matrix.YG * g + matrix.YB * b + LumaOffset) >> 16);
                int key = Key(a);
                if (keyed)
                    lumaKey[pixel] = (ushort)key;
                rs += r;
                gs += g;
                bs += b;
                keys += key;
            }
            cb[pair] = (ushort)((matrix.CbR * rs + matrix.CbG * gs + matrix.CbB * bs + ChromaOffset) >> 17);
            cr[pair] = (ushort)((matrix.CrR * rs + matrix.CrG * gs + matrix.CrB * bs + ChromaOffset) >> 17);
            if (keyed)
                chromaKey[pair] = (ushort)((keys + 1) >> 1);
        }
    }

    internal static int Key(int alpha) => 4 * alpha + (((alpha + 42) * 772) >> 16);
}
