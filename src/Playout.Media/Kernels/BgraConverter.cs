using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// 8-bit BGRA graphics → 10-bit 4:2:2 limited-range fill plus a 10-bit key, one line at a time.
/// <list type="bullet">
/// <item>Premultiplied input is first un-premultiplied per channel: c' = min(255, round(c·255 / a)),
/// rounding half up (c·255 + a/2, divided exactly); a = 0 gives black.</item>
/// <item>Y' = (kR·R + kG·G + kB·B + 64·2^16 + 2^15) >> 16 with <see cref="ColorMatrix"/> coefficients,
/// i.e. round half up of the exact value.</item>
/// <item>Cb, Cr come from the sum of each pixel pair (a [1 1]/2 filter, sited on the even pixel),
/// rounded half up the same way.</item>
/// <item>Key = round(a·1023/255) computed as 4a + ((a + 42)·772 >> 16), exact for every a;
/// the chroma key is the pair's mean, rounded half up.</item>
/// </list>
/// </summary>
public static class BgraConverter
{
    private const byte Z = LaneShuffle.Zero;
    private const int LumaOffset = (64 << 16) + (1 << 15);
    private const int ChromaOffset = (512 << 17) + (1 << 16);
    private static ReadOnlySpan<byte> Blue => [0, Z, Z, Z, 4, Z, Z, Z, 8, Z, Z, Z, 12, Z, Z, Z];
    private static ReadOnlySpan<byte> Green => [1, Z, Z, Z, 5, Z, Z, Z, 9, Z, Z, Z, 13, Z, Z, Z];
    private static ReadOnlySpan<byte> Red => [2, Z, Z, Z, 6, Z, Z, Z, 10, Z, Z, Z, 14, Z, Z, Z];
    private static ReadOnlySpan<byte> Alpha => [3, Z, Z, Z, 7, Z, Z, Z, 11, Z, Z, Z, 15, Z, Z, Z];
    private static ReadOnlySpan<byte> EvenPixels => [0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11];
    private static ReadOnlySpan<byte> OddPixels => [4, 5, 6, 7, 12, 13, 14, 15, 4, 5, 6, 7, 12, 13, 14, 15];
    private static ReadOnlySpan<byte> To16 => [0, 1, 4, 5, 8, 9, 12, 13, Z, Z, Z, Z, Z, Z, Z, Z];

