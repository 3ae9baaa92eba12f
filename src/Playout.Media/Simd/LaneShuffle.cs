using System.Runtime.Intrinsics;

namespace Playout.Media.Simd;

/// <summary>Builds the index vector for <see cref="ILaneOps{TV}.Shuffle"/> from one lane's pattern.</summary>
internal static class LaneShuffle
{
    /// <summary>Marks a destination byte that must be zero.</summary>
    public const byte Zero = 0x80;

    /// <summary>
    /// Lane i gets the pattern with 16·i added to every real index. x86's in-lane byte shuffle reads
    /// only the low four bits and zeroes on bit 7; the portable whole-vector shuffle reads the full
    /// index and zeroes out-of-range ones. Both then pick the same bytes.
    /// </summary>
    public static TV Indices<TOps, TV>(ReadOnlySpan<byte> pattern)
        where TOps : ILaneOps<TV> where TV : struct
    {
        Span<byte> lanes = stackalloc byte[16 * TOps.Lanes];
        for (int lane = 0; lane < TOps.Lanes; lane++)
            for (int i = 0; i < 16; i++)
                lanes[lane * 16 + i] = pattern[i] >= Zero ? Zero : (byte)(pattern[i] + 16 * lane);
        return TOps.LoadLanes(ref lanes[0], 16);
    }

    /// <summary>A constant of eight 16-bit values repeated in every lane.</summary>
    public static TV Constant16<TOps, TV>(ReadOnlySpan<ushort> values)
        where TOps : ILaneOps<TV> where TV : struct =>
        TOps.Broadcast(Vector128.Create(values).AsByte());

    /// <summary>A constant of four 32-bit values repeated in every lane.</summary>
    public static TV Constant32<TOps, TV>(ReadOnlySpan<int> values)
        where TOps : ILaneOps<TV> where TV : struct =>
        TOps.Broadcast(Vector128.Create(values).AsByte());

    /// <summary>A constant whose 16-bit element e, counted across the whole vector (8·Lanes of them), is <paramref name="element"/>(e): per-element shifts and word indices built once.</summary>
    public static TV Elements16<TOps, TV>(Func<int, int> element) where TOps : ILaneOps<TV> where TV : struct
    {
        Span<ushort> values = stackalloc ushort[8 * TOps.Lanes];
        for (int e = 0; e < values.Length; e++)
            values[e] = (ushort)element(e);
        return TOps.LoadLanes(ref System.Runtime.InteropServices.MemoryMarshal.AsBytes(values)[0], 16);
    }

    public static TV Splat16<TOps, TV>(ushort value) where TOps : ILaneOps<TV> where TV : struct =>
        TOps.Broadcast(Vector128.Create(value).AsByte());

    public static TV Splat32<TOps, TV>(int value) where TOps : ILaneOps<TV> where TV : struct =>
        TOps.Broadcast(Vector128.Create(value).AsByte());
}
