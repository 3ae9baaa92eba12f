using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Formats;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// 2:1 and 4:1 downscaling of 10-bit planar pictures (8K → 4K → HD) with a box filter: each output
/// sample is the mean of a 2×2 or 4×4 block of input samples, rounded half up — (sum + 2) >> 2 and
/// (sum + 8) >> 4. Every plane shrinks by the same factor both ways, so 4:2:2 stays 4:2:2. Pictures are
/// treated as progressive; chroma stays sited on the even luma sample, a quarter of an output chroma
/// sample from its box centre.
/// </summary>
public static class Downscaler
{
    /// <summary>Downscales a yuv422p10le frame by <paramref name="factor"/> (2 or 4).</summary>
    public static void DownscaleFrame(ReadOnlySpan<byte> source, FrameLayout sourceLayout, Span<byte> destination,
        FrameLayout destinationLayout, int factor, SimdPath path = SimdPath.Auto)
    {
        if (factor is not (2 or 4))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the box downscaler divides by 2 or 4");
        if (sourceLayout.Format != PixelFormat.Yuv422P10 || destinationLayout.Format != PixelFormat.Yuv422P10)
            throw new ArgumentException($"the downscaler works on {PixelFormat.Yuv422P10.Name}; got {sourceLayout.Format} → {destinationLayout.Format}");
        if (sourceLayout.Width != destinationLayout.Width * factor || sourceLayout.Height != destinationLayout.Height * factor)
            throw new ArgumentException($"{sourceLayout.Width}x{sourceLayout.Height} divided by {factor} is not {destinationLayout.Width}x{destinationLayout.Height}");
        for (int plane = 0; plane < 3; plane++)
        {
            PlaneLayout from = sourceLayout.Planes[plane], to = destinationLayout.Planes[plane];
            for (int line = 0; line < to.Lines; line++)
            {
                Span<ushort> output = MemoryMarshal.Cast<byte, ushort>(destination.Slice(to.Offset + line * to.Stride, to.LineBytes));
                int first = line * factor;
                if (factor == 2)
                    Halve(Row(source, from, first), Row(source, from, first + 1), output, path);
                else
                    Quarter(Row(source, from, first), Row(source, from, first + 1), Row(source, from, first + 2),
                        Row(source, from, first + 3), output, path);
            }
        }
    }

    private static ReadOnlySpan<ushort> Row(ReadOnlySpan<byte> frame, PlaneLayout plane, int line) =>
        MemoryMarshal.Cast<byte, ushort>(frame.Slice(plane.Offset + line * plane.Stride, plane.LineBytes));

