using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Luma statistics of one v210 line for the programme probes, read from a subsample of its 6-pixel groups: groups
/// 0, step, 2·step, … of the line's whole groups (a partial group at the end of a line that is not a multiple of 6
/// wide is not read). A group is four 32-bit words, one 128-bit lane, so a vector takes Lanes groups at once straight
/// from the packed words; luma is the middle sample of words 0 and 2 and the outer samples of words 1 and 3.
/// </summary>
public static class LumaProbe
{
    /// <summary>Words of one sampled group in a reference line: the group's words with everything but luma zeroed.</summary>
    public const int WordsPerGroup = 4;

    /// <summary>Luma samples in one sampled group.</summary>
    public const int LumaPerGroup = 6;

    private const uint Sample = 0x3FF;

    // Luma bits of each word of a group: Cb0 Y0 Cr0 | Y1 Cb1 Y2 | Cr1 Y3 Cb2 | Y4 Cr2 Y5.
    private static ReadOnlySpan<int> LumaMask => [0x000FFC00, 0x3FF003FF, 0x000FFC00, 0x3FF003FF];
    private static ReadOnlySpan<int> MiddleIsLuma => [-1, 0, -1, 0];
    private static ReadOnlySpan<int> OuterAreLuma => [0, -1, 0, -1];

