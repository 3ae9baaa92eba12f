using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// The vector loops shared by v210 and ST 2110 pgroups: whole 6-pixel groups, one per 128-bit lane.
/// Planar samples move with contiguous loads and stores spread over or gathered from the lanes; these
/// touch 8 samples per lane, a little past the groups they serve, so a loop stops while that still
/// lies inside the line (6·group + 8·lanes ≤ width) and the scalar reference finishes.
/// </summary>
internal static class Packed422Kernel
{
    /// <summary>Unpacks as many leading groups as the vector path may; returns how many it did.</summary>
    public static int Unpack(Packed422Pattern pattern, SimdPath path, ReadOnlySpan<byte> source,
        Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width, bool streamed) => path switch
    {
        SimdPath.Vector128 => Unpack<Lanes128, System.Runtime.Intrinsics.Vector128<byte>>(pattern, source, luma, cb, cr, width, streamed),
        SimdPath.Vector256 => Unpack<Lanes256, System.Runtime.Intrinsics.Vector256<byte>>(pattern, source, luma, cb, cr, width, streamed),
        SimdPath.Vector512 => Unpack<Lanes512, System.Runtime.Intrinsics.Vector512<byte>>(pattern, source, luma, cb, cr, width, streamed),
        _ => 0,
    };

    /// <summary>Packs as many leading groups as the vector path may, clamping samples to [min, max]; returns how many it did.</summary>
    public static int Pack(Packed422Pattern pattern, SimdPath path, ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb,
        ReadOnlySpan<ushort> cr, Span<byte> destination, int width, ushort min, ushort max, bool streamed) => path switch
    {
        SimdPath.Vector128 => PackLine<Lanes128, System.Runtime.Intrinsics.Vector128<byte>>(pattern, luma, cb, cr, destination, width, min, max, streamed),
        SimdPath.Vector256 => PackLine<Lanes256, System.Runtime.Intrinsics.Vector256<byte>>(pattern, luma, cb, cr, destination, width, min, max, streamed),
        SimdPath.Vector512 => PackLine<Lanes512, System.Runtime.Intrinsics.Vector512<byte>>(pattern, luma, cb, cr, destination, width, min, max, streamed),
        _ => 0,
    };

    private static int Unpack<TOps, TV>(Packed422Pattern pattern, ReadOnlySpan<byte> source,
        Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width, bool streamed)
        where TOps : ILaneOps<TV> where TV : struct
    {
        var lanes = Packed422Lanes<TOps, TV>.For(pattern);
        int step = TOps.Lanes, groupBytes = pattern.GroupBytes;
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        int group = TOps.PermutesBytes && !streamed
            ? groupBytes == 15 ? UnpackPgroupPairs<TOps, TV>(source, luma, cb, cr, width) : UnpackV210Pairs<TOps, TV>(source, luma, cb, cr, width)
            : TOps.PermutesAcrossLanes ? UnpackBlocks<TOps, TV>(lanes, groupBytes, source, luma, cb, cr, width, streamed) : 0;
        for (; 6 * group + 8 * step <= width; group += step)
        {
            lanes.Unpack(LoadGroups<TOps, TV>(ref src, group, groupBytes), out var lumaLanes, out var chromaLanes);
            TOps.StoreGather16(lumaLanes, ref Unsafe.Add(ref y, group * 12), 6);
            TOps.StoreGatherHalves16(chromaLanes, ref Unsafe.Add(ref u, group * 6), ref Unsafe.Add(ref v, group * 6), 3);
        }
        return UnpackLineEnd<TOps, TV>(pattern, source, luma, cb, cr, width, group);
    }

