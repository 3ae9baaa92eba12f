using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Byte permutes that pack planar samples straight into pgroups (AVX-512VBMI), five output vectors (16·Lanes pairs) a
/// step, each at a multiple of the vector size from the line's start, so a streamed frame can bypass the cache. Output
/// vector k starts inside pair p = ⌊16·Lanes·k / 5⌋, Phase(k) bytes on; it is made from 8·Lanes luma samples from 2p and
/// 4·Lanes each of Cb and Cr from p. Shifted left (luma 4 and 0, Cb 6, Cr 2) each sample's bits sit in its 16-bit word
/// where they sit in its two bytes of the big-endian pair, so every output byte is the OR of one byte of one sample
/// (<see cref="Primary"/>) and one of the next (<see cref="Secondary"/>; the same byte again for a pair's first and last).
/// </summary>
internal static class PgroupPackPairs<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    public const int Vectors = 5;

    public static readonly TV LumaShifts = Shifts(chroma: false), ChromaShifts = Shifts(chroma: true);
    public static readonly TV TenBits = LaneShuffle.Splat16<TOps, TV>(1023);
    public static readonly TV[] Primary = [.. Enumerable.Range(0, Vectors).Select(k => Bytes(k, secondary: false))];
    public static readonly TV[] Secondary = [.. Enumerable.Range(0, Vectors).Select(k => Bytes(k, secondary: true))];

    /// <summary>The pair output vector k starts in.</summary>
    public static int FirstPair(int k) => 16 * TOps.Lanes * k / 5;

    private static int Phase(int k) => 16 * TOps.Lanes * k - 5 * FirstPair(k);

    private static TV Bytes(int k, bool secondary)
    {
        int bytes = 16 * TOps.Lanes, half = 4 * TOps.Lanes;
        Span<byte> indices = stackalloc byte[bytes];
        for (int j = 0; j < bytes; j++)
        {
            int at = Phase(k) + j, pair = at / 5;
            int lumaWord = 2 * pair, cbWord = bytes / 2 + pair, crWord = bytes / 2 + half + pair;
            // Byte 2w is word w's low byte, 2w + 1 its high byte; the chroma vector's words follow the luma vector's.
            indices[j] = (byte)((at % 5, secondary) switch
            {
                (0, _) => 2 * cbWord + 1,
                (1, false) => 2 * cbWord,
                (1, true) => 2 * lumaWord + 1,
                (2, false) => 2 * lumaWord,
                (2, true) => 2 * crWord + 1,
                (3, false) => 2 * crWord,
                (3, true) => 2 * (lumaWord + 1) + 1,
                _ => 2 * (lumaWord + 1),
            });
        }
        return TOps.LoadLanes(ref indices[0], 16);
    }

    private static TV Shifts(bool chroma) =>
        LaneShuffle.Elements16<TOps, TV>(e => chroma ? (e < 4 * TOps.Lanes ? 6 : 2) : (e % 2 == 0 ? 4 : 0));
}