    /// <summary>The groups of a <paramref name="width"/>-pixel line read with <paramref name="groupStep"/>.</summary>
    public static int SampledGroups(int width, int groupStep)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groupStep);
        return (width / 6 + groupStep - 1) / groupStep;
    }

    /// <summary>How many sampled luma samples of the line are at or below <paramref name="threshold"/>.</summary>
    public static int CountAtOrBelow(ReadOnlySpan<byte> line, int width, int groupStep, int threshold, SimdPath path = SimdPath.Auto)
    {
        int groups = Check(line, width, groupStep);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        var (done, count) = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => CountVector<Lanes128, Vector128<byte>>(line, groups, groupStep, threshold),
            SimdPath.Vector256 => CountVector<Lanes256, Vector256<byte>>(line, groups, groupStep, threshold),
            SimdPath.Vector512 => CountVector<Lanes512, Vector512<byte>>(line, groups, groupStep, threshold),
            _ => (0, 0),
        };
        return count + CountScalar(line, groups, groupStep, threshold, done);
    }

    /// <summary>
    /// The sum of absolute differences between the sampled luma of the line and <paramref name="previous"/> (a reference
    /// line this method wrote before), and the line's sampled luma written to <paramref name="current"/> for the next
    /// comparison. Both hold <see cref="SampledGroups"/> · <see cref="WordsPerGroup"/> words.
    /// </summary>
    public static long Difference(ReadOnlySpan<byte> line, int width, int groupStep, ReadOnlySpan<uint> previous, Span<uint> current,
        SimdPath path = SimdPath.Auto)
    {
        int groups = Check(line, width, groupStep);
        int words = groups * WordsPerGroup;
        if (previous.Length < words || current.Length < words)
            throw new ArgumentException($"previous ({previous.Length}) and current ({current.Length}) must hold {words} words for {groups} sampled groups");
        if (previous.Overlaps(current))
            throw new ArgumentException("previous and current must not overlap", nameof(current));
        var (done, sum) = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => DifferenceVector<Lanes128, Vector128<byte>>(line, groups, groupStep, previous, current),
            SimdPath.Vector256 => DifferenceVector<Lanes256, Vector256<byte>>(line, groups, groupStep, previous, current),
            SimdPath.Vector512 => DifferenceVector<Lanes512, Vector512<byte>>(line, groups, groupStep, previous, current),
            _ => (0, 0L),
        };
        return sum + DifferenceScalar(line, groups, groupStep, previous, current, done);
    }

    private static int Check(ReadOnlySpan<byte> line, int width, int groupStep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        int groups = SampledGroups(width, groupStep);
        int needed = width / 6 * 16;
        if (line.Length < needed)
            throw new ArgumentException($"a {width}-pixel v210 line needs {needed} bytes of whole groups; got {line.Length}", nameof(line));
        return groups;
    }

    internal static int CountScalar(ReadOnlySpan<byte> line, int groups, int groupStep, int threshold, int fromGroup)
    {
        int count = 0;
        for (int g = fromGroup; g < groups; g++)
        {
            var words = line.Slice(g * groupStep * 16, 16);
            for (int w = 0; w < WordsPerGroup; w++)
            {
                uint word = Word(words, w);
                for (int shift = 0; shift < 30; shift += 10)
                    if ((LumaMask[w] >> shift & Sample) != 0 && (word >> shift & Sample) <= threshold)
                        count++;
            }
        }
        return count;
    }

    internal static long DifferenceScalar(ReadOnlySpan<byte> line, int groups, int groupStep, ReadOnlySpan<uint> previous,
        Span<uint> current, int fromGroup)
    {
        long sum = 0;
        for (int g = fromGroup; g < groups; g++)
        {
            var words = line.Slice(g * groupStep * 16, 16);
            for (int w = 0; w < WordsPerGroup; w++)
            {
                int at = g * WordsPerGroup + w;
                uint luma = Word(words, w) & (uint)LumaMask[w], before = previous[at];
                current[at] = luma;
                for (int shift = 0; shift < 30; shift += 10)
                    sum += Math.Abs((int)(luma >> shift & Sample) - (int)(before >> shift & Sample));
            }
        }
        return sum;
    }

    // Indicators f ≤ threshold are (f − threshold − 1) >>> 31 (0 or 1); chroma slots are masked off per word (all ones where luma).
    private static (int Done, int Count) CountVector<TOps, TV>(ReadOnlySpan<byte> line, int groups, int groupStep, int threshold)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int lanes = TOps.Lanes, done = groups / lanes * lanes;
        if (done == 0)
            return (0, 0);
        TV sample = LaneShuffle.Splat32<TOps, TV>((int)Sample), below = LaneShuffle.Splat32<TOps, TV>(-threshold - 1);
        TV middle = LaneShuffle.Constant32<TOps, TV>(MiddleIsLuma), outer = LaneShuffle.Constant32<TOps, TV>(OuterAreLuma);
        TV counts = default;
        ref byte source = ref MemoryMarshal.GetReference(line);
        nint stride = groupStep * 16;
        for (int g = 0; g < done; g += lanes)
        {
            TV words = TOps.LoadLanes(ref Unsafe.Add(ref source, g * stride), stride);
            TV low = TOps.ShiftRight32(TOps.Add32(TOps.And(words, sample), below), 31);
            TV mid = TOps.ShiftRight32(TOps.Add32(TOps.And(TOps.ShiftRight32(words, 10), sample), below), 31);
            TV high = TOps.ShiftRight32(TOps.Add32(TOps.And(TOps.ShiftRight32(words, 20), sample), below), 31);
            counts = TOps.Add32(counts, TOps.Add32(TOps.And(mid, middle), TOps.And(TOps.Add32(low, high), outer)));
        }
        return (done, (int)Total<TOps, TV>(counts));
    }

    // |a − b| = a + b − 2·min(a, b): the sums of both sides and of the minima are kept apart and combined once.
    private static (int Done, long Sum) DifferenceVector<TOps, TV>(ReadOnlySpan<byte> line, int groups, int groupStep,
        ReadOnlySpan<uint> previous, Span<uint> current)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int lanes = TOps.Lanes, done = groups / lanes * lanes;
        if (done == 0)
            return (0, 0);
        TV sample = LaneShuffle.Splat32<TOps, TV>((int)Sample), mask = LaneShuffle.Constant32<TOps, TV>(LumaMask);
        TV sums = default, minima = default;
        ref byte source = ref MemoryMarshal.GetReference(line);
        ref byte before = ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(previous)), now = ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(current));
        nint stride = groupStep * 16;
        for (int g = 0; g < done; g += lanes)
        {
            TV luma = TOps.And(TOps.LoadLanes(ref Unsafe.Add(ref source, g * stride), stride), mask);
            TV reference = TOps.Load(ref Unsafe.Add(ref before, g * 16));
            TOps.Store(luma, ref Unsafe.Add(ref now, g * 16));
            for (int shift = 0; shift < 30; shift += 10)
            {
                TV a = TOps.And(TOps.ShiftRight32(luma, shift), sample), b = TOps.And(TOps.ShiftRight32(reference, shift), sample);
                sums = TOps.Add32(sums, TOps.Add32(a, b));
                minima = TOps.Add32(minima, TOps.Min32(a, b));
            }
        }
        return (done, Total<TOps, TV>(sums) - 2 * Total<TOps, TV>(minima));
    }

    private static long Total<TOps, TV>(TV value) where TOps : ILaneOps<TV> where TV : struct
    {
        Span<uint> elements = stackalloc uint[4 * TOps.Lanes];
        TOps.Store(value, ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(elements)));
        long total = 0;
        foreach (uint element in elements)
            total += element;
        return total;
    }

    private static uint Word(ReadOnlySpan<byte> words, int index) => BinaryPrimitives.ReadUInt32LittleEndian(words[(index * 4)..]);
}