    /// <summary>
    /// Packs pgroups 32·Lanes pixels a step with <see cref="PgroupPackPairs{TOps,TV}"/> while its loads (up to 8 samples past
    /// the step) lie inside the line; returns the whole groups done (the loops after it may redo a few of the last pixels).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int PackPgroupPairs<TOps, TV>(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr,
        Span<byte> destination, int width, bool streamed)
        where TOps : ILaneOps<TV> where TV : struct
    {
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        TV tenBits = PgroupPackPairs<TOps, TV>.TenBits;
        TV lumaShifts = PgroupPackPairs<TOps, TV>.LumaShifts, chromaShifts = PgroupPackPairs<TOps, TV>.ChromaShifts;
        TV[] primary = PgroupPackPairs<TOps, TV>.Primary, secondary = PgroupPackPairs<TOps, TV>.Secondary;
        TV primary0 = primary[0], primary1 = primary[1], primary2 = primary[2], primary3 = primary[3], primary4 = primary[4];
        TV secondary0 = secondary[0], secondary1 = secondary[1], secondary2 = secondary[2], secondary3 = secondary[3], secondary4 = secondary[4];
        int first1 = PgroupPackPairs<TOps, TV>.FirstPair(1), first2 = PgroupPackPairs<TOps, TV>.FirstPair(2);
        int first3 = PgroupPackPairs<TOps, TV>.FirstPair(3), first4 = PgroupPackPairs<TOps, TV>.FirstPair(4);
        int step = 32 * TOps.Lanes, vectorBytes = 16 * TOps.Lanes, pixel = 0;
        fixed (byte* pinned = destination)
        {
            var output = new StreamingOutput<TOps, TV>(pinned, streamed);
            for (; pixel + step + 8 <= width; pixel += step)
            {
                int pair = pixel / 2;
                nint at = pair * 5;
                if (streamed)
                {
                    SourcePrefetch.Ahead(ref Unsafe.Add(ref y, 2 * pixel), 2 * step);
                    SourcePrefetch.Ahead(ref Unsafe.Add(ref u, pixel), step);
                    SourcePrefetch.Ahead(ref Unsafe.Add(ref v, pixel), step);
                }
                output.Store(PackPairs<TOps, TV>(ref y, ref u, ref v, pair, primary0, secondary0, tenBits, lumaShifts, chromaShifts), at);
                output.Store(PackPairs<TOps, TV>(ref y, ref u, ref v, pair + first1, primary1, secondary1, tenBits, lumaShifts, chromaShifts),
                    at + vectorBytes);
                output.Store(PackPairs<TOps, TV>(ref y, ref u, ref v, pair + first2, primary2, secondary2, tenBits, lumaShifts, chromaShifts),
                    at + 2 * vectorBytes);
                output.Store(PackPairs<TOps, TV>(ref y, ref u, ref v, pair + first3, primary3, secondary3, tenBits, lumaShifts, chromaShifts),
                    at + 3 * vectorBytes);
                output.Store(PackPairs<TOps, TV>(ref y, ref u, ref v, pair + first4, primary4, secondary4, tenBits, lumaShifts, chromaShifts),
                    at + 4 * vectorBytes);
            }
            output.Complete();
        }
        return pixel / 6;
    }

    /// <summary>One output vector of <see cref="PackPgroupPairs{TOps,TV}"/> from the samples of the pairs from <paramref name="pair"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV PackPairs<TOps, TV>(ref byte y, ref byte u, ref byte v, int pair, TV primary, TV secondary, TV tenBits,
        TV lumaShifts, TV chromaShifts)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV luma = TOps.ShiftLeftVariable16(TOps.Min16(TOps.Load(ref Unsafe.Add(ref y, 4 * pair)), tenBits), lumaShifts);
        TV chroma = TOps.ShiftLeftVariable16(
            TOps.Min16(TOps.LoadHalves(ref Unsafe.Add(ref u, 2 * pair), ref Unsafe.Add(ref v, 2 * pair)), tenBits), chromaShifts);
        return TOps.Or(TOps.PermuteBytes2(luma, chroma, primary), TOps.PermuteBytes2(luma, chroma, secondary));
    }

    /// <summary>
    /// The whole groups the loop leaves at the end of a line (its stores reach 2 samples a lane past them), with loads and
    /// stores masked to the line where the CPU has them (pgroups also need the byte permute); elsewhere the scalar reference
    /// unpacks them.
    /// </summary>
    private static int UnpackLineEnd<TOps, TV>(Packed422Pattern pattern, ReadOnlySpan<byte> source,
        Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width, int group)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int groupBytes = pattern.GroupBytes;
        if (!TOps.MasksMemory || (groupBytes != 16 && !TOps.PermutesBytes))
            return group;
        ref readonly var lanes = ref Packed422Lanes<TOps, TV>.For(pattern);
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        int groups = width / 6;
        for (; group < groups; group += TOps.Lanes)
        {
            int count = Math.Min(TOps.Lanes, groups - group);
            TV packed = TOps.LoadPrefix(ref Unsafe.Add(ref src, group * groupBytes), count * groupBytes);
            if (groupBytes != 16)
                packed = TOps.PermuteBytes(packed, Packed422Lanes<TOps, TV>.Spread15);
            lanes.Unpack(packed, out var lumaLanes, out var chromaLanes);
            TOps.StoreGatherPrefix16(lumaLanes, ref Unsafe.Add(ref y, group * 12), 6, 6 * count);
            TOps.StoreGatherHalvesPrefix16(chromaLanes, ref Unsafe.Add(ref u, group * 6), ref Unsafe.Add(ref v, group * 6), 3, 3 * count);
        }
        return groups;
    }

    /// <summary>
    /// Unpacks pgroups 8·Lanes pixels a step with <see cref="PgroupPairs{TOps,TV}"/>; returns the whole groups done (the
    /// loops after it may redo a few of the last pixels). Frames streamed past the cache take the blocks, whose stores are
    /// whole 64-byte lines.
    /// </summary>
    private static int UnpackPgroupPairs<TOps, TV>(ReadOnlySpan<byte> source, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV lumaBytes = PgroupPairs<TOps, TV>.Luma, lumaShifts = PgroupPairs<TOps, TV>.LumaShifts;
        TV chromaBytes = PgroupPairs<TOps, TV>.Chroma, chromaShifts = PgroupPairs<TOps, TV>.ChromaShifts;
        TV tenBits = PgroupPairs<TOps, TV>.TenBits;
        int step = 8 * TOps.Lanes, stepBytes = PgroupPairs<TOps, TV>.StepBytes, secondAt = PgroupPairs<TOps, TV>.SecondAt;
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        int pixel = 0;
        for (; pixel + step <= width; pixel += step)
        {
            ref byte pairs = ref Unsafe.Add(ref src, pixel / step * stepBytes);
            TV first = TOps.Load(ref pairs), second = TOps.Load(ref Unsafe.Add(ref pairs, secondAt));
            TOps.Store(TOps.And(TOps.ShiftRightVariable16(TOps.PermuteBytes2(first, second, lumaBytes), lumaShifts), tenBits),
                ref Unsafe.Add(ref y, 2 * pixel));
            TOps.StoreHalves(TOps.And(TOps.ShiftRightVariable16(TOps.PermuteBytes2(first, second, chromaBytes), chromaShifts), tenBits),
                ref Unsafe.Add(ref u, pixel), ref Unsafe.Add(ref v, pixel));
        }
        return pixel / 6;
    }

    /// <summary>
    /// Unpacks v210 4·Lanes groups a step with <see cref="V210Pairs{TOps,TV}"/>; returns the groups done. Frames streamed past
    /// the cache take the blocks, whose stores are whole 64-byte lines.
    /// </summary>
    private static int UnpackV210Pairs<TOps, TV>(ReadOnlySpan<byte> source, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV[] lumaBytes = V210Pairs<TOps, TV>.Luma, chromaBytes = V210Pairs<TOps, TV>.Chroma;
        TV[] lumaShifts = V210Pairs<TOps, TV>.LumaShifts, chromaShifts = V210Pairs<TOps, TV>.ChromaShifts;
        TV luma0 = lumaBytes[0], luma1 = lumaBytes[1], luma2 = lumaBytes[2];
        TV chroma0 = chromaBytes[0], chroma1 = chromaBytes[1], chroma2 = chromaBytes[2];
        TV lumaShift0 = lumaShifts[0], lumaShift1 = lumaShifts[1], lumaShift2 = lumaShifts[2];
        TV chromaShift0 = chromaShifts[0], chromaShift1 = chromaShifts[1], chromaShift2 = chromaShifts[2];
        TV tenBits = V210Pairs<TOps, TV>.TenBits;
        int step = 4 * TOps.Lanes, vectorBytes = 16 * TOps.Lanes;
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        int group = 0;
        for (; 6 * (group + step) <= width; group += step)
        {
            ref byte packed = ref Unsafe.Add(ref src, group * 16);
            TV in0 = TOps.Load(ref packed), in1 = TOps.Load(ref Unsafe.Add(ref packed, vectorBytes));
            TV in2 = TOps.Load(ref Unsafe.Add(ref packed, 2 * vectorBytes)), in3 = TOps.Load(ref Unsafe.Add(ref packed, 3 * vectorBytes));
            ref byte lumaAt = ref Unsafe.Add(ref y, group * 12);
            TOps.Store(Field(in0, in1, luma0, lumaShift0, tenBits), ref lumaAt);
            TOps.Store(Field(in1, in2, luma1, lumaShift1, tenBits), ref Unsafe.Add(ref lumaAt, vectorBytes));
            TOps.Store(Field(in2, in3, luma2, lumaShift2, tenBits), ref Unsafe.Add(ref lumaAt, 2 * vectorBytes));
            int chromaAt = group * 6, halfBytes = vectorBytes / 2;
            TOps.StoreHalves(Field(in0, in1, chroma0, chromaShift0, tenBits), ref Unsafe.Add(ref u, chromaAt), ref Unsafe.Add(ref v, chromaAt));
            TOps.StoreHalves(Field(in1, in2, chroma1, chromaShift1, tenBits),
                ref Unsafe.Add(ref u, chromaAt + halfBytes), ref Unsafe.Add(ref v, chromaAt + halfBytes));
            TOps.StoreHalves(Field(in2, in3, chroma2, chromaShift2, tenBits),
                ref Unsafe.Add(ref u, chromaAt + 2 * halfBytes), ref Unsafe.Add(ref v, chromaAt + 2 * halfBytes));
        }
        return group;

        static TV Field(TV first, TV second, TV bytes, TV shifts, TV tenBits) =>
            TOps.And(TOps.ShiftRightVariable16(TOps.PermuteBytes2(first, second, bytes), shifts), tenBits);
    }

    /// <summary>
    /// Unpacks 8·Lanes groups a step (two blocks of <see cref="Packed422Blocks{TOps,TV}"/>) into whole
    /// output vectors — six of luma, three each of Cb and Cr — written with non-temporal stores when the
    /// frame is streamed and the planes are aligned (whole 64-byte lines: half-line streaming stores cost more than they save).
    /// Returns the groups done.
    /// </summary>
    private static unsafe int UnpackBlocks<TOps, TV>(in Packed422Lanes<TOps, TV> lanes, int groupBytes, ReadOnlySpan<byte> source,
        Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width, bool streamed)
        where TOps : ILaneOps<TV> where TV : struct
    {
        var blocks = Packed422Blocks<TOps, TV>.Instance;
        int step = TOps.Lanes, vectorBytes = 16 * step, groups = 8 * step;
        ref byte src = ref MemoryMarshal.GetReference(source);
        int group = 0;
        fixed (ushort* y = luma, u = cb, v = cr)
        {
            var lumaOut = new StreamingOutput<TOps, TV>((byte*)y, streamed);
            var cbOut = new StreamingOutput<TOps, TV>((byte*)u, streamed);
            var crOut = new StreamingOutput<TOps, TV>((byte*)v, streamed);
            for (; 6 * (group + groups) + (groupBytes == 16 ? 0 : 8) <= width; group += groups)
            {
                ref byte packed = ref Unsafe.Add(ref src, group * groupBytes);
                if (streamed)
                    SourcePrefetch.Ahead(ref packed, 16 * groups);
                nint lumaAt = group * 12, chromaAt = group * 6;
                UnpackBlock(lanes, blocks, ref packed, groupBytes, 0, out var c0, out var c1, out var c2, lumaOut, lumaAt);
                UnpackBlock(lanes, blocks, ref packed, groupBytes, 4 * step, out var c3, out var c4, out var c5, lumaOut, lumaAt + 3 * vectorBytes);
                cbOut.Store(TOps.JoinLowHalves(c0, c1), chromaAt);
                cbOut.Store(TOps.JoinLowHalves(c2, c3), chromaAt + vectorBytes);
                cbOut.Store(TOps.JoinLowHalves(c4, c5), chromaAt + 2 * vectorBytes);
                crOut.Store(TOps.JoinHighHalves(c0, c1), chromaAt);
                crOut.Store(TOps.JoinHighHalves(c2, c3), chromaAt + vectorBytes);
                crOut.Store(TOps.JoinHighHalves(c4, c5), chromaAt + 2 * vectorBytes);
            }
            lumaOut.Complete();
            cbOut.Complete();
            crOut.Complete();
        }
        return group;
    }

    /// <summary>4·Lanes groups: stores three luma vectors, returns three [Cb | Cr] vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UnpackBlock<TOps, TV>(in Packed422Lanes<TOps, TV> lanes, in Packed422Blocks<TOps, TV> blocks, ref byte packed,
        int groupBytes, int firstGroup, out TV chroma0, out TV chroma1, out TV chroma2, StreamingOutput<TOps, TV> lumaOut, nint lumaAt)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int step = TOps.Lanes, vectorBytes = 16 * step;
        lanes.Unpack(LoadGroups<TOps, TV>(ref packed, firstGroup, groupBytes), out var y0, out var c0);
        lanes.Unpack(LoadGroups<TOps, TV>(ref packed, firstGroup + step, groupBytes), out var y1, out var c1);
        lanes.Unpack(LoadGroups<TOps, TV>(ref packed, firstGroup + 2 * step, groupBytes), out var y2, out var c2);
        lanes.Unpack(LoadGroups<TOps, TV>(ref packed, firstGroup + 3 * step, groupBytes), out var y3, out var c3);
        lumaOut.Store(TOps.Permute16(y0, y1, blocks.Luma0), lumaAt);
        lumaOut.Store(TOps.Permute16(y1, y2, blocks.Luma1), lumaAt + vectorBytes);
        lumaOut.Store(TOps.Permute16(y2, y3, blocks.Luma2), lumaAt + 2 * vectorBytes);
        chroma0 = TOps.Permute16(c0, c1, blocks.Chroma0);
        chroma1 = TOps.Permute16(c1, c2, blocks.Chroma1);
        chroma2 = TOps.Permute16(c2, c3, blocks.Chroma2);
    }

    /// <summary>
    /// Lanes·1 groups starting <paramref name="group"/> groups on: one load for v210; for 15-byte pgroups one load spread
    /// over the lanes by a byte permute where the CPU has one, else a load per lane. Reads 16·Lanes bytes either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LoadGroups<TOps, TV>(ref byte packed, int group, int groupBytes)
        where TOps : ILaneOps<TV> where TV : struct =>
        groupBytes == 16 ? TOps.Load(ref Unsafe.Add(ref packed, group * 16))
        : TOps.PermutesBytes ? TOps.PermuteBytes(TOps.Load(ref Unsafe.Add(ref packed, group * groupBytes)), Packed422Lanes<TOps, TV>.Spread15)
        : TOps.LoadLanes(ref Unsafe.Add(ref packed, group * groupBytes), groupBytes);

    /// <summary>
    /// Packs v210 one output vector (Lanes groups) at a time with <see cref="V210PackPairs{TOps,TV}"/> while its loads (8
    /// samples a lane, 2 past the groups) lie inside the line, as the lane loop's do; returns the groups done.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int PackV210Pairs<TOps, TV>(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr,
        Span<byte> destination, int width, ushort min, ushort max, bool streamed)
        where TOps : ILaneOps<TV> where TV : struct
    {
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        TV low = LaneShuffle.Splat16<TOps, TV>(min), high = LaneShuffle.Splat16<TOps, TV>(max);
        TV lumaShifts = V210PackPairs<TOps, TV>.LumaShifts, chromaShifts = V210PackPairs<TOps, TV>.ChromaShifts;
        TV primary = V210PackPairs<TOps, TV>.Primary, secondary = V210PackPairs<TOps, TV>.Secondary;
        int step = TOps.Lanes, group = 0;
        fixed (byte* pinned = destination)
        {
            var output = new StreamingOutput<TOps, TV>(pinned, streamed);
            for (; 6 * group + 8 * step <= width; group += step)
            {
                if (streamed)
                {
                    SourcePrefetch.Ahead(ref Unsafe.Add(ref y, group * 12), 64);
                    SourcePrefetch.Ahead(ref Unsafe.Add(ref u, group * 6), 64);
                    SourcePrefetch.Ahead(ref Unsafe.Add(ref v, group * 6), 64);
                }
                TV lumaSamples = TOps.ShiftLeftVariable16(TOps.Min16(TOps.Max16(TOps.Load(ref Unsafe.Add(ref y, group * 12)), low), high), lumaShifts);
                TV chroma = TOps.LoadHalves(ref Unsafe.Add(ref u, group * 6), ref Unsafe.Add(ref v, group * 6));
                TV chromaSamples = TOps.ShiftLeftVariable16(TOps.Min16(TOps.Max16(chroma, low), high), chromaShifts);
                output.Store(TOps.Or(TOps.PermuteBytes2(lumaSamples, chromaSamples, primary),
                    TOps.PermuteBytes2(lumaSamples, chromaSamples, secondary)), group * 16);
            }
            output.Complete();
        }
        return group;
    }

    /// <summary>
    /// Where the CPU has byte permutes, pgroups go first through <see cref="PackPgroupPairs{TOps,TV}"/> and v210 through
    /// <see cref="PackV210Pairs{TOps,TV}"/>; the lane loop does the rest. Two calls: a vector live across a call in the lane
    /// loop's method is kept in memory through the loop.
    /// </summary>
    private static int PackLine<TOps, TV>(Packed422Pattern pattern, ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb,
        ReadOnlySpan<ushort> cr, Span<byte> destination, int width, ushort min, ushort max, bool streamed)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int group = !TOps.PermutesBytes ? 0
            : pattern.GroupBytes == 15 ? PackPgroupPairs<TOps, TV>(luma, cb, cr, destination, width, streamed)
            : PackV210Pairs<TOps, TV>(luma, cb, cr, destination, width, min, max, streamed);
        return Pack<TOps, TV>(pattern, luma, cb, cr, destination, width, min, max, streamed, group);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int Pack<TOps, TV>(Packed422Pattern pattern, ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb,
        ReadOnlySpan<ushort> cr, Span<byte> destination, int width, ushort min, ushort max, bool streamed, int group)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int step = TOps.Lanes, groupBytes = pattern.GroupBytes;
        var lanes = Packed422Lanes<TOps, TV>.For(pattern);
        TV low = LaneShuffle.Splat16<TOps, TV>(min), high = LaneShuffle.Splat16<TOps, TV>(max);
        TV closeUp = Packed422Lanes<TOps, TV>.CloseUp15;
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        fixed (byte* pinned = destination)
        {
            var output = new StreamingOutput<TOps, TV>(pinned, streamed);
            for (; 6 * group + 8 * step <= width; group += step)
            {
                TV lumaLanes = TOps.Min16(TOps.Max16(TOps.LoadSpread16(ref Unsafe.Add(ref y, group * 12), 6), low), high);
                TV chromaLanes = TOps.Min16(TOps.Max16(
                    TOps.LoadSpreadHalves16(ref Unsafe.Add(ref u, group * 6), ref Unsafe.Add(ref v, group * 6), 3), low), high);
                TV packed = lanes.Pack(lumaLanes, chromaLanes);
                if (groupBytes == 16)
                    output.Store(packed, group * 16);
                else if (TOps.PermutesBytes)
                    TOps.Store(TOps.PermuteBytes(packed, closeUp), ref Unsafe.Add(ref dst, group * groupBytes));
                else
                    TOps.StoreLanes(packed, ref Unsafe.Add(ref dst, group * groupBytes), groupBytes);
            }
            output.Complete();
        }
        return PackLineEnd<TOps, TV>(pattern, low, high, luma, cb, cr, destination, width, group);
    }

    /// <summary>
    /// The whole groups the loop leaves at the end of a line (its loads reach 8 samples a lane past them), with
    /// loads and stores masked to the line where the CPU has them; elsewhere the scalar reference packs them. Pgroups also
    /// need the byte permute that closes up their 15-byte lanes into one prefix.
    /// </summary>
    private static int PackLineEnd<TOps, TV>(Packed422Pattern pattern, TV low, TV high, ReadOnlySpan<ushort> luma,
        ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> destination, int width, int group)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int groupBytes = pattern.GroupBytes;
        if (!TOps.MasksMemory || (groupBytes != 16 && !TOps.PermutesBytes))
            return group;
        ref byte y = ref SampleBytes.Of(luma);
        ref byte u = ref SampleBytes.Of(cb);
        ref byte v = ref SampleBytes.Of(cr);
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        ref readonly var lanes = ref Packed422Lanes<TOps, TV>.For(pattern);
        int groups = width / 6;
        for (; group < groups; group += TOps.Lanes)
        {
            int count = Math.Min(TOps.Lanes, groups - group);
            TV lumaLanes = TOps.Min16(TOps.Max16(TOps.LoadSpreadPrefix16(ref Unsafe.Add(ref y, group * 12), 6, 6 * count), low), high);
            TV chromaLanes = TOps.Min16(TOps.Max16(
                TOps.LoadSpreadHalvesPrefix16(ref Unsafe.Add(ref u, group * 6), ref Unsafe.Add(ref v, group * 6), 3, 3 * count), low), high);
            TV packed = lanes.Pack(lumaLanes, chromaLanes);
            if (groupBytes == 16)
                TOps.StorePrefix(packed, ref Unsafe.Add(ref dst, group * 16), 16 * count);
            else
                TOps.StorePrefix(TOps.PermuteBytes(packed, Packed422Lanes<TOps, TV>.CloseUp15), ref Unsafe.Add(ref dst, group * groupBytes), groupBytes * count);
        }
        return groups;
    }
}
