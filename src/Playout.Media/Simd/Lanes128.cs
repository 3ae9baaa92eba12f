using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Playout.Media.Simd;

/// <summary>One 128-bit lane: SSSE3/SSE4.1 on x86, NEON on Arm, software elsewhere.</summary>
internal readonly struct Lanes128 : ILaneOps<Vector128<byte>>
{
    public static int Lanes => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Load(ref byte source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<byte> value, ref byte destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Vector128<byte> value, byte* destination) => value.StoreAlignedNonTemporal(destination);

    public static bool PermutesAcrossLanes => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Permute16(Vector128<byte> first, Vector128<byte> second, Vector128<byte> indices) =>
        (Vector128.Shuffle(first.AsUInt16(), indices.AsUInt16())
            | Vector128.Shuffle(second.AsUInt16(), indices.AsUInt16() - Vector128.Create((ushort)8))).AsByte();

    public static bool PermutesBytes => Avx512Vbmi.VL.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> PermuteBytes(Vector128<byte> value, Vector128<byte> indices) => Avx512Vbmi.VL.PermuteVar16x8(value, indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> PermuteBytes2(Vector128<byte> first, Vector128<byte> second, Vector128<byte> indices) =>
        Avx512Vbmi.VL.PermuteVar16x8x2(first, indices, second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> ShiftRightVariable16(Vector128<byte> value, Vector128<byte> counts) =>
        Avx512BW.VL.ShiftRightLogicalVariable(value.AsUInt16(), counts.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> ShiftLeftVariable16(Vector128<byte> value, Vector128<byte> counts) =>
        Avx512BW.VL.ShiftLeftLogicalVariable(value.AsUInt16(), counts.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> LoadHalves(ref byte low, ref byte high) => LoadLaneHalves(ref low, ref high, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalves(Vector128<byte> value, ref byte low, ref byte high)
    {
        StoreLaneHalves(value, 0, ref low, 0);
        StoreLaneHalves(value, 1, ref high, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> JoinLowHalves(Vector128<byte> first, Vector128<byte> second) =>
        Vector128.Create(first.AsUInt64().GetElement(0), second.AsUInt64().GetElement(0)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> JoinHighHalves(Vector128<byte> first, Vector128<byte> second) =>
        Vector128.Create(first.AsUInt64().GetElement(1), second.AsUInt64().GetElement(1)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> LoadSpread16(ref byte source, int stride) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> LoadSpreadHalves16(ref byte low, ref byte high, int stride) => LoadLaneHalves(ref low, ref high, 0);

    public static bool MasksMemory => Avx512BW.VL.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector128<byte> LoadSpreadPrefix16(ref byte source, int stride, int samples)
    {
        fixed (byte* at = &source)
            return Avx512BW.VL.MaskLoad((ushort*)at, Prefix16(samples), Vector128<ushort>.Zero).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector128<byte> LoadSpreadHalvesPrefix16(ref byte low, ref byte high, int stride, int samples)
    {
        var prefix = Prefix16(samples);
        fixed (byte* lowAt = &low, highAt = &high)
            return Sse2.UnpackLow(Avx512BW.VL.MaskLoad((ushort*)lowAt, prefix, Vector128<ushort>.Zero).AsUInt64(),
                Avx512BW.VL.MaskLoad((ushort*)highAt, prefix, Vector128<ushort>.Zero).AsUInt64()).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector128<byte> LoadPrefix(ref byte source, int bytes)
    {
        fixed (byte* at = &source)
            return Avx512BW.VL.MaskLoad(at, Vector128.LessThan(Vector128<byte>.Indices, Vector128.Create((byte)bytes)), Vector128<byte>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreGatherPrefix16(Vector128<byte> value, ref byte destination, int stride, int samples)
    {
        fixed (byte* at = &destination)
            Avx512BW.VL.MaskStore((ushort*)at, Prefix16(samples), value.AsUInt16());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreGatherHalvesPrefix16(Vector128<byte> value, ref byte low, ref byte high, int stride, int samples)
    {
        var prefix = Prefix16(samples);
        fixed (byte* lowAt = &low, highAt = &high)
        {
            Avx512BW.VL.MaskStore((ushort*)lowAt, prefix, value.AsUInt16());
            Avx512BW.VL.MaskStore((ushort*)highAt, prefix, Sse2.UnpackHigh(value.AsUInt64(), value.AsUInt64()).AsUInt16());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StorePrefix(Vector128<byte> value, ref byte destination, int bytes)
    {
        fixed (byte* at = &destination)
            Avx512BW.VL.MaskStore(at, Vector128.LessThan(Vector128<byte>.Indices, Vector128.Create((byte)bytes)), value);
    }

    /// <summary>All ones in the first <paramref name="samples"/> 16-bit elements: the mask of a prefix load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<ushort> Prefix16(int samples) => Vector128.LessThan(Vector128<ushort>.Indices, Vector128.Create((ushort)samples));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreGather16(Vector128<byte> value, ref byte destination, int stride) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreGatherHalves16(Vector128<byte> value, ref byte low, ref byte high, int stride)
    {
        StoreLaneHalves(value, 0, ref low, 0);
        StoreLaneHalves(value, 1, ref high, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> LoadLanes(ref byte source, nint stride) => Vector128.LoadUnsafe(ref source);

    /// <summary>Lane i holds the 8 bytes at low + i·stride, then the 8 bytes at high + i·stride (the lane-by-lane fallback).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> LoadLaneHalves(ref byte low, ref byte high, nint stride) =>
        Vector128.Create(Unsafe.ReadUnaligned<ulong>(ref low), Unsafe.ReadUnaligned<ulong>(ref high)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLanes(Vector128<byte> value, ref byte destination, nint stride) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLaneHalves(Vector128<byte> value, int half, ref byte destination, nint stride) =>
        Unsafe.WriteUnaligned(ref destination, value.AsUInt64().GetElement(half));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLaneQuarters(Vector128<byte> value, int quarter, ref byte destination, nint stride) =>
        Unsafe.WriteUnaligned(ref destination, value.AsUInt32().GetElement(quarter));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Broadcast(Vector128<byte> lane) => lane;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Shuffle(Vector128<byte> value, Vector128<byte> indices) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(value, indices) : Vector128.Shuffle(value, indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Or(Vector128<byte> left, Vector128<byte> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> And(Vector128<byte> left, Vector128<byte> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsAll(Vector128<byte> left, Vector128<byte> right) => Vector128.EqualsAll(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Add16(Vector128<byte> left, Vector128<byte> right) => (left.AsUInt16() + right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Subtract16(Vector128<byte> left, Vector128<byte> right) => (left.AsUInt16() - right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> MultiplyLow16(Vector128<byte> left, Vector128<byte> right) => (left.AsUInt16() * right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> MultiplyHighRound16(Vector128<byte> left, Vector128<byte> right)
    {
        if (Ssse3.IsSupported)
            return Ssse3.MultiplyHighRoundScale(left.AsInt16(), right.AsInt16()).AsByte();
        var (left0, left1) = Vector128.Widen(left.AsInt16());
        var (right0, right1) = Vector128.Widen(right.AsInt16());
        var round = Vector128.Create(1 << 14);
        return Vector128.Narrow((left0 * right0 + round) >> 15, (left1 * right1 + round) >> 15).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Average16(Vector128<byte> left, Vector128<byte> right)
    {
        if (Sse2.IsSupported)
            return Sse2.Average(left.AsUInt16(), right.AsUInt16()).AsByte();
        Vector128<ushort> l = left.AsUInt16(), r = right.AsUInt16();
        return ((l >>> 1) + (r >>> 1) + ((l | r) & Vector128<ushort>.One)).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> SubtractSaturate16(Vector128<byte> left, Vector128<byte> right)
    {
        if (Sse2.IsSupported)
            return Sse2.SubtractSaturate(left.AsUInt16(), right.AsUInt16()).AsByte();
        return (Vector128.Max(left.AsUInt16(), right.AsUInt16()) - right.AsUInt16()).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Min16(Vector128<byte> left, Vector128<byte> right) => Vector128.Min(left.AsUInt16(), right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Max16(Vector128<byte> left, Vector128<byte> right) => Vector128.Max(left.AsUInt16(), right.AsUInt16()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> ShiftLeft16(Vector128<byte> value, int count) => (value.AsUInt16() << count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> ShiftRight16(Vector128<byte> value, int count) => (value.AsUInt16() >>> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Add32(Vector128<byte> left, Vector128<byte> right) => (left.AsInt32() + right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> MultiplyLow32(Vector128<byte> left, Vector128<byte> right) => (left.AsInt32() * right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Min32(Vector128<byte> left, Vector128<byte> right) => Vector128.Min(left.AsInt32(), right.AsInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> ShiftLeft32(Vector128<byte> value, int count) => (value.AsInt32() << count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> ShiftRight32(Vector128<byte> value, int count) => (value.AsUInt32() >>> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> ShiftRightArithmetic32(Vector128<byte> value, int count) => (value.AsInt32() >> count).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Narrow32(Vector128<byte> left, Vector128<byte> right) =>
        Vector128.Narrow(left.AsUInt32(), right.AsUInt32()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> SwapPairs32(Vector128<byte> value) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateRight(value.AsUInt64(), 32).AsByte()
            : Sse2.IsSupported ? Sse2.Shuffle(value.AsInt32(), 0b10_11_00_01).AsByte()
            : Vector128.Shuffle(value.AsInt32(), Vector128.Create(1, 0, 3, 2)).AsByte();
}
