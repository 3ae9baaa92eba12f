using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Byte permutes that pack planar samples straight into v210 (AVX-512VBMI), one output vector of Lanes groups at a time:
/// 6·Lanes luma samples from the first loaded vector and 3·Lanes each of Cb and Cr from the second (its halves). Each
/// vector starts on a group, so every one uses the same tables. A word's fields sit at bits 0, 10 and 20; shifted left by
/// 0, 2 or 4, a sample's bits sit in its 16-bit element where they sit in its word's bytes, so every output byte is the OR
/// of one byte of one sample (<see cref="Primary"/>) and one of the next (<see cref="Secondary"/>; the same byte again for
/// a word's first and last).
/// </summary>
internal static class V210PackPairs<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    // (word, field) of each sample of a group, as V210Pairs reads them: luma Y0..Y5, Cb0..Cb2, Cr0..Cr2.
    private static readonly (int Word, int Field)[] LumaAt = [(0, 1), (1, 0), (1, 2), (2, 1), (3, 0), (3, 2)];
    private static readonly (int Word, int Field)[] CbAt = [(0, 0), (1, 1), (2, 2)];
    private static readonly (int Word, int Field)[] CrAt = [(0, 2), (2, 0), (3, 1)];

    public static readonly TV LumaShifts = LaneShuffle.Elements16<TOps, TV>(e => 2 * LumaAt[e % 6].Field);
    public static readonly TV ChromaShifts = LaneShuffle.Elements16<TOps, TV>(e =>
        2 * (e < 4 * TOps.Lanes ? CbAt[e % 3].Field : CrAt[(e - 4 * TOps.Lanes) % 3].Field));
    public static readonly TV Primary = Bytes(secondary: false), Secondary = Bytes(secondary: true);

    private static TV Bytes(bool secondary)
    {
        int bytes = 16 * TOps.Lanes, half = 4 * TOps.Lanes;
        // The element each (group, word, field) comes from: luma words first, then Cb's, then Cr's.
        var element = new int[bytes / 16, 4, 3];
        for (int group = 0; group < bytes / 16; group++)
            for (int sample = 0; sample < 6; sample++)
            {
                element[group, LumaAt[sample].Word, LumaAt[sample].Field] = 6 * group + sample;
                if (sample < 3)
                {
                    element[group, CbAt[sample].Word, CbAt[sample].Field] = bytes / 2 + 3 * group + sample;
                    element[group, CrAt[sample].Word, CrAt[sample].Field] = bytes / 2 + half + 3 * group + sample;
                }
            }
        Span<byte> indices = stackalloc byte[bytes];
        for (int j = 0; j < bytes; j++)
        {
            int group = j / 16, word = j % 16 / 4;
            int Low(int field) => 2 * element[group, word, field];
            int High(int field) => 2 * element[group, word, field] + 1;
            indices[j] = (byte)((j % 4, secondary) switch
            {
                (0, _) => Low(0),
                (1, false) => High(0),
                (1, true) => Low(1),
                (2, false) => High(1),
                (2, true) => Low(2),
                _ => High(2),
            });
        }
        return TOps.LoadLanes(ref indices[0], 16);
    }
}
