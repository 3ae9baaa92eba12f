using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Byte permutes and shifts that unpack pgroups straight into planar order, pixel pairs at a time (AVX-512VBMI): a vector
/// of 8·Lanes luma samples and one of 4·Lanes Cb then 4·Lanes Cr both come from the same 4·Lanes pairs (20·Lanes bytes),
/// read as two overlapping vectors from the pairs' start and 4·Lanes bytes on. Each sample's two bytes go to one 16-bit
/// element high byte first, and a per-element shift and the 10-bit mask finish it.
/// </summary>
internal static class PgroupPairs<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    /// <summary>Bytes of the pairs one step unpacks.</summary>
    public static int StepBytes => 20 * TOps.Lanes;

    /// <summary>Offset of the second source vector.</summary>
    public static int SecondAt => 4 * TOps.Lanes;

    public static readonly TV Luma = Bytes(chroma: false), LumaShifts = Shifts(chroma: false);
    public static readonly TV Chroma = Bytes(chroma: true), ChromaShifts = Shifts(chroma: true);
    public static readonly TV TenBits = LaneShuffle.Splat16<TOps, TV>(0x3FF);

    /// <summary>Byte of the pair holding element e's high byte, and the right shift that leaves the sample in the low 10 bits.</summary>
    private static (int High, int Shift) Sample(int element, bool chroma)
    {
        int half = 4 * TOps.Lanes;
        if (chroma)
            return element < half ? (5 * element, 6) : (5 * (element - half) + 2, 2);
        int pair = element / 2;
        return element % 2 == 0 ? (5 * pair + 1, 4) : (5 * pair + 3, 0);
    }

    private static TV Bytes(bool chroma)
    {
        int bytes = 16 * TOps.Lanes;
        Span<byte> indices = stackalloc byte[bytes];
        for (int e = 0; e < bytes / 2; e++)
        {
            int high = Sample(e, chroma).High;
            indices[2 * e] = Source(high + 1, bytes);
            indices[2 * e + 1] = Source(high, bytes);
        }
        return TOps.LoadLanes(ref indices[0], 16);
    }

    /// <summary>Where byte b of the pairs is in the two sources: the first holds bytes 0.., the second SecondAt...</summary>
    private static byte Source(int b, int vectorBytes) => (byte)(b < vectorBytes ? b : vectorBytes + b - SecondAt);

    private static TV Shifts(bool chroma) => LaneShuffle.Elements16<TOps, TV>(e => Sample(e, chroma).Shift);
}
