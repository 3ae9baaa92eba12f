using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// The vector form of <see cref="BgraConverter"/>, bit for bit its scalar reference: four pixels to a 128-bit lane, one per
/// 32-bit element, four vectors a step so that luma, Cb and Cr leave as whole vectors (streamed past the cache when the frame
/// is). A step whose bytes are all 0 writes the clear result with no arithmetic (<see cref="BgraUniformSteps{TOps,TV}"/>).
/// </summary>
internal static class BgraVectors<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    private const byte Z = LaneShuffle.Zero;

    private static readonly TV Blue = LaneShuffle.Indices<TOps, TV>([0, Z, Z, Z, 4, Z, Z, Z, 8, Z, Z, Z, 12, Z, Z, Z]);
    private static readonly TV Green = LaneShuffle.Indices<TOps, TV>([1, Z, Z, Z, 5, Z, Z, Z, 9, Z, Z, Z, 13, Z, Z, Z]);
    private static readonly TV Red = LaneShuffle.Indices<TOps, TV>([2, Z, Z, Z, 6, Z, Z, Z, 10, Z, Z, Z, 14, Z, Z, Z]);
    private static readonly TV Alpha = LaneShuffle.Indices<TOps, TV>([3, Z, Z, Z, 7, Z, Z, Z, 11, Z, Z, Z, 15, Z, Z, Z]);


    /// <summary>A lane of words Cb, Cr, Cb, Cr… → four Cb, then four Cr (where no permute crosses the lanes).</summary>
    private static readonly TV SplitChroma = LaneShuffle.Indices<TOps, TV>([0, 1, 4, 5, 8, 9, 12, 13, 2, 3, 6, 7, 10, 11, 14, 15]);

    /// <summary>Words 0, 2, 4… and 1, 3, 5… of two vectors, for <see cref="ILaneOps{TV}.Permute16"/>.</summary>
    private static readonly TV EvenWords = Words(0), OddWords = Words(1);

    private static readonly TV KeyBias = LaneShuffle.Splat16<TOps, TV>(42), KeyScale = LaneShuffle.Splat16<TOps, TV>(193);
    private static readonly TV RoundWord = LaneShuffle.Splat16<TOps, TV>(1);
    private static readonly TV LumaOffset = LaneShuffle.Splat32<TOps, TV>(BgraConverter.LumaOffset);
    private static readonly TV ChromaOffset = LaneShuffle.Splat32<TOps, TV>(BgraConverter.ChromaOffset);

    /// <summary>Converts whole steps of 16·Lanes pixels; returns the pixels done.</summary>
    public static unsafe int Convert(ReadOnlySpan<byte> bgra, ColorMatrix m, Span<ushort> luma, Span<ushort> cb,
        Span<ushort> cr, Span<ushort> lumaKey, Span<ushort> chromaKey, int width, bool keyed, bool streamed)
    {
        var matrix = new Matrix(m);
        var uniform = new BgraUniformSteps<TOps, TV>();
        int vector = 16 * TOps.Lanes, step = 4 * (vector / 4), pixel = 0;
        ref byte ky = ref SampleBytes.Of(lumaKey), kc = ref SampleBytes.Of(chromaKey);
        fixed (byte* source = bgra)
        fixed (ushort* y = luma, u = cb, v = cr)
        {
            var lumaOut = new StreamingOutput<TOps, TV>((byte*)y, streamed);
            var cbOut = new StreamingOutput<TOps, TV>((byte*)u, streamed);
            var crOut = new StreamingOutput<TOps, TV>((byte*)v, streamed);
            for (; pixel + step <= width; pixel += step)
            {
                ref byte at = ref Unsafe.AsRef<byte>(source + 4 * pixel);
                TV p0 = TOps.Load(ref at), p1 = TOps.Load(ref Unsafe.Add(ref at, vector));
                TV p2 = TOps.Load(ref Unsafe.Add(ref at, 2 * vector)), p3 = TOps.Load(ref Unsafe.Add(ref at, 3 * vector));
                if (BgraUniformSteps<TOps, TV>.Clear(p0, p1, p2, p3))
                {
                    uniform.WriteClear(lumaOut, cbOut, crOut, ref ky, ref kc, pixel, keyed);
                    continue;
                }
                // Only here: a clear step does too little for the hardware prefetcher to fall behind, and these were a fifth of its work.
                SourcePrefetch.Ahead(source + 4 * pixel, 4 * step);
                Pixels(matrix, p0, out TV y0, out TV c0, out TV a0);
                Pixels(matrix, p1, out TV y1, out TV c1, out TV a1);
                Pixels(matrix, p2, out TV y2, out TV c2, out TV a2);
                Pixels(matrix, p3, out TV y3, out TV c3, out TV a3);
                lumaOut.Store(Narrow(y0, y1), 2 * pixel);
                lumaOut.Store(Narrow(y2, y3), 2 * pixel + vector);
                if (keyed)
                {
                    TV keys01 = Keys(Narrow(a0, a1)), keys23 = Keys(Narrow(a2, a3));
                    TOps.Store(keys01, ref Unsafe.Add(ref ky, 2 * pixel));
                    TOps.Store(keys23, ref Unsafe.Add(ref ky, 2 * pixel + vector));
                    TOps.Store(Narrow(PairMeans(keys01), PairMeans(keys23)), ref Unsafe.Add(ref kc, pixel));
                }
                TV chroma01 = Narrow(c0, c1), chroma23 = Narrow(c2, c3);
                if (TOps.PermutesAcrossLanes)
                {
                    cbOut.Store(TOps.Permute16(chroma01, chroma23, EvenWords), pixel);
                    crOut.Store(TOps.Permute16(chroma01, chroma23, OddWords), pixel);
                }
                else
                {
                    chroma01 = TOps.Shuffle(chroma01, SplitChroma);
                    chroma23 = TOps.Shuffle(chroma23, SplitChroma);
                    ref byte cbAt = ref Unsafe.AsRef<byte>((byte*)u + pixel), crAt = ref Unsafe.AsRef<byte>((byte*)v + pixel);
                    TOps.StoreLaneHalves(chroma01, 0, ref cbAt, 8);
                    TOps.StoreLaneHalves(chroma23, 0, ref Unsafe.Add(ref cbAt, vector / 2), 8);
                    TOps.StoreLaneHalves(chroma01, 1, ref crAt, 8);
                    TOps.StoreLaneHalves(chroma23, 1, ref Unsafe.Add(ref crAt, vector / 2), 8);
                }
            }
            lumaOut.Complete();
            cbOut.Complete();
            crOut.Complete();
        }
        return pixel;
    }

    /// <summary>
    /// One vector of pixels: luma; Cb of its pair on each even pixel, Cr on each odd one; and the alpha, each as a 32-bit element.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pixels(in Matrix m, TV pixels, out TV luma, out TV chroma, out TV alpha)
    {
        TV b = TOps.Shuffle(pixels, Blue), g = TOps.Shuffle(pixels, Green), r = TOps.Shuffle(pixels, Red);
        alpha = TOps.Shuffle(pixels, Alpha);
        luma = TOps.ShiftRight32(TOps.Add32(TOps.Add32(TOps.MultiplyLow32(r, m.YR), TOps.MultiplyLow32(g, m.YG)),
            TOps.Add32(TOps.MultiplyLow32(b, m.YB), LumaOffset)), 16);
        TV rs = TOps.Add32(r, TOps.SwapPairs32(r)), gs = TOps.Add32(g, TOps.SwapPairs32(g)), bs = TOps.Add32(b, TOps.SwapPairs32(b));
        chroma = TOps.ShiftRightArithmetic32(TOps.Add32(TOps.Add32(TOps.MultiplyLow32(rs, m.ChromaR), TOps.MultiplyLow32(gs, m.ChromaG)),
            TOps.Add32(TOps.MultiplyLow32(bs, m.ChromaB), ChromaOffset)), 17);
    }

    /// <summary>Keys of 16-bit alphas: 4a + ((a + 42)·193 >> 14), the reference's 4a + ((a + 42)·772 >> 16) within 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Keys(TV alpha) =>
        TOps.Add16(TOps.ShiftLeft16(alpha, 2), TOps.ShiftRight16(TOps.MultiplyLow16(TOps.Add16(alpha, KeyBias), KeyScale), 14));

    /// <summary>The low words of two vectors of 32-bit elements, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Narrow(TV first, TV second) =>
        TOps.PermutesAcrossLanes ? TOps.Permute16(first, second, EvenWords) : TOps.Narrow32(first, second);

    /// <summary>In the low word of each 32-bit element, the mean of its two words rounded half up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV PairMeans(TV words) =>
        TOps.ShiftRight16(TOps.Add16(TOps.Add16(words, TOps.ShiftRight32(words, 16)), RoundWord), 1);

    private static TV Words(int first) => LaneShuffle.Elements16<TOps, TV>(i => 2 * i + first);

    /// <summary>A matrix's coefficients, each in every element; the chroma ones Cb on even pixels, Cr on odd.</summary>
    private readonly struct Matrix(ColorMatrix m)
    {
        public readonly TV YR = LaneShuffle.Splat32<TOps, TV>(m.YR), YG = LaneShuffle.Splat32<TOps, TV>(m.YG), YB = LaneShuffle.Splat32<TOps, TV>(m.YB);
        public readonly TV ChromaR = LaneShuffle.Constant32<TOps, TV>([m.CbR, m.CrR, m.CbR, m.CrR]);
        public readonly TV ChromaG = LaneShuffle.Constant32<TOps, TV>([m.CbG, m.CrG, m.CbG, m.CrG]);
        public readonly TV ChromaB = LaneShuffle.Constant32<TOps, TV>([m.CbB, m.CrB, m.CbB, m.CrB]);
    }
}
