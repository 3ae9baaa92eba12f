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
        Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width) => path switch
    {
        SimdPath.Vector128 => Unpack<Lanes128, System.Runtime.Intrinsics.Vector128<byte>>(pattern, source, luma, cb, cr, width),
        SimdPath.Vector256 => Unpack<Lanes256, System.Runtime.Intrinsics.Vector256<byte>>(pattern, source, luma, cb, cr, width),
        SimdPath.Vector512 => Unpack<Lanes512, System.Runtime.Intrinsics.Vector512<byte>>(pattern, source, luma, cb, cr, width),
        _ => 0,
    };

    /// <summary>Packs as many leading groups as the vector path may, clamping samples to [min, max]; returns how many it did.</summary>
    public static int Pack(Packed422Pattern pattern, SimdPath path, ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb,
        ReadOnlySpan<ushort> cr, Span<byte> destination, int width, ushort min, ushort max) => path switch
    {
        SimdPath.Vector128 => Pack<Lanes128, System.Runtime.Intrinsics.Vector128<byte>>(pattern, luma, cb, cr, destination, width, min, max),
        SimdPath.Vector256 => Pack<Lanes256, System.Runtime.Intrinsics.Vector256<byte>>(pattern, luma, cb, cr, destination, width, min, max),
        SimdPath.Vector512 => Pack<Lanes512, System.Runtime.Intrinsics.Vector512<byte>>(pattern, luma, cb, cr, destination, width, min, max),
        _ => 0,
    };

    private static int Unpack<TOps, TV>(Packed422Pattern pattern, ReadOnlySpan<byte> source,
        Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width)
        where TOps : ILaneOps<TV> where TV : struct
    {
        var lanes = new Packed422Lanes<TOps, TV>(pattern);
        int step = TOps.Lanes, groupBytes = pattern.GroupBytes;
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte y = ref AsBytes(luma);
        ref byte u = ref AsBytes(cb);
        ref byte v = ref AsBytes(cr);
        int group = 0;
        for (; 6 * group + 8 * step <= width; group += step)
        {
            ref byte packed = ref Unsafe.Add(ref src, group * groupBytes);
            lanes.Unpack(groupBytes == 16 ? TOps.Load(ref packed) : TOps.LoadLanes(ref packed, groupBytes), out var lumaLanes, out var chromaLanes);
            TOps.StoreGather16(lumaLanes, ref Unsafe.Add(ref y, group * 12), 6);
            TOps.StoreGatherHalves16(chromaLanes, ref Unsafe.Add(ref u, group * 6), ref Unsafe.Add(ref v, group * 6), 3);
        }
        return group;
    }

    private static unsafe int Pack<TOps, TV>(Packed422Pattern pattern, ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb,
        ReadOnlySpan<ushort> cr, Span<byte> destination, int width, ushort min, ushort max)
        where TOps : ILaneOps<TV> where TV : struct
    {
        var lanes = new Packed422Lanes<TOps, TV>(pattern);
        TV low = LaneShuffle.Splat16<TOps, TV>(min), high = LaneShuffle.Splat16<TOps, TV>(max);
        int step = TOps.Lanes, groupBytes = pattern.GroupBytes;
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        ref byte y = ref AsBytes(luma);
        ref byte u = ref AsBytes(cb);
        ref byte v = ref AsBytes(cr);
        int group = 0;
        fixed (byte* pinned = destination)
        {
            var output = new StreamingOutput<TOps, TV>(pinned);
            for (; 6 * group + 8 * step <= width; group += step)
            {
                TV lumaLanes = TOps.Min16(TOps.Max16(TOps.LoadSpread16(ref Unsafe.Add(ref y, group * 12), 6), low), high);
                TV chromaLanes = TOps.Min16(TOps.Max16(
                    TOps.LoadSpreadHalves16(ref Unsafe.Add(ref u, group * 6), ref Unsafe.Add(ref v, group * 6), 3), low), high);
                TV packed = lanes.Pack(lumaLanes, chromaLanes);
                if (groupBytes == 16)
                    output.Store(packed, group * 16);
                else
                    TOps.StoreLanes(packed, ref Unsafe.Add(ref dst, group * groupBytes), groupBytes);
            }
            output.Complete();
        }
        return group;
    }

    internal static ref byte AsBytes(ReadOnlySpan<ushort> samples) =>
        ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetReference(samples));
}
