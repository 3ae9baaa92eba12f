using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// 8-bit uyvy422 ⇄ 10-bit planar, one line at a time. 8 → 10 bits is code × 4 (16 → 64, 235 → 940,
/// the SMPTE mapping; no bit replication). 10 → 8 bits rounds half up and saturates: min(255, (v + 2) >> 2).
/// </summary>
public static class Uyvy422
{
    private const byte Z = LaneShuffle.Zero;
    private static ReadOnlySpan<byte> ToLuma => [1, Z, 3, Z, 5, Z, 7, Z, 9, Z, 11, Z, 13, Z, 15, Z];
    private static ReadOnlySpan<byte> ToChroma => [0, Z, 4, Z, 8, Z, 12, Z, 2, Z, 6, Z, 10, Z, 14, Z];
    private static ReadOnlySpan<byte> FromLuma => [Z, 0, Z, 2, Z, 4, Z, 6, Z, 8, Z, 10, Z, 12, Z, 14];
    private static ReadOnlySpan<byte> FromChroma => [0, Z, 8, Z, 2, Z, 10, Z, 4, Z, 12, Z, 6, Z, 14, Z];

    /// <summary>The shuffles expanded once per vector width: building them per line cost as much as a 1080p line's work.</summary>
    private static class Shuffles<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
    {
        public static readonly TV ToLuma = LaneShuffle.Indices<TOps, TV>(Uyvy422.ToLuma);
        public static readonly TV ToChroma = LaneShuffle.Indices<TOps, TV>(Uyvy422.ToChroma);
        public static readonly TV FromLuma = LaneShuffle.Indices<TOps, TV>(Uyvy422.FromLuma);
        public static readonly TV FromChroma = LaneShuffle.Indices<TOps, TV>(Uyvy422.FromChroma);
    }

    /// <param name="streamed">Whether the frame this line belongs to is streamed past the cache (<see cref="OutputStores"/>, decided once per frame); a line alone stays in cache.</param>
    public static void Unpack(ReadOnlySpan<byte> source, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width,
        SimdPath path = SimdPath.Auto, bool streamed = false)
    {
        Packed422Checks.Unpack(source, luma, cb, cr, width, width * 2);
        int done = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => Unpack<Lanes128, Vector128<byte>>(source, luma, cb, cr, width, streamed),
            SimdPath.Vector256 => Unpack<Lanes256, Vector256<byte>>(source, luma, cb, cr, width, streamed),
            SimdPath.Vector512 => Unpack<Lanes512, Vector512<byte>>(source, luma, cb, cr, width, streamed),
            _ => 0,
        };
        for (int pair = done / 2; pair < width / 2; pair++)
        {
            cb[pair] = (ushort)(source[4 * pair] << 2);
            luma[2 * pair] = (ushort)(source[4 * pair + 1] << 2);
            cr[pair] = (ushort)(source[4 * pair + 2] << 2);
            luma[2 * pair + 1] = (ushort)(source[4 * pair + 3] << 2);
        }
    }

    /// <param name="streamed">Whether the frame this line belongs to is streamed past the cache (<see cref="OutputStores"/>, decided once per frame); a line alone stays in cache.</param>
    public static void Pack(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> destination,
        int width, SimdPath path = SimdPath.Auto, bool streamed = false)
    {
        Packed422Checks.Pack(luma, cb, cr, destination, width, width * 2);
        int done = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => Pack<Lanes128, Vector128<byte>>(luma, cb, cr, destination, width, streamed),
            SimdPath.Vector256 => Pack<Lanes256, Vector256<byte>>(luma, cb, cr, destination, width, streamed),
            SimdPath.Vector512 => Pack<Lanes512, Vector512<byte>>(luma, cb, cr, destination, width, streamed),
            _ => 0,
        };
        for (int pair = done / 2; pair < width / 2; pair++)
        {
            destination[4 * pair] = To8(cb[pair]);
            destination[4 * pair + 1] = To8(luma[2 * pair]);
            destination[4 * pair + 2] = To8(cr[pair]);
            destination[4 * pair + 3] = To8(luma[2 * pair + 1]);
        }
    }

    private static byte To8(ushort sample) => (byte)Math.Min(255, (sample + 2) >> 2);

    private static int Unpack<TOps, TV>(ReadOnlySpan<byte> source, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width, bool streamed)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int pixel = TOps.PermutesAcrossLanes ? UyvyWords<TOps, TV>.Unpack(source, luma, cb, cr, width, streamed) : 0;
        TV toLuma = Shuffles<TOps, TV>.ToLuma, toChroma = Shuffles<TOps, TV>.ToChroma;
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        int step = 8 * TOps.Lanes;
        for (; pixel + step <= width; pixel += step)
        {
            TV packed = TOps.Load(ref Unsafe.Add(ref src, 2 * pixel));
            TOps.Store(TOps.ShiftLeft16(TOps.Shuffle(packed, toLuma), 2), ref Unsafe.Add(ref y, 2 * pixel));
            TV chroma = TOps.ShiftLeft16(TOps.Shuffle(packed, toChroma), 2);
            TOps.StoreGatherHalves16(chroma, ref Unsafe.Add(ref u, pixel), ref Unsafe.Add(ref v, pixel), 4);
        }
        return pixel;
    }

    private static unsafe int Pack<TOps, TV>(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr,
        Span<byte> destination, int width, bool streamed)
        where TOps : ILaneOps<TV> where TV : struct
    {
        // First, so that no vector of the lane loop is live across the call (it would be kept in memory through the loop).
        int pixel = TOps.PermutesAcrossLanes ? UyvyWords<TOps, TV>.Pack(luma, cb, cr, destination, width, streamed) : 0;
        TV fromLuma = Shuffles<TOps, TV>.FromLuma, fromChroma = Shuffles<TOps, TV>.FromChroma;
        TV two = LaneShuffle.Splat16<TOps, TV>(2), limit = LaneShuffle.Splat16<TOps, TV>(UyvyWords<TOps, TV>.Limit);
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        int step = 8 * TOps.Lanes;
        fixed (byte* pinned = destination)
        {
            var output = new StreamingOutput<TOps, TV>(pinned, streamed);
            for (; pixel + step <= width; pixel += step)
            {
                TV luma8 = UyvyWords<TOps, TV>.Eight(TOps.Load(ref Unsafe.Add(ref y, 2 * pixel)), two, limit);
                TV chroma8 = UyvyWords<TOps, TV>.Eight(TOps.LoadSpreadHalves16(ref Unsafe.Add(ref u, pixel), ref Unsafe.Add(ref v, pixel), 4), two, limit);
                output.Store(TOps.Or(TOps.Shuffle(luma8, fromLuma), TOps.Shuffle(chroma8, fromChroma)), 2 * pixel);
            }
            output.Complete();
        }
        return pixel;
    }
}