    /// <summary>Converts <paramref name="width"/> BGRA pixels; the key planes receive the alpha as 0..1023.</summary>
    public static void Convert(ReadOnlySpan<byte> bgra, bool premultiplied, ColorMatrix matrix, Span<ushort> luma,
        Span<ushort> cb, Span<ushort> cr, Span<ushort> lumaKey, Span<ushort> chromaKey, int width, SimdPath path = SimdPath.Auto)
    {
        Packed422Checks.Unpack(bgra, luma, cb, cr, width, width * 4);
        Packed422Checks.Planes(lumaKey, chromaKey, chromaKey, width);
        int done = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => Convert<Lanes128, Vector128<byte>>(bgra, premultiplied, matrix, luma, cb, cr, lumaKey, chromaKey, width),
            SimdPath.Vector256 => Convert<Lanes256, Vector256<byte>>(bgra, premultiplied, matrix, luma, cb, cr, lumaKey, chromaKey, width),
            SimdPath.Vector512 => Convert<Lanes512, Vector512<byte>>(bgra, premultiplied, matrix, luma, cb, cr, lumaKey, chromaKey, width),
            _ => 0,
        };
        for (int pair = done / 2; pair < width / 2; pair++)
        {
            int rs = 0, gs = 0, bs = 0, keys = 0;
            for (int pixel = 2 * pair; pixel < 2 * pair + 2; pixel++)
            {
                ReadOnlySpan<byte> p = bgra.Slice(pixel * 4, 4);
                int b = p[0], g = p[1], r = p[2], a = p[3];
                if (premultiplied)
                    (b, g, r) = (Unpremultiply(b, a), Unpremultiply(g, a), Unpremultiply(r, a));
                luma[pixel] = (ushort)((matrix.YR * r + matrix.YG * g + matrix.YB * b + LumaOffset) >> 16);
                int key = Key(a);
                lumaKey[pixel] = (ushort)key;
                rs += r;
                gs += g;
                bs += b;
                keys += key;
            }
            cb[pair] = (ushort)((matrix.CbR * rs + matrix.CbG * gs + matrix.CbB * bs + ChromaOffset) >> 17);
            cr[pair] = (ushort)((matrix.CrR * rs + matrix.CrG * gs + matrix.CrB * bs + ChromaOffset) >> 17);
            chromaKey[pair] = (ushort)((keys + 1) >> 1);
        }
    }

    /// <summary>Exact integer quotient by single-precision division: every dividend here is below 2^16, so the float quotient never crosses an integer.</summary>
    private static int Unpremultiply(int channel, int alpha) => Math.Min(255, (int)((float)(channel * 255 + (alpha >> 1)) / alpha));

    private static int Key(int alpha) => 4 * alpha + (((alpha + 42) * 772) >> 16);

    private static int Convert<TOps, TV>(ReadOnlySpan<byte> bgra, bool premultiplied, ColorMatrix m, Span<ushort> luma,
        Span<ushort> cb, Span<ushort> cr, Span<ushort> lumaKey, Span<ushort> chromaKey, int width)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV blue = LaneShuffle.Indices<TOps, TV>(Blue), green = LaneShuffle.Indices<TOps, TV>(Green);
        TV red = LaneShuffle.Indices<TOps, TV>(Red), alpha = LaneShuffle.Indices<TOps, TV>(Alpha);
        TV even = LaneShuffle.Indices<TOps, TV>(EvenPixels), odd = LaneShuffle.Indices<TOps, TV>(OddPixels);
        TV to16 = LaneShuffle.Indices<TOps, TV>(To16);
        TV yr = LaneShuffle.Splat32<TOps, TV>(m.YR), yg = LaneShuffle.Splat32<TOps, TV>(m.YG), yb = LaneShuffle.Splat32<TOps, TV>(m.YB);
        TV cR = LaneShuffle.Constant32<TOps, TV>([m.CbR, m.CbR, m.CrR, m.CrR]);
        TV cG = LaneShuffle.Constant32<TOps, TV>([m.CbG, m.CbG, m.CrG, m.CrG]);
        TV cB = LaneShuffle.Constant32<TOps, TV>([m.CbB, m.CbB, m.CrB, m.CrB]);
        TV lumaOffset = LaneShuffle.Splat32<TOps, TV>(LumaOffset), chromaOffset = LaneShuffle.Splat32<TOps, TV>(ChromaOffset);
        TV full = LaneShuffle.Splat32<TOps, TV>(255), one = LaneShuffle.Splat32<TOps, TV>(1);
        TV keyBias = LaneShuffle.Splat32<TOps, TV>(42), keyScale = LaneShuffle.Splat32<TOps, TV>(772);
        ref byte src = ref MemoryMarshal.GetReference(bgra);
        ref byte y = ref SampleBytes.Of(luma), u = ref SampleBytes.Of(cb), v = ref SampleBytes.Of(cr);
        ref byte ky = ref SampleBytes.Of(lumaKey), kc = ref SampleBytes.Of(chromaKey);
        int step = 4 * TOps.Lanes, pixel = 0;
        for (; pixel + step <= width; pixel += step)
        {
            TV px = TOps.Load(ref Unsafe.Add(ref src, 4 * pixel));
            TV b = TOps.Shuffle(px, blue), g = TOps.Shuffle(px, green), r = TOps.Shuffle(px, red), a = TOps.Shuffle(px, alpha);
            if (premultiplied)
            {
                TV half = TOps.ShiftRight32(a, 1);
                b = TOps.Min32(TOps.DivideTruncate32(TOps.Add32(TOps.MultiplyLow32(b, full), half), a), full);
                g = TOps.Min32(TOps.DivideTruncate32(TOps.Add32(TOps.MultiplyLow32(g, full), half), a), full);
                r = TOps.Min32(TOps.DivideTruncate32(TOps.Add32(TOps.MultiplyLow32(r, full), half), a), full);
            }
            TV y32 = TOps.ShiftRight32(TOps.Add32(TOps.Add32(TOps.MultiplyLow32(r, yr), TOps.MultiplyLow32(g, yg)),
                TOps.Add32(TOps.MultiplyLow32(b, yb), lumaOffset)), 16);
            TOps.StoreLaneHalves(TOps.Shuffle(y32, to16), 0, ref Unsafe.Add(ref y, 2 * pixel), 8);

            TV rs = TOps.Add32(TOps.Shuffle(r, even), TOps.Shuffle(r, odd));
            TV gs = TOps.Add32(TOps.Shuffle(g, even), TOps.Shuffle(g, odd));
            TV bs = TOps.Add32(TOps.Shuffle(b, even), TOps.Shuffle(b, odd));
            TV chroma = TOps.ShiftRightArithmetic32(TOps.Add32(TOps.Add32(TOps.MultiplyLow32(rs, cR), TOps.MultiplyLow32(gs, cG)),
                TOps.Add32(TOps.MultiplyLow32(bs, cB), chromaOffset)), 17);
            chroma = TOps.Shuffle(chroma, to16);
            TOps.StoreLaneQuarters(chroma, 0, ref Unsafe.Add(ref u, pixel), 4);
            TOps.StoreLaneQuarters(chroma, 1, ref Unsafe.Add(ref v, pixel), 4);

            TV key = TOps.Add32(TOps.ShiftLeft32(a, 2), TOps.ShiftRight32(TOps.MultiplyLow32(TOps.Add32(a, keyBias), keyScale), 16));
            TOps.StoreLaneHalves(TOps.Shuffle(key, to16), 0, ref Unsafe.Add(ref ky, 2 * pixel), 8);
            TV pairKey = TOps.ShiftRight32(TOps.Add32(TOps.Add32(TOps.Shuffle(key, even), TOps.Shuffle(key, odd)), one), 1);
            TOps.StoreLaneQuarters(TOps.Shuffle(pairKey, to16), 0, ref Unsafe.Add(ref kc, pixel), 4);
        }
        return pixel;
    }
}
