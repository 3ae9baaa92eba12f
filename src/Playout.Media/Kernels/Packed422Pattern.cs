using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// How one group of 6 pixels of a packed 10-bit 4:2:2 format maps to 16-bit samples, as shuffle and
/// multiplier patterns for one 128-bit lane. Unpacking gathers, for each sample, the two bytes holding
/// it, multiplies to move its top bit to bit 15 and shifts right by 6. Packing multiplies each sample
/// to its bit offset inside a byte pair, then scatters bytes; a destination byte takes at most one
/// byte from luma and one from chroma, so the two shuffles are OR-ed. Lane layout of the samples:
/// luma Y0..Y5 in elements 0..5; chroma Cb0 Cb1 Cb2 in elements 0..2 and Cr0 Cr1 Cr2 in 4..6.
/// </summary>
internal sealed class Packed422Pattern
{
    private const byte Z = LaneShuffle.Zero;

    /// <summary>v210: four little-endian words Cb0 Y0 Cr0 | Y1 Cb1 Y2 | Cr1 Y3 Cb2 | Y4 Cr2 Y5 at bits 0, 10, 20.</summary>
    public static Packed422Pattern V210 { get; } = new(
        groupBytes: 16,
        unpackLuma: [1, 2, 4, 5, 6, 7, 9, 10, 12, 13, 14, 15, Z, Z, Z, Z],
        unpackLumaScale: [16, 64, 4, 16, 64, 4, 0, 0],
        unpackChroma: [0, 1, 5, 6, 10, 11, Z, Z, 2, 3, 8, 9, 13, 14, Z, Z],
        unpackChromaScale: [64, 16, 4, 0, 4, 64, 16, 0],
        packLumaScale: [4, 1, 16, 4, 1, 16, 0, 0],
        packLuma: [Z, 0, 1, Z, 2, 3, 4, 5, Z, 6, 7, Z, 8, 9, 10, 11],
        packChromaScale: [1, 4, 16, 0, 16, 1, 4, 0],
        packChroma: [0, 1, 8, 9, Z, 2, 3, Z, 10, 11, 4, 5, Z, 12, 13, Z]);

    /// <summary>RFC 4175 pgroups: per pixel pair Cb Y0 Cr Y1 as one big-endian 40-bit unit, 15 bytes per 6 pixels.</summary>
    public static Packed422Pattern St2110 { get; } = new(
        groupBytes: 15,
        unpackLuma: [2, 1, 4, 3, 7, 6, 9, 8, 12, 11, 14, 13, Z, Z, Z, Z],
        unpackLumaScale: [4, 64, 4, 64, 4, 64, 0, 0],
        unpackChroma: [1, 0, 6, 5, 11, 10, Z, Z, 3, 2, 8, 7, 13, 12, Z, Z],
        unpackChromaScale: [1, 1, 1, 0, 16, 16, 16, 0],
        packLumaScale: [16, 1, 16, 1, 16, 1, 0, 0],
        packLuma: [Z, 1, 0, 3, 2, Z, 5, 4, 7, 6, Z, 9, 8, 11, 10, Z],
        packChromaScale: [64, 64, 64, 0, 4, 4, 4, 0],
        packChroma: [1, 0, 9, 8, Z, 3, 2, 11, 10, Z, 5, 4, 13, 12, Z, Z]);

    private Packed422Pattern(int groupBytes, byte[] unpackLuma, ushort[] unpackLumaScale, byte[] unpackChroma,
        ushort[] unpackChromaScale, ushort[] packLumaScale, byte[] packLuma, ushort[] packChromaScale, byte[] packChroma)
    {
        GroupBytes = groupBytes;
        UnpackLuma = unpackLuma;
        UnpackLumaScale = unpackLumaScale;
        UnpackChroma = unpackChroma;
        UnpackChromaScale = unpackChromaScale;
        PackLumaScale = packLumaScale;
        PackLuma = packLuma;
        PackChromaScale = packChromaScale;
        PackChroma = packChroma;
    }

    /// <summary>Bytes of one 6-pixel group.</summary>
    public int GroupBytes { get; }
    public byte[] UnpackLuma { get; }
    public ushort[] UnpackLumaScale { get; }
    public byte[] UnpackChroma { get; }
    public ushort[] UnpackChromaScale { get; }
    public ushort[] PackLumaScale { get; }
    public byte[] PackLuma { get; }
    public ushort[] PackChromaScale { get; }
    public byte[] PackChroma { get; }
}
