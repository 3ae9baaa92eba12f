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
/// whose bytes are all 0 writes the clear result with no arithmetic (<see cref="BgraUniformSteps{TOps,TV}"/>), and one whose
/// alphas are all 255 is not divided: that test is made on the red-alpha words already gathered (one and, one or), not on the
/// four loaded vectors as <see cref="BgraUniformSteps{TOps,TV}.Opaque"/> does for the generic kernel.
/// <list type="bullet">
/// <item>un-premultiplying divides in 16 bits, ⌊(256·c + ⌊a/2⌋ + 1)·m(a) / 2^16⌋ >> s(a) with the multiplier and shift of
/// <see cref="UnpremultiplyDivisors"/> looked up by permutes of 128-byte tables; no float, no divide;</item>
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

    /// <summary>The alphas of 64 pixels: the high bytes of two vectors of red-alpha words.</summary>
    private static readonly Vector512<byte> Alphas = Bytes(k => k < 32 ? 2 * k + 1 : 64 + 2 * (k - 32) + 1);

    /// <summary>
    /// Word i: its low byte from byte <c>low + i</c> of the first of two vectors, its high byte from byte <c>high + i</c> of the
    /// second (each 0 or 32: the first or second 32 pixels of a 64-pixel vector).
    /// </summary>
    private static readonly Vector512<byte> Words00 = Words(0, 0), Words11 = Words(32, 32);

    /// <summary>Pixel p's high word of the multiply-adds of unpacked low (p % 8 &lt; 4) and high halves of each 128-bit lane.</summary>
    private static readonly Vector512<ushort> LumaWords = Vector512.Create(Enumerable.Range(0, 32).Select(p =>
        (ushort)(p % 8 < 4 ? 2 * (4 * (p / 8) + p % 8) + 1 : 32 + 2 * (4 * (p / 8) + p % 8 - 4) + 1)).ToArray());

    /// <summary>The low words of two vectors of 32-bit elements, in order.</summary>
    private static readonly Vector512<ushort> LowWords = Vector512.Create(Enumerable.Range(0, 32).Select(j => (ushort)(2 * j)).ToArray());

    /// <summary>The high words of two vectors of 32-bit elements, in order: each element >> 16.</summary>
    private static readonly Vector512<ushort> HighWords = Vector512.Create(Enumerable.Range(0, 32).Select(j => (ushort)(2 * j + 1)).ToArray());

    private static readonly Vector512<ushort> LowByte = Vector512.Create((ushort)0x00FF), HighByte = Vector512.Create((ushort)0xFF00);

    private static readonly Vector512<byte> MultiplierLow0 = Table(UnpremultiplyDivisors.MultiplierLow, 0), MultiplierLow1 = Table(UnpremultiplyDivisors.MultiplierLow, 1);
    private static readonly Vector512<byte> MultiplierLow2 = Table(UnpremultiplyDivisors.MultiplierLow, 2), MultiplierLow3 = Table(UnpremultiplyDivisors.MultiplierLow, 3);
    private static readonly Vector512<byte> MultiplierHigh0 = Table(UnpremultiplyDivisors.MultiplierHigh, 0), MultiplierHigh1 = Table(UnpremultiplyDivisors.MultiplierHigh, 1);
    private static readonly Vector512<byte> MultiplierHigh2 = Table(UnpremultiplyDivisors.MultiplierHigh, 2), MultiplierHigh3 = Table(UnpremultiplyDivisors.MultiplierHigh, 3);
    private static readonly Vector512<byte> Shift0 = Table(UnpremultiplyDivisors.Shift, 0), Shift1 = Table(UnpremultiplyDivisors.Shift, 1);
    private static readonly Vector512<byte> Shift2 = Table(UnpremultiplyDivisors.Shift, 2), Shift3 = Table(UnpremultiplyDivisors.Shift, 3);

    /// <summary>Converts whole steps of 64 pixels; returns the pixels done.</summary>
    public static unsafe int Convert(ReadOnlySpan<byte> bgra, bool premultiplied, ColorMatrix m, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr,
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
                Vector512<ushort> b0, g0, r0, b1, g1, r1;
                if (premultiplied && !Vector512.EqualsAll((ra0 & ra1) | LowByte, Vector512<ushort>.AllBitsSet))
                {
                    Vector512<byte> alpha = Avx512Vbmi.PermuteVar64x8x2(ra0.AsByte(), Alphas, ra1.AsByte());
                    Vector512<byte> low = Lookup(alpha, MultiplierLow0, MultiplierLow1, MultiplierLow2, MultiplierLow3);
                    Vector512<byte> high = Lookup(alpha, MultiplierHigh0, MultiplierHigh1, MultiplierHigh2, MultiplierHigh3);
                    Vector512<byte> shift = Lookup(alpha, Shift0, Shift1, Shift2, Shift3);
                    Vector512<ushort> multiplier0 = Avx512Vbmi.PermuteVar64x8x2(low, Words00, high).AsUInt16();
                    Vector512<ushort> multiplier1 = Avx512Vbmi.PermuteVar64x8x2(low, Words11, high).AsUInt16();
                    Vector512<ushort> shift0 = Avx512Vbmi.PermuteVar64x8x2(shift, Words00, Vector512<byte>.Zero).AsUInt16();
                    Vector512<ushort> shift1 = Avx512Vbmi.PermuteVar64x8x2(shift, Words11, Vector512<byte>.Zero).AsUInt16();
                    // The numerators 256·c + ⌊a/2⌋ + 1: the channel shifted or masked into the high byte, the alpha's half added.
                    Vector512<ushort> half0 = (ra0 >>> 9) + Vector512<ushort>.One, half1 = (ra1 >>> 9) + Vector512<ushort>.One;
                    b0 = Divide((bg0 << 8) + half0, multiplier0, shift0);
                    g0 = Divide((bg0 & HighByte) + half0, multiplier0, shift0);
                    r0 = Divide((ra0 << 8) + half0, multiplier0, shift0);
                    b1 = Divide((bg1 << 8) + half1, multiplier1, shift1);
                    g1 = Divide((bg1 & HighByte) + half1, multiplier1, shift1);
                    r1 = Divide((ra1 << 8) + half1, multiplier1, shift1);
                }
                else
                {
                    (b0, g0, r0) = (bg0 & LowByte, bg0 >>> 8, ra0 & LowByte);
                    (b1, g1, r1) = (bg1 & LowByte, bg1 >>> 8, ra1 & LowByte);
                }
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

    /// <summary>A 256-entry byte table indexed by every byte: two 128-entry permutes, the high one taken where the index is ≥ 128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Lookup(Vector512<byte> index, Vector512<byte> t0, Vector512<byte> t1, Vector512<byte> t2, Vector512<byte> t3) =>
        Avx512BW.BlendVariable(Avx512Vbmi.PermuteVar64x8x2(t0, index, t1), Avx512Vbmi.PermuteVar64x8x2(t2, index, t3), index);

    /// <summary>min(255, ⌊numerator·multiplier / 2^16⌋ >> shift): the un-premultiplied channel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> Divide(Vector512<ushort> numerator, Vector512<ushort> multiplier, Vector512<ushort> shift) =>
        Vector512.Min(Avx512BW.ShiftRightLogicalVariable(Avx512BW.MultiplyHigh(numerator, multiplier), shift), LowByte);

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

    private static Vector512<byte> Words(int low, int high) => Bytes(k => k % 2 == 0 ? low + k / 2 : 64 + high + k / 2);

    private static Vector512<byte> Bytes(Func<int, int> index) =>
        Vector512.Create(Enumerable.Range(0, 64).Select(k => (byte)index(k)).ToArray());

    private static Vector512<byte> Table(byte[] table, int quarter) => Vector512.Create(table.AsSpan(64 * quarter, 64));

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
