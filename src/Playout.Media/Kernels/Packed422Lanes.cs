using System.Runtime.CompilerServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>A <see cref="Packed422Pattern"/> expanded to vectors of one width: the per-lane core of every packed 4:2:2 kernel.</summary>
internal readonly struct Packed422Lanes<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    /// <summary>The two layouts, expanded once per vector width.</summary>
    public static readonly Packed422Lanes<TOps, TV> V210 = new(Packed422Pattern.V210);
    public static readonly Packed422Lanes<TOps, TV> St2110 = new(Packed422Pattern.St2110);

    /// <summary>
    /// Byte permute (<see cref="ILaneOps{TV}.PermuteBytes"/>) that closes up the 15-byte pgroups packed one per 16-byte lane
    /// into 15·Lanes contiguous bytes, so they leave in one store.
    /// </summary>
    public static readonly TV CloseUp15 = CloseUp(15);

    /// <summary>The inverse of <see cref="CloseUp15"/>: lane i takes the 16 bytes from 15·i on (its pgroup and one byte of the next).</summary>
    public static readonly TV Spread15 = Spread(15);

    private readonly TV _unpackLuma, _unpackLumaScale, _unpackChroma, _unpackChromaScale;
    private readonly TV _packLuma, _packLumaScale, _packChroma, _packChromaScale;

    private Packed422Lanes(Packed422Pattern pattern)
    {
        _unpackLuma = LaneShuffle.Indices<TOps, TV>(pattern.UnpackLuma);
        _unpackLumaScale = LaneShuffle.Constant16<TOps, TV>(pattern.UnpackLumaScale);
        _unpackChroma = LaneShuffle.Indices<TOps, TV>(pattern.UnpackChroma);
        _unpackChromaScale = LaneShuffle.Constant16<TOps, TV>(pattern.UnpackChromaScale);
        _packLuma = LaneShuffle.Indices<TOps, TV>(pattern.PackLuma);
        _packLumaScale = LaneShuffle.Constant16<TOps, TV>(pattern.PackLumaScale);
        _packChroma = LaneShuffle.Indices<TOps, TV>(pattern.PackChroma);
        _packChromaScale = LaneShuffle.Constant16<TOps, TV>(pattern.PackChromaScale);
    }

    private static TV CloseUp(int groupBytes)
    {
        Span<byte> indices = stackalloc byte[16 * TOps.Lanes];
        for (int k = 0; k < indices.Length; k++)
            indices[k] = (byte)(k < groupBytes * TOps.Lanes ? 16 * (k / groupBytes) + k % groupBytes : 15);
        return TOps.LoadLanes(ref indices[0], 16);
    }

    private static TV Spread(int groupBytes)
    {
        Span<byte> indices = stackalloc byte[16 * TOps.Lanes];
        for (int k = 0; k < indices.Length; k++)
            indices[k] = (byte)(groupBytes * (k / 16) + k % 16);
        return TOps.LoadLanes(ref indices[0], 16);
    }

    public static ref readonly Packed422Lanes<TOps, TV> For(Packed422Pattern pattern) => ref pattern == Packed422Pattern.V210 ? ref V210 : ref St2110;

    /// <summary>One group per lane → luma (elements 0..5) and chroma (Cb 0..2, Cr 4..6), unused elements zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Unpack(TV packed, out TV luma, out TV chroma)
    {
        luma = TOps.ShiftRight16(TOps.MultiplyLow16(TOps.Shuffle(packed, _unpackLuma), _unpackLumaScale), 6);
        chroma = TOps.ShiftRight16(TOps.MultiplyLow16(TOps.Shuffle(packed, _unpackChroma), _unpackChromaScale), 6);
    }

    /// <summary>The inverse of <see cref="Unpack"/>; samples must already be within 10 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Pack(TV luma, TV chroma) =>
        TOps.Or(TOps.Shuffle(TOps.MultiplyLow16(luma, _packLumaScale), _packLuma),
            TOps.Shuffle(TOps.MultiplyLow16(chroma, _packChromaScale), _packChroma));
}
