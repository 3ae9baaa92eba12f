using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// <see cref="BgraConverter"/>'s 512-bit path where AVX-512 VBMI permutes bytes across the whole vector, bit for bit the
/// scalar reference. 64 pixels a step: word permutes gather each pixel's blue-green and red-alpha words for 32 pixels at a time,
/// and everything after works on 16-bit samples, 32 to a vector (the generic kernel works on 32-bit elements, 16 to a vector). A step
/// whose bytes are all 0 writes the clear result with no arithmetic (<see cref="BgraUniformSteps{TOps,TV}"/>).
/// <list type="bullet">
/// <item>luma is (kR'·R + kG'·G + kB'·B + 2^15) >> 16 from 16-bit multiply-adds (pmaddwd), each coefficient taken modulo
/// 2^16 into the signed 16-bit range, plus the 2^16 multiples put back as tR·R + tG·G + tB·B: the same integer;</item>
/// <item>chroma sums each pair's R − G and B − G with a multiply-add by ones, then weighs the sums in 32 bits.</item>
/// </list>
/// </summary>
internal static class BgraVbmi
{
    public static bool IsSupported => Avx512Vbmi.IsSupported;

    /// <summary>
    /// Whether the kernel takes this matrix: its luma coefficients wrap red once, green twice and blue not (BT.601, 709 and 2020
    /// all do), so two adds put the wraps back instead of three multiplies. Any other goes to the generic kernel.
    /// </summary>
    public static bool Handles(ColorMatrix m) => Wraps(m.YR) == 1 && Wraps(m.YG) == 2 && Wraps(m.YB) == 0;

    /// <summary>t = ⌊(K + 2^15) / 2^16⌋: how many 2^16 a luma coefficient K sheds to be a signed 16-bit multiplier.</summary>
    private static int Wraps(int coefficient) => (coefficient + (1 << 15)) >> 16;

    private const int Step = 64;

    /// <summary>Pixel p's high word of the multiply-adds of unpacked low (p % 8 &lt; 4) and high halves of each 128-bit lane.</summary>
    private static readonly Vector512<ushort> LumaWords = Vector512.Create(Enumerable.Range(0, 32).Select(p =>
        (ushort)(p % 8 < 4 ? 2 * (4 * (p / 8) + p % 8) + 1 : 32 + 2 * (4 * (p / 8) + p % 8 - 4) + 1)).ToArray());

    /// <summary>The low words of two vectors of 32-bit elements, in order.</summary>
    private static readonly Vector512<ushort> LowWords = Vector512.Create(Enumerable.Range(0, 32).Select(j => (ushort)(2 * j)).ToArray());

    /// <summary>The high words of two vectors of 32-bit elements, in order: each element >> 16.</summary>
    private static readonly Vector512<ushort> HighWords = Vector512.Create(Enumerable.Range(0, 32).Select(j => (ushort)(2 * j + 1)).ToArray());

    private static readonly Vector512<ushort> LowByte = Vector512.Create((ushort)0x00FF);

