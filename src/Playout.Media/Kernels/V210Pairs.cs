using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Byte permutes and shifts that unpack v210 straight into planar order (AVX-512VBMI), 4·Lanes groups (four vectors) a
/// step: luma vector j and the [Cb | Cr] vector j (8·Lanes luma, 4·Lanes each of Cb and Cr) both lie in input vectors j
/// and j + 1. A 10-bit field at bit 0, 10 or 20 of its word lies in the two bytes from byte 0, 1 or 2, shifted by 0, 2
/// or 4: one two-source byte permute puts those bytes in a 16-bit word, a per-word shift and the 10-bit mask finish it.
/// </summary>
internal static class V210Pairs<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    public const int Vectors = 3;

    // (word, field) of each sample of a group: luma Y0..Y5, Cb0..Cb2, Cr0..Cr2 (before the tables built from them).
    private static readonly (int Word, int Field)[] LumaAt = [(0, 1), (1, 0), (1, 2), (2, 1), (3, 0), (3, 2)];
    private static readonly (int Word, int Field)[] CbAt = [(0, 0), (1, 1), (2, 2)];
    private static readonly (int Word, int Field)[] CrAt = [(0, 2), (2, 0), (3, 1)];

    public static readonly TV[] Luma = [.. Enumerable.Range(0, Vectors).Select(j => Bytes(j, chroma: false))];
    public static readonly TV[] Chroma = [.. Enumerable.Range(0, Vectors).Select(j => Bytes(j, chroma: true))];
    public static readonly TV[] LumaShifts = [.. Enumerable.Range(0, Vectors).Select(j => Shifts(j, chroma: false))];
    public static readonly TV[] ChromaShifts = [.. Enumerable.Range(0, Vectors).Select(j => Shifts(j, chroma: true))];
    public static readonly TV TenBits = LaneShuffle.Splat16<TOps, TV>(0x3FF);

    /// <summary>Element e of output vector j: its low byte's offset from input vector j's start, and its shift.</summary>
    private static (int Byte, int Shift) Sample(int j, int e, bool chroma)
    {
        int half = 4 * TOps.Lanes, group, word, field;
        if (chroma)
        {
            int n = half * j + e % half;
            group = n / 3;
            (word, field) = (e < half ? CbAt : CrAt)[n % 3];
        }
        else
        {
            int n = 8 * TOps.Lanes * j + e;
            group = n / 6;
            (word, field) = LumaAt[n % 6];
        }
        return (16 * group + 4 * word + field - 16 * TOps.Lanes * j, 2 * field);
    }

    private static TV Bytes(int j, bool chroma)
    {
        Span<byte> indices = stackalloc byte[16 * TOps.Lanes];
        for (int e = 0; e < indices.Length / 2; e++)
        {
            int low = Sample(j, e, chroma).Byte;
            indices[2 * e] = (byte)low;
            indices[2 * e + 1] = (byte)(low + 1);
        }
        return TOps.LoadLanes(ref indices[0], 16);
    }

    private static TV Shifts(int j, bool chroma) => LaneShuffle.Elements16<TOps, TV>(e => Sample(j, e, chroma).Shift);
}