    /// <summary>output[x] = mean of the 2×2 block at (2x, rows 0–1).</summary>
    public static void Halve(ReadOnlySpan<ushort> row0, ReadOnlySpan<ushort> row1, Span<ushort> output, SimdPath path = SimdPath.Auto)
    {
        Check(output.Length * 2, row0, row1, row1, row1);
        int done = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => Halve<Lanes128, Vector128<byte>>(row0, row1, output),
            SimdPath.Vector256 => Halve<Lanes256, Vector256<byte>>(row0, row1, output),
            SimdPath.Vector512 => Halve<Lanes512, Vector512<byte>>(row0, row1, output),
            _ => 0,
        };
        for (int x = done; x < output.Length; x++)
            output[x] = (ushort)((row0[2 * x] + row0[2 * x + 1] + row1[2 * x] + row1[2 * x + 1] + 2) >> 2);
    }

    /// <summary>output[x] = mean of the 4×4 block at (4x, rows 0–3).</summary>
    public static void Quarter(ReadOnlySpan<ushort> row0, ReadOnlySpan<ushort> row1, ReadOnlySpan<ushort> row2,
        ReadOnlySpan<ushort> row3, Span<ushort> output, SimdPath path = SimdPath.Auto)
    {
        Check(output.Length * 4, row0, row1, row2, row3);
        int done = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => Quarter<Lanes128, Vector128<byte>>(row0, row1, row2, row3, output),
            SimdPath.Vector256 => Quarter<Lanes256, Vector256<byte>>(row0, row1, row2, row3, output),
            SimdPath.Vector512 => Quarter<Lanes512, Vector512<byte>>(row0, row1, row2, row3, output),
            _ => 0,
        };
        for (int x = done; x < output.Length; x++)
        {
            int sum = 8;
            for (int i = 4 * x; i < 4 * x + 4; i++)
                sum += row0[i] + row1[i] + row2[i] + row3[i];
            output[x] = (ushort)(sum >> 4);
        }
    }

    private static void Check(int needed, ReadOnlySpan<ushort> row0, ReadOnlySpan<ushort> row1, ReadOnlySpan<ushort> row2, ReadOnlySpan<ushort> row3)
    {
        int shortest = Math.Min(Math.Min(row0.Length, row1.Length), Math.Min(row2.Length, row3.Length));
        if (shortest < needed)
            throw new ArgumentException($"input rows hold {shortest} samples but the output needs {needed}");
    }

    /// <summary>Adds each pair of neighbouring 16-bit samples into one 32-bit element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV PairSums<TOps, TV>(TV samples, TV lowMask) where TOps : ILaneOps<TV> where TV : struct =>
        TOps.Add32(TOps.And(samples, lowMask), TOps.ShiftRight32(samples, 16));

    /// <summary>Sums four rows at one offset (at most 4·1023, so 16 bits hold it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Column<TOps, TV>(ref byte a, ref byte b, ref byte c, ref byte d, nint offset)
        where TOps : ILaneOps<TV> where TV : struct =>
        TOps.Add16(TOps.Add16(TOps.Load(ref Unsafe.Add(ref a, offset)), TOps.Load(ref Unsafe.Add(ref b, offset))),
            TOps.Add16(TOps.Load(ref Unsafe.Add(ref c, offset)), TOps.Load(ref Unsafe.Add(ref d, offset))));

    private static int Halve<TOps, TV>(ReadOnlySpan<ushort> row0, ReadOnlySpan<ushort> row1, Span<ushort> output)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV lowMask = LaneShuffle.Splat32<TOps, TV>(0xFFFF), round = LaneShuffle.Splat32<TOps, TV>(2);
        ref byte a = ref SampleBytes.Of(row0), b = ref SampleBytes.Of(row1);
        ref byte dst = ref SampleBytes.Of(output);
        int vector = 16 * TOps.Lanes, x = 0;
        for (; x + vector / 2 <= output.Length; x += vector / 2)
        {
            nint at = 4 * x;
            TV first = PairSums<TOps, TV>(TOps.Add16(TOps.Load(ref Unsafe.Add(ref a, at)), TOps.Load(ref Unsafe.Add(ref b, at))), lowMask);
            TV second = PairSums<TOps, TV>(TOps.Add16(TOps.Load(ref Unsafe.Add(ref a, at + vector)), TOps.Load(ref Unsafe.Add(ref b, at + vector))), lowMask);
            TOps.Store(TOps.Narrow32(TOps.ShiftRight32(TOps.Add32(first, round), 2), TOps.ShiftRight32(TOps.Add32(second, round), 2)),
                ref Unsafe.Add(ref dst, 2 * x));
        }
        return x;
    }

    private static int Quarter<TOps, TV>(ReadOnlySpan<ushort> row0, ReadOnlySpan<ushort> row1, ReadOnlySpan<ushort> row2,
        ReadOnlySpan<ushort> row3, Span<ushort> output)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV lowMask = LaneShuffle.Splat32<TOps, TV>(0xFFFF), round = LaneShuffle.Splat32<TOps, TV>(8);
        ref byte a = ref SampleBytes.Of(row0), b = ref SampleBytes.Of(row1);
        ref byte c = ref SampleBytes.Of(row2), d = ref SampleBytes.Of(row3);
        ref byte dst = ref SampleBytes.Of(output);
        int vector = 16 * TOps.Lanes, x = 0;
        for (; x + vector / 2 <= output.Length; x += vector / 2)
        {
            nint at = 8 * x;
            TV pairs0 = TOps.Narrow32(PairSums<TOps, TV>(Column<TOps, TV>(ref a, ref b, ref c, ref d, at), lowMask),
                PairSums<TOps, TV>(Column<TOps, TV>(ref a, ref b, ref c, ref d, at + vector), lowMask));
            TV pairs1 = TOps.Narrow32(PairSums<TOps, TV>(Column<TOps, TV>(ref a, ref b, ref c, ref d, at + 2 * vector), lowMask),
                PairSums<TOps, TV>(Column<TOps, TV>(ref a, ref b, ref c, ref d, at + 3 * vector), lowMask));
            TOps.Store(TOps.Narrow32(TOps.ShiftRight32(TOps.Add32(PairSums<TOps, TV>(pairs0, lowMask), round), 4),
                TOps.ShiftRight32(TOps.Add32(PairSums<TOps, TV>(pairs1, lowMask), round), 4)), ref Unsafe.Add(ref dst, 2 * x));
        }
        return x;
    }
}