    /// <summary>Converts whole steps of 64 pixels; returns the pixels done.</summary>
    public static unsafe int Convert(ReadOnlySpan<byte> bgra, ColorMatrix m, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr,
        Span<ushort> lumaKey, Span<ushort> chromaKey, int width, bool keyed, bool streamed)
    {
        var matrix = new Coefficients(m);
        var uniform = new BgraUniformSteps<Lanes512, Vector512<byte>>();
        ref byte ky = ref SampleBytes.Of(lumaKey), kc = ref SampleBytes.Of(chromaKey);
        int pixel = 0;
        fixed (byte* source = bgra)
        fixed (ushort* y = luma, u = cb, v = cr)
        {
            var lumaOut = new StreamingOutput<Lanes512, Vector512<byte>>((byte*)y, streamed);
            var cbOut = new StreamingOutput<Lanes512, Vector512<byte>>((byte*)u, streamed);
            var crOut = new StreamingOutput<Lanes512, Vector512<byte>>((byte*)v, streamed);
            for (; pixel + Step <= width; pixel += Step)
            {
                ref byte at = ref Unsafe.AsRef<byte>(source + 4 * pixel);
                Vector512<byte> p0 = Vector512.LoadUnsafe(ref at), p1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref at, 64));
                Vector512<byte> p2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref at, 128)), p3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref at, 192));
                if (BgraUniformSteps<Lanes512, Vector512<byte>>.Clear(p0, p1, p2, p3))
                {
                    uniform.WriteClear(lumaOut, cbOut, crOut, ref ky, ref kc, pixel, keyed);
                    continue;
                }
                // Only here: a clear step does too little for the hardware prefetcher to fall behind, and these were a fifth of its work.
                SourcePrefetch.Ahead(source + 4 * pixel, 4 * Step);
                // A pixel's low word is blue and green, its high word red and alpha: one word permute gathers each for 32 pixels, and
                // a mask or a shift takes a channel out of its word (the lanes that shuffle are the busy ones, not these).
                Vector512<ushort> bg0 = Avx512BW.PermuteVar32x16x2(p0.AsUInt16(), LowWords, p1.AsUInt16());
                Vector512<ushort> ra0 = Avx512BW.PermuteVar32x16x2(p0.AsUInt16(), HighWords, p1.AsUInt16());
                Vector512<ushort> bg1 = Avx512BW.PermuteVar32x16x2(p2.AsUInt16(), LowWords, p3.AsUInt16());
                Vector512<ushort> ra1 = Avx512BW.PermuteVar32x16x2(p2.AsUInt16(), HighWords, p3.AsUInt16());
                Vector512<ushort> b0 = bg0 & LowByte, g0 = bg0 >>> 8, r0 = ra0 & LowByte;
                Vector512<ushort> b1 = bg1 & LowByte, g1 = bg1 >>> 8, r1 = ra1 & LowByte;
                lumaOut.Store(Luma(matrix, r0, g0, b0).AsByte(), 2 * pixel);
                lumaOut.Store(Luma(matrix, r1, g1, b1).AsByte(), 2 * pixel + 64);
                Chroma(matrix, r0, g0, b0, out var cb0, out var cr0);
                Chroma(matrix, r1, g1, b1, out var cb1, out var cr1);
                cbOut.Store((Avx512BW.PermuteVar32x16x2(cb0.AsUInt16(), HighWords, cb1.AsUInt16()) >>> 1).AsByte(), pixel);
                crOut.Store((Avx512BW.PermuteVar32x16x2(cr0.AsUInt16(), HighWords, cr1.AsUInt16()) >>> 1).AsByte(), pixel);
                if (keyed)
                {
                    Vector512<ushort> keys0 = Keys(ra0 >>> 8), keys1 = Keys(ra1 >>> 8);
                    keys0.StoreUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref ky, 2 * pixel)));
                    keys1.StoreUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref ky, 2 * pixel + 64)));
                    Avx512BW.PermuteVar32x16x2(PairMeans(keys0), LowWords, PairMeans(keys1))
                        .StoreUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref kc, pixel)));
                }
            }
            lumaOut.Complete();
            cbOut.Complete();
            crOut.Complete();
        }
        return pixel;
    }

    /// <summary>Luma of 32 pixels in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> Luma(in Coefficients m, Vector512<ushort> r, Vector512<ushort> g, Vector512<ushort> b)
    {
        Vector512<short> offset = Vector512.Create((short)(BgraConverter.LumaOffset >> 14));
        Vector512<int> low = Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackLow(r, g).AsInt16(), m.LumaRG)
            + Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackLow(b.AsInt16(), offset), m.LumaB);
        Vector512<int> high = Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackHigh(r, g).AsInt16(), m.LumaRG)
            + Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackHigh(b.AsInt16(), offset), m.LumaB);
        // The wraps put back: red once, green twice (Handles).
        return Avx512BW.PermuteVar32x16x2(low.AsUInt16(), LumaWords, high.AsUInt16()) + r + g + g;
    }

    /// <summary>
    /// Cb and Cr of 16 pairs, one per 32-bit element, before the final >> 17 (the caller takes the high words of two vectors in
    /// one permute and shifts those by 1, half the shifts: the sums are positive and below 2^27). Each row's green coefficient
    /// is minus the other two (<see cref="ColorMatrix"/>: greys give exactly 512), so a row is kR·(R − G) + kB·(B − G) over
    /// the pair sums: two multiplies, not three.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Chroma(in Coefficients m, Vector512<ushort> r, Vector512<ushort> g, Vector512<ushort> b, out Vector512<int> cb, out Vector512<int> cr)
    {
        Vector512<short> ones = Vector512<short>.One;
        Vector512<int> red = Avx512BW.MultiplyAddAdjacent((r - g).AsInt16(), ones), blue = Avx512BW.MultiplyAddAdjacent((b - g).AsInt16(), ones);
        Vector512<int> offset = Vector512.Create(BgraConverter.ChromaOffset);
        cb = red * m.CbR + (blue * m.CbB + offset);
        cr = red * m.CrR + (blue * m.CrB + offset);
    }

    /// <summary>Keys of 16-bit alphas, as in the generic kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> Keys(Vector512<ushort> alpha) =>
        (alpha << 2) + (((alpha + Vector512.Create((ushort)42)) * Vector512.Create((ushort)193)) >>> 14);

    /// <summary>In the low word of each 32-bit element, the mean of its two words rounded half up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> PairMeans(Vector512<ushort> words) =>
        (words + (words.AsUInt32() >>> 16).AsUInt16() + Vector512<ushort>.One) >>> 1;

    /// <summary>
    /// A matrix for 16-bit multiply-adds: each luma coefficient K as K − 2^16·t with t = ⌊(K + 2^15) / 2^16⌋ (so it is a signed
    /// 16-bit value), t·channel added back after the shift (<see cref="Handles"/>); the blue one paired with 2^14 against the constant 258, which brings
    /// in the whole offset 64·2^16 + 2^15. Chroma coefficients stay 32-bit.
    /// </summary>
    private readonly struct Coefficients(ColorMatrix m)
    {
        public readonly Vector512<short> LumaRG = Vector512.Create(Pair(Wrapped(m.YR), Wrapped(m.YG))).AsInt16();
        public readonly Vector512<short> LumaB = Vector512.Create(Pair(Wrapped(m.YB), 1 << 14)).AsInt16();
        public readonly Vector512<int> CbR = Vector512.Create(m.CbR), CbB = Vector512.Create(m.CbB);
        public readonly Vector512<int> CrR = Vector512.Create(m.CrR), CrB = Vector512.Create(m.CrB);

        private static int Wrapped(int coefficient) => coefficient - (Wraps(coefficient) << 16);

        private static int Pair(int low, int high) => (low & 0xFFFF) | (high << 16);
    }
}
