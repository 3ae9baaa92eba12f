using System.Runtime.CompilerServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>A <see cref="Packed422Pattern"/> expanded to vectors of one width: the per-lane core of every packed 4:2:2 kernel.</summary>
internal readonly struct Packed422Lanes<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    /// <summary>The two layouts, expanded once per vector width.</summary>
    public static readonly Packed422Lanes<TOps, TV> V210 = new(Packed422Pattern.V210);
    public static readonly Packed422Lanes<TOps, TV> St2110 = new(Packed422Pattern.St2110);

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

    public static Packed422Lanes<TOps, TV> For(Packed422Pattern pattern) => pattern == Packed422Pattern.V210 ? V210 : St2110;

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
