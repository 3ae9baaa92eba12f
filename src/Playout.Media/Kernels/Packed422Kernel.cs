using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// The vector loops shared by v210 and ST 2110 pgroups: whole 6-pixel groups, one per 128-bit lane.
/// Stores are 16 bytes per lane and may spill a little past the group they finish, so a loop stops
/// while the spill still lands inside the line (6·(groups)+2 ≤ width); the scalar reference finishes.
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
        for (; 6 * (group + step) + 2 <= width; group += step)
        {
            lanes.Unpack(TOps.LoadLanes(ref Unsafe.Add(ref src, group * groupBytes), groupBytes), out var lumaLanes, out var chromaLanes);
            TOps.StoreLanes(lumaLanes, ref Unsafe.Add(ref y, group * 12), 12);
            TOps.StoreLaneHalves(chromaLanes, 0, ref Unsafe.Add(ref u, group * 6), 6);
            TOps.StoreLaneHalves(chromaLanes, 1, ref Unsafe.Add(ref v, group * 6), 6);
        }
        return group;
    }

    private static int Pack<TOps, TV>(Packed422Pattern pattern, ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb,
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
        for (; 6 * (group + step) + 2 <= width; group += step)
        {
            TV lumaLanes = TOps.Min16(TOps.Max16(TOps.LoadLanes(ref Unsafe.Add(ref y, group * 12), 12), low), high);
            TV chromaLanes = TOps.Min16(TOps.Max16(
                TOps.LoadLaneHalves(ref Unsafe.Add(ref u, group * 6), ref Unsafe.Add(ref v, group * 6), 6), low), high);
            TOps.StoreLanes(lanes.Pack(lumaLanes, chromaLanes), ref Unsafe.Add(ref dst, group * groupBytes), groupBytes);
        }
        return group;
    }

    internal static ref byte AsBytes(ReadOnlySpan<ushort> samples) =>
        ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetReference(samples));
}
