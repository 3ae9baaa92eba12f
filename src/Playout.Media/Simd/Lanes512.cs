using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Playout.Media.Simd;

/// <summary>Four 128-bit lanes in one 512-bit vector: AVX-512BW on x86, software elsewhere.</summary>
internal readonly struct Lanes512 : ILaneOps<Vector512<byte>>
{
    public static int Lanes => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Load(ref byte source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<byte> value, ref byte destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Vector512<byte> value, byte* destination) => value.StoreAlignedNonTemporal(destination);

    // Cross-lane 16-bit permutes (vpermw) for the strides the 4:2:2 kernels use (luma 6, chroma halves 3 or 4); without
    // AVX-512BW the lane-by-lane loads and stores do the same job.
    private static readonly Vector512<ushort> Spread6 = Vector512.Create(LanePermutes.Spread(32, 6, 0));
    private static readonly Vector512<ushort> Spread3 = Vector512.Create(LanePermutes.Spread(32, 3, 16));
    private static readonly Vector512<ushort> Spread4 = Vector512.Create(LanePermutes.Spread(32, 4, 16));
    private static readonly Vector512<ushort> Gather6 = Vector512.Create(LanePermutes.Gather(32, 6, 0, 0));
    private static readonly Vector512<ushort> Gather3 = Vector512.Create(LanePermutes.Gather(32, 3, 4, 16));
    private static readonly Vector512<ushort> Gather4 = Vector512.Create(LanePermutes.Gather(32, 4, 4, 16));

    public static bool PermutesAcrossLanes => Avx512BW.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Permute16(Vector512<byte> first, Vector512<byte> second, Vector512<byte> indices) => Avx512BW.IsSupported
        ? Avx512BW.PermuteVar32x16x2(first.AsUInt16(), indices.AsUInt16(), second.AsUInt16()).AsByte()
        : (Vector512.Shuffle(first.AsUInt16(), indices.AsUInt16())
            | Vector512.Shuffle(second.AsUInt16(), indices.AsUInt16() - Vector512.Create((ushort)32))).AsByte();

    public static bool PermutesBytes => Avx512Vbmi.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> PermuteBytes(Vector512<byte> value, Vector512<byte> indices) => Avx512Vbmi.PermuteVar64x8(value, indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> PermuteBytes2(Vector512<byte> first, Vector512<byte> second, Vector512<byte> indices) =>
        Avx512Vbmi.PermuteVar64x8x2(first, indices, second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> ShiftRightVariable16(Vector512<byte> value, Vector512<byte> counts) =>
        Avx512BW.ShiftRightLogicalVariable(value.AsUInt16(), counts.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> ShiftLeftVariable16(Vector512<byte> value, Vector512<byte> counts) =>
        Avx512BW.ShiftLeftLogicalVariable(value.AsUInt16(), counts.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> LoadHalves(ref byte low, ref byte high) => Join(Vector256.LoadUnsafe(ref low), Vector256.LoadUnsafe(ref high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalves(Vector512<byte> value, ref byte low, ref byte high)
    {
        value.GetLower().StoreUnsafe(ref low);
        value.GetUpper().StoreUnsafe(ref high);
    }

    /// <summary>
    /// Vector512.Create(lower, upper), written as an insert: the JIT compiles Create inside a loop through a stack
    /// slot that each iteration stores and reloads, a chain through memory that costs more than the kernel's work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Join(Vector256<byte> lower, Vector256<byte> upper) => Avx512F.IsSupported
        ? Avx512F.InsertVector256(lower.ToVector512Unsafe(), upper, 1)
        : Vector512.Create(lower, upper);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> JoinLowHalves(Vector512<byte> first, Vector512<byte> second) =>
        Join(first.GetLower(), second.GetLower());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> JoinHighHalves(Vector512<byte> first, Vector512<byte> second) =>
        Join(first.GetUpper(), second.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> LoadSpread16(ref byte source, int stride) => Avx512BW.IsSupported
        ? Vector512.Shuffle(Vector512.LoadUnsafe(ref source).AsUInt16(), Spread6).AsByte()
        : LoadLanes(ref source, 2 * stride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> LoadSpreadHalves16(ref byte low, ref byte high, int stride) => Avx512BW.IsSupported
        ? Vector512.Shuffle(Join(Vector256.LoadUnsafe(ref low), Vector256.LoadUnsafe(ref high)).AsUInt16(), stride == 3 ? Spread3 : Spread4).AsByte()
        : LoadLaneHalves(ref low, ref high, 2 * stride);

    public static bool MasksMemory => Avx512BW.IsSupported && Avx512BW.VL.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<byte> LoadSpreadPrefix16(ref byte source, int stride, int samples)
    {
        fixed (byte* at = &source)
            return Vector512.Shuffle(Avx512BW.MaskLoad((ushort*)at, Prefix16(samples), Vector512<ushort>.Zero), Spread6).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<byte> LoadSpreadHalvesPrefix16(ref byte low, ref byte high, int stride, int samples)
    {
        var prefix = Lanes256.Prefix16(samples);
        fixed (byte* lowAt = &low, highAt = &high)
            return Vector512.Shuffle(Join(Avx512BW.VL.MaskLoad((ushort*)lowAt, prefix, Vector256<ushort>.Zero).AsByte(),
                Avx512BW.VL.MaskLoad((ushort*)highAt, prefix, Vector256<ushort>.Zero).AsByte()).AsUInt16(), stride == 3 ? Spread3 : Spread4).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<byte> LoadPrefix(ref byte source, int bytes)
    {
        fixed (byte* at = &source)
            return Avx512BW.MaskLoad(at, Vector512.LessThan(Vector512<byte>.Indices, Vector512.Create((byte)bytes)), Vector512<byte>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreGatherPrefix16(Vector512<byte> value, ref byte destination, int stride, int samples)
    {
        fixed (byte* at = &destination)
            Avx512BW.MaskStore((ushort*)at, Prefix16(samples), Vector512.Shuffle(value.AsUInt16(), Gather6));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreGatherHalvesPrefix16(Vector512<byte> value, ref byte low, ref byte high, int stride, int samples)
    {
        var gathered = Vector512.Shuffle(value.AsUInt16(), stride == 3 ? Gather3 : Gather4);
        var prefix = Lanes256.Prefix16(samples);
        fixed (byte* lowAt = &low, highAt = &high)
        {
            Avx512BW.VL.MaskStore((ushort*)lowAt, prefix, gathered.GetLower());
            Avx512BW.VL.MaskStore((ushort*)highAt, prefix, gathered.GetUpper());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StorePrefix(Vector512<byte> value, ref byte destination, int bytes)
    {
        fixed (byte* at = &destination)
            Avx512BW.MaskStore(at, Vector512.LessThan(Vector512<byte>.Indices, Vector512.Create((byte)bytes)), value);
    }

    /// <summary>All ones in the first <paramref name="samples"/> 16-bit elements: the mask of a prefix load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> Prefix16(int samples) => Vector512.LessThan(Vector512<ushort>.Indices, Vector512.Create((ushort)samples));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreGather16(Vector512<byte> value, ref byte destination, int stride)
    {
        if (Avx512BW.IsSupported)
            Vector512.Shuffle(value.AsUInt16(), Gather6).StoreUnsafe(ref Unsafe.As<byte, ushort>(ref destination));
        else
            StoreLanes(value, ref destination, 2 * stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreGatherHalves16(Vector512<byte> value, ref byte low, ref byte high, int stride)
    {
        if (Avx512BW.IsSupported)
        {
            var gathered = Vector512.Shuffle(value.AsUInt16(), stride == 3 ? Gather3 : Gather4);
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
    public static Vector512<byte> LoadLanes(ref byte source, nint stride) =>
        Vector512.Create(Lanes256.LoadLanes(ref source, stride), Lanes256.LoadLanes(ref Unsafe.Add(ref source, stride * 2), stride));

    /// <summary>Lane i holds the 8 bytes at low + i·stride, then the 8 bytes at high + i·stride (the lane-by-lane fallback).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> LoadLaneHalves(ref byte low, ref byte high, nint stride) =>
        Vector512.Create(Lanes256.LoadLaneHalves(ref low, ref high, stride),
            Lanes256.LoadLaneHalves(ref Unsafe.Add(ref low, stride * 2), ref Unsafe.Add(ref high, stride * 2), stride));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLanes(Vector512<byte> value, ref byte destination, nint stride)
    {
        Lanes256.StoreLanes(value.GetLower(), ref destination, stride);
        Lanes256.StoreLanes(value.GetUpper(), ref Unsafe.Add(ref destination, stride * 2), stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLaneHalves(Vector512<byte> value, int half, ref byte destination, nint stride)
    {
        Lanes256.StoreLaneHalves(value.GetLower(), half, ref destination, stride);
        Lanes256.StoreLaneHalves(value.GetUpper(), half, ref Unsafe.Add(ref destination, stride * 2), stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLaneQuarters(Vector512<byte> value, int quarter, ref byte destination, nint stride)
    {
        Lanes256.StoreLaneQuarters(value.GetLower(), quarter, ref destination, stride);
        Lanes256.StoreLaneQuarters(value.GetUpper(), quarter, ref Unsafe.Add(ref destination, stride * 2), stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Broadcast(Vector128<byte> lane) => Vector512.Create(Lanes256.Broadcast(lane));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Shuffle(Vector512<byte> value, Vector512<byte> indices) =>
        Avx512BW.IsSupported ? Avx512BW.Shuffle(value, indices) : Vector512.Shuffle(value, indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Or(Vector512<byte> left, Vector512<byte> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> And(Vector512<byte> left, Vector512<byte> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsAll(Vector512<byte> left, Vector512<byte> right) => Vector512.EqualsAll(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Add16(Vector512<byte> left, Vector512<byte> right) => (left.AsUInt16() + right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Subtract16(Vector512<byte> left, Vector512<byte> right) => (left.AsUInt16() - right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> MultiplyLow16(Vector512<byte> left, Vector512<byte> right) => (left.AsUInt16() * right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> MultiplyHighRound16(Vector512<byte> left, Vector512<byte> right)
    {
        if (Avx512BW.IsSupported)
            return Avx512BW.MultiplyHighRoundScale(left.AsInt16(), right.AsInt16()).AsByte();
        return Vector512.Create(Lanes256.MultiplyHighRound16(left.GetLower(), right.GetLower()),
            Lanes256.MultiplyHighRound16(left.GetUpper(), right.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Average16(Vector512<byte> left, Vector512<byte> right)
    {
        if (Avx512BW.IsSupported)
            return Avx512BW.Average(left.AsUInt16(), right.AsUInt16()).AsByte();
        Vector512<ushort> l = left.AsUInt16(), r = right.AsUInt16();
        return ((l >>> 1) + (r >>> 1) + ((l | r) & Vector512<ushort>.One)).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> SubtractSaturate16(Vector512<byte> left, Vector512<byte> right)
    {
        if (Avx512BW.IsSupported)
            return Avx512BW.SubtractSaturate(left.AsUInt16(), right.AsUInt16()).AsByte();
        return (Vector512.Max(left.AsUInt16(), right.AsUInt16()) - right.AsUInt16()).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Min16(Vector512<byte> left, Vector512<byte> right) => Vector512.Min(left.AsUInt16(), right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Max16(Vector512<byte> left, Vector512<byte> right) => Vector512.Max(left.AsUInt16(), right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> ShiftLeft16(Vector512<byte> value, int count) => (value.AsUInt16() << count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> ShiftRight16(Vector512<byte> value, int count) => (value.AsUInt16() >>> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Add32(Vector512<byte> left, Vector512<byte> right) => (left.AsInt32() + right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> MultiplyLow32(Vector512<byte> left, Vector512<byte> right) => (left.AsInt32() * right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Min32(Vector512<byte> left, Vector512<byte> right) => Vector512.Min(left.AsInt32(), right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> ShiftLeft32(Vector512<byte> value, int count) => (value.AsInt32() << count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> ShiftRight32(Vector512<byte> value, int count) => (value.AsUInt32() >>> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> ShiftRightArithmetic32(Vector512<byte> value, int count) => (value.AsInt32() >> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Narrow32(Vector512<byte> left, Vector512<byte> right) =>
        Vector512.Narrow(left.AsUInt32(), right.AsUInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> SwapPairs32(Vector512<byte> value) => Avx512F.IsSupported
        ? Avx512F.RotateRight(value.AsUInt64(), 32).AsByte()
        : Vector512.Shuffle(value.AsInt32(), Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14)).AsByte();
}
