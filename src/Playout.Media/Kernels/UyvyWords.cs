using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// <see cref="Uyvy422"/>'s loops where vectors permute 16-bit elements across lanes (AVX-512BW, and VL under 512 bits).
/// Read as little-endian 16-bit words, uyvy is word i = Y<sub>i</sub>·256 + C<sub>i</sub> with C alternating Cb, Cr, so
/// luma needs no permute at all: (w >> 6) &amp; 0x3FC is Y·4 in place. Only chroma is permuted, one two-source word permute
/// (<c>vpermt2w</c>) per plane for two input vectors; the lane loop spent two byte shuffles and a lane gather per vector,
/// and its chroma stores were half vectors. Every store here is a whole vector, so streamed frames bypass the cache.
/// 16·Lanes pixels a step; returns the pixels done, the lane loop and the scalar reference do the rest.
/// </summary>
internal static class UyvyWords<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    /// <summary>Even and odd words of two vectors, in order: Cb and Cr of their pixel pairs.</summary>
    private static readonly TV EvenWords = LaneShuffle.Elements16<TOps, TV>(e => 2 * e);
    private static readonly TV OddWords = LaneShuffle.Elements16<TOps, TV>(e => 2 * e + 1);

    /// <summary>Cb and Cr words interleaved, from the first and the second half of the step's chroma vectors.</summary>
    private static readonly TV FirstPairs = LaneShuffle.Elements16<TOps, TV>(e => e / 2 + (e % 2 == 0 ? 0 : 8 * TOps.Lanes));
    private static readonly TV SecondPairs = LaneShuffle.Elements16<TOps, TV>(e => 4 * TOps.Lanes + e / 2 + (e % 2 == 0 ? 0 : 8 * TOps.Lanes));

    public static unsafe int Unpack(ReadOnlySpan<byte> source, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width, bool streamed)
    {
        TV even = EvenWords, odd = OddWords, tenBits = LaneShuffle.Splat16<TOps, TV>(0x3FC);
        int step = 16 * TOps.Lanes, vectorBytes = 16 * TOps.Lanes, pixel = 0;
        ref byte src = ref MemoryMarshal.GetReference(source);
        fixed (ushort* y = luma, u = cb, v = cr)
        {
            var lumaOut = new StreamingOutput<TOps, TV>((byte*)y, streamed);
            var cbOut = new StreamingOutput<TOps, TV>((byte*)u, streamed);
            var crOut = new StreamingOutput<TOps, TV>((byte*)v, streamed);
            for (; pixel + step <= width; pixel += step)
            {
                TV first = TOps.Load(ref Unsafe.Add(ref src, 2 * pixel)), second = TOps.Load(ref Unsafe.Add(ref src, 2 * pixel + vectorBytes));
                lumaOut.Store(TOps.And(TOps.ShiftRight16(first, 6), tenBits), 2 * pixel);
                lumaOut.Store(TOps.And(TOps.ShiftRight16(second, 6), tenBits), 2 * pixel + vectorBytes);
                TV chroma0 = TOps.And(TOps.ShiftLeft16(first, 2), tenBits), chroma1 = TOps.And(TOps.ShiftLeft16(second, 2), tenBits);
                cbOut.Store(TOps.Permute16(chroma0, chroma1, even), pixel);
                crOut.Store(TOps.Permute16(chroma0, chroma1, odd), pixel);
            }
            lumaOut.Complete();
            cbOut.Complete();
            crOut.Complete();
        }
        return pixel;
    }

    /// <summary>
    /// Samples become min(255, (s + 2) >> 2) as in the scalar reference, as (min(s, 1021) + 2) >> 2: clamping before the add
    /// keeps it from wrapping and is the same clamp to 255 after the shift.
    /// </summary>
    public static unsafe int Pack(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> destination,
        int width, bool streamed)
    {
        TV firstPairs = FirstPairs, secondPairs = SecondPairs;
        TV two = LaneShuffle.Splat16<TOps, TV>(2), limit = LaneShuffle.Splat16<TOps, TV>(Limit), high = LaneShuffle.Splat16<TOps, TV>(0xFF00);
        int step = 16 * TOps.Lanes, vectorBytes = 16 * TOps.Lanes, pixel = 0;
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        fixed (byte* pinned = destination)
        {
            var output = new StreamingOutput<TOps, TV>(pinned, streamed);
            for (; pixel + step <= width; pixel += step)
            {
                TV blue = Eight(TOps.Load(ref Unsafe.Add(ref u, pixel)), two, limit);
                TV red = Eight(TOps.Load(ref Unsafe.Add(ref v, pixel)), two, limit);
                TV luma0 = TOps.And(TOps.ShiftLeft16(Ten(TOps.Load(ref Unsafe.Add(ref y, 2 * pixel)), two, limit), 6), high);
                TV luma1 = TOps.And(TOps.ShiftLeft16(Ten(TOps.Load(ref Unsafe.Add(ref y, 2 * pixel + vectorBytes)), two, limit), 6), high);
                output.Store(TOps.Or(TOps.Permute16(blue, red, firstPairs), luma0), 2 * pixel);
                output.Store(TOps.Or(TOps.Permute16(blue, red, secondPairs), luma1), 2 * pixel + vectorBytes);
            }
            output.Complete();
        }
        return pixel;
    }

    /// <summary>The clamp before adding 2, splatted as <c>limit</c>: (1021 + 2) >> 2 = 255.</summary>
    public const ushort Limit = 1021;

    /// <summary>min(s, 1021) + 2: 4·min(255, (s + 2) >> 2) plus low bits the caller masks or shifts out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Ten(TV samples, TV two, TV limit) => TOps.Add16(TOps.Min16(samples, limit), two);

    /// <summary>min(255, (s + 2) >> 2) for every 16-bit s (adding first would wrap 65534 and 65535 to 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Eight(TV samples, TV two, TV limit) => TOps.ShiftRight16(Ten(samples, two, limit), 2);
}
