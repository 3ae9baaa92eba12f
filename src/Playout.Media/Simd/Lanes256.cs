using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Playout.Media.Simd;

/// <summary>Two 128-bit lanes in one 256-bit vector: AVX2 on x86, software elsewhere.</summary>
internal readonly struct Lanes256 : ILaneOps<Vector256<byte>>
{
    public static int Lanes => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Load(ref byte source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<byte> value, ref byte destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Vector256<byte> value, byte* destination) => value.StoreAlignedNonTemporal(destination);

    // Cross-lane 16-bit permutes (vpermw) for the strides the 4:2:2 kernels use (luma 6, chroma halves 3 or 4); without
    // AVX-512BW/VL the lane-by-lane loads and stores do the same job.
    private static readonly Vector256<ushort> Spread6 = Vector256.Create(LanePermutes.Spread(16, 6, 0));
    private static readonly Vector256<ushort> Spread3 = Vector256.Create(LanePermutes.Spread(16, 3, 8));
    private static readonly Vector256<ushort> Spread4 = Vector256.Create(LanePermutes.Spread(16, 4, 8));
    private static readonly Vector256<ushort> Gather6 = Vector256.Create(LanePermutes.Gather(16, 6, 0, 0));
    private static readonly Vector256<ushort> Gather3 = Vector256.Create(LanePermutes.Gather(16, 3, 4, 8));
    private static readonly Vector256<ushort> Gather4 = Vector256.Create(LanePermutes.Gather(16, 4, 4, 8));

    public static bool PermutesAcrossLanes => Avx512BW.VL.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Permute16(Vector256<byte> first, Vector256<byte> second, Vector256<byte> indices) => Avx512BW.VL.IsSupported
        ? Avx512BW.VL.PermuteVar16x16x2(first.AsUInt16(), indices.AsUInt16(), second.AsUInt16()).AsByte()
        : (Vector256.Shuffle(first.AsUInt16(), indices.AsUInt16())
            | Vector256.Shuffle(second.AsUInt16(), indices.AsUInt16() - Vector256.Create((ushort)16))).AsByte();

    public static bool PermutesBytes => Avx512Vbmi.VL.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> PermuteBytes(Vector256<byte> value, Vector256<byte> indices) => Avx512Vbmi.VL.PermuteVar32x8(value, indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> PermuteBytes2(Vector256<byte> first, Vector256<byte> second, Vector256<byte> indices) =>
        Avx512Vbmi.VL.PermuteVar32x8x2(first, indices, second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> ShiftRightVariable16(Vector256<byte> value, Vector256<byte> counts) =>
        Avx512BW.VL.ShiftRightLogicalVariable(value.AsUInt16(), counts.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> ShiftLeftVariable16(Vector256<byte> value, Vector256<byte> counts) =>
        Avx512BW.VL.ShiftLeftLogicalVariable(value.AsUInt16(), counts.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> LoadHalves(ref byte low, ref byte high) => Vector256.Create(Vector128.LoadUnsafe(ref low), Vector128.LoadUnsafe(ref high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalves(Vector256<byte> value, ref byte low, ref byte high)
    {
        value.GetLower().StoreUnsafe(ref low);
        value.GetUpper().StoreUnsafe(ref high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> JoinLowHalves(Vector256<byte> first, Vector256<byte> second) =>
        Vector256.Create(first.GetLower(), second.GetLower());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> JoinHighHalves(Vector256<byte> first, Vector256<byte> second) =>
        Vector256.Create(first.GetUpper(), second.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> LoadSpread16(ref byte source, int stride) => Avx512BW.VL.IsSupported
        ? Vector256.Shuffle(Vector256.LoadUnsafe(ref source).AsUInt16(), Spread6).AsByte()
        : LoadLanes(ref source, 2 * stride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> LoadSpreadHalves16(ref byte low, ref byte high, int stride) => Avx512BW.VL.IsSupported
        ? Vector256.Shuffle(Vector256.Create(Vector128.LoadUnsafe(ref low), Vector128.LoadUnsafe(ref high)).AsUInt16(), stride == 3 ? Spread3 : Spread4).AsByte()
        : LoadLaneHalves(ref low, ref high, 2 * stride);

    public static bool MasksMemory => Avx512BW.VL.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<byte> LoadSpreadPrefix16(ref byte source, int stride, int samples)
    {
        fixed (byte* at = &source)
            return Vector256.Shuffle(Avx512BW.VL.MaskLoad((ushort*)at, Prefix16(samples), Vector256<ushort>.Zero), Spread6).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<byte> LoadSpreadHalvesPrefix16(ref byte low, ref byte high, int stride, int samples)
    {
        var prefix = Lanes128.Prefix16(samples);
        fixed (byte* lowAt = &low, highAt = &high)
            return Vector256.Shuffle(Vector256.Create(Avx512BW.VL.MaskLoad((ushort*)lowAt, prefix, Vector128<ushort>.Zero),
                Avx512BW.VL.MaskLoad((ushort*)highAt, prefix, Vector128<ushort>.Zero)), stride == 3 ? Spread3 : Spread4).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<byte> LoadPrefix(ref byte source, int bytes)
    {
        fixed (byte* at = &source)
            return Avx512BW.VL.MaskLoad(at, Vector256.LessThan(Vector256<byte>.Indices, Vector256.Create((byte)bytes)), Vector256<byte>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreGatherPrefix16(Vector256<byte> value, ref byte destination, int stride, int samples)
    {
        fixed (byte* at = &destination)
            Avx512BW.VL.MaskStore((ushort*)at, Prefix16(samples), Vector256.Shuffle(value.AsUInt16(), Gather6));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreGatherHalvesPrefix16(Vector256<byte> value, ref byte low, ref byte high, int stride, int samples)
    {
        var gathered = Vector256.Shuffle(value.AsUInt16(), stride == 3 ? Gather3 : Gather4);
        var prefix = Lanes128.Prefix16(samples);
        fixed (byte* lowAt = &low, highAt = &high)
        {
            Avx512BW.VL.MaskStore((ushort*)lowAt, prefix, gathered.GetLower());
            Avx512BW.VL.MaskStore((ushort*)highAt, prefix, gathered.GetUpper());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StorePrefix(Vector256<byte> value, ref byte destination, int bytes)
    {
        fixed (byte* at = &destination)
            Avx512BW.VL.MaskStore(at, Vector256.LessThan(Vector256<byte>.Indices, Vector256.Create((byte)bytes)), value);
    }

    /// <summary>All ones in the first <paramref name="samples"/> 16-bit elements: the mask of a prefix load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ushort> Prefix16(int samples) => Vector256.LessThan(Vector256<ushort>.Indices, Vector256.Create((ushort)samples));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreGather16(Vector256<byte> value, ref byte destination, int stride)
    {
        if (Avx512BW.VL.IsSupported)
            Vector256.Shuffle(value.AsUInt16(), Gather6).StoreUnsafe(ref Unsafe.As<byte, ushort>(ref destination));
        else
            StoreLanes(value, ref destination, 2 * stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreGatherHalves16(Vector256<byte> value, ref byte low, ref byte high, int stride)
    {
        if (Avx512BW.VL.IsSupported)
        {
            var gathered = Vector256.Shuffle(value.AsUInt16(), stride == 3 ? Gather3 : Gather4);
            gathered.GetLower().StoreUnsafe(ref Unsafe.As<byte, ushort>(ref low));
            gathered.GetUpper().StoreUnsafe(ref Unsafe.As<byte, ushort>(ref high));
        }
        else
        {
            StoreLaneHalves(value, 0, ref low, 2 * stride);
            StoreLaneHalves(value, 1, ref high, 2 * stride);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> LoadLanes(ref byte source, nint stride) =>
        Vector256.Create(Lanes128.LoadLanes(ref source, stride), Lanes128.LoadLanes(ref Unsafe.Add(ref source, stride * 1), stride));

    /// <summary>Lane i holds the 8 bytes at low + i·stride, then the 8 bytes at high + i·stride (the lane-by-lane fallback).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> LoadLaneHalves(ref byte low, ref byte high, nint stride) =>
        Vector256.Create(Lanes128.LoadLaneHalves(ref low, ref high, stride),
            Lanes128.LoadLaneHalves(ref Unsafe.Add(ref low, stride * 1), ref Unsafe.Add(ref high, stride * 1), stride));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLanes(Vector256<byte> value, ref byte destination, nint stride)
    {
        Lanes128.StoreLanes(value.GetLower(), ref destination, stride);
        Lanes128.StoreLanes(value.GetUpper(), ref Unsafe.Add(ref destination, stride * 1), stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLaneHalves(Vector256<byte> value, int half, ref byte destination, nint stride)
    {
        Lanes128.StoreLaneHalves(value.GetLower(), half, ref destination, stride);
        Lanes128.StoreLaneHalves(value.GetUpper(), half, ref Unsafe.Add(ref destination, stride * 1), stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLaneQuarters(Vector256<byte> value, int quarter, ref byte destination, nint stride)
    {
        Lanes128.StoreLaneQuarters(value.GetLower(), quarter, ref destination, stride);
        Lanes128.StoreLaneQuarters(value.GetUpper(), quarter, ref Unsafe.Add(ref destination, stride * 1), stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Broadcast(Vector128<byte> lane) => Vector256.Create(Lanes128.Broadcast(lane));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Shuffle(Vector256<byte> value, Vector256<byte> indices) =>
        Avx2.IsSupported ? Avx2.Shuffle(value, indices) : Vector256.Shuffle(value, indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Or(Vector256<byte> left, Vector256<byte> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> And(Vector256<byte> left, Vector256<byte> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsAll(Vector256<byte> left, Vector256<byte> right) => Vector256.EqualsAll(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Add16(Vector256<byte> left, Vector256<byte> right) => (left.AsUInt16() + right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Subtract16(Vector256<byte> left, Vector256<byte> right) => (left.AsUInt16() - right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> MultiplyLow16(Vector256<byte> left, Vector256<byte> right) => (left.AsUInt16() * right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> MultiplyHighRound16(Vector256<byte> left, Vector256<byte> right)
    {
        if (Avx2.IsSupported)
            return Avx2.MultiplyHighRoundScale(left.AsInt16(), right.AsInt16()).AsByte();
        return Vector256.Create(Lanes128.MultiplyHighRound16(left.GetLower(), right.GetLower()),
            Lanes128.MultiplyHighRound16(left.GetUpper(), right.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Average16(Vector256<byte> left, Vector256<byte> right)
    {
        if (Avx2.IsSupported)
            return Avx2.Average(left.AsUInt16(), right.AsUInt16()).AsByte();
        Vector256<ushort> l = left.AsUInt16(), r = right.AsUInt16();
        return ((l >>> 1) + (r >>> 1) + ((l | r) & Vector256<ushort>.One)).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> SubtractSaturate16(Vector256<byte> left, Vector256<byte> right)
    {
        if (Avx2.IsSupported)
            return Avx2.SubtractSaturate(left.AsUInt16(), right.AsUInt16()).AsByte();
        return (Vector256.Max(left.AsUInt16(), right.AsUInt16()) - right.AsUInt16()).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Min16(Vector256<byte> left, Vector256<byte> right) => Vector256.Min(left.AsUInt16(), right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Max16(Vector256<byte> left, Vector256<byte> right) => Vector256.Max(left.AsUInt16(), right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> ShiftLeft16(Vector256<byte> value, int count) => (value.AsUInt16() << count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> ShiftRight16(Vector256<byte> value, int count) => (value.AsUInt16() >>> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Add32(Vector256<byte> left, Vector256<byte> right) => (left.AsInt32() + right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> MultiplyLow32(Vector256<byte> left, Vector256<byte> right) => (left.AsInt32() * right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Min32(Vector256<byte> left, Vector256<byte> right) => Vector256.Min(left.AsInt32(), right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> ShiftLeft32(Vector256<byte> value, int count) => (value.AsInt32() << count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> ShiftRight32(Vector256<byte> value, int count) => (value.AsUInt32() >>> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> ShiftRightArithmetic32(Vector256<byte> value, int count) => (value.AsInt32() >> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Narrow32(Vector256<byte> left, Vector256<byte> right) =>
        Vector256.Narrow(left.AsUInt32(), right.AsUInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> SwapPairs32(Vector256<byte> value) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateRight(value.AsUInt64(), 32).AsByte()
            : Avx2.IsSupported ? Avx2.Shuffle(value.AsInt32(), 0b10_11_00_01).AsByte()
            : Vector256.Shuffle(value.AsInt32(), Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6)).AsByte();
}
