using System.Runtime.CompilerServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// The fused keyer's keys from a <see cref="KeyedOverlay"/>'s alphas, one v210 group (6 pixels) to a lane, laid out as
/// <see cref="Packed422Lanes{TOps,TV}.Unpack"/> lays out the samples: pixel j's luma key in element j, and pair i's chroma key
/// (the mean of its two luma keys, rounded half up) in elements i and 4 + i, beside Cb and Cr. A key is
/// <see cref="BgraConverter.Key"/>'s, in its 16-bit vector form 4a + ((a + 42)·193 >> 14). Two byte shuffles a step, as
/// many as unpacking a v210 key took: the keyer is shuffle-bound in cache.
/// </summary>
internal readonly struct AlphaKeys<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    private const byte Z = LaneShuffle.Zero;

    /// <summary>Read into a local before a loop: a static read inside one would check the class's initialisation each step.</summary>
    public static readonly AlphaKeys<TOps, TV> Instance = new();

    /// <summary>Alpha j of each lane's six (loaded one group to a lane) into the low byte of word j.</summary>
    private readonly TV _words = LaneShuffle.Indices<TOps, TV>([0, Z, 1, Z, 2, Z, 3, Z, 4, Z, 5, Z, Z, Z, Z, Z]);

    /// <summary>Where the CPU permutes bytes: word j of lane i from alpha 6·i + j of one load, high bytes from a zero vector.</summary>
    private readonly TV _spreadWords = SpreadWords();

    /// <summary>The pair means, in the low words of 32-bit elements 0..2, to elements 0..2 (Cb) and 4..6 (Cr).</summary>
    private readonly TV _chroma = LaneShuffle.Indices<TOps, TV>([0, 1, 4, 5, 8, 9, Z, Z, 0, 1, 4, 5, 8, 9, Z, Z]);

    private readonly TV _bias = LaneShuffle.Splat16<TOps, TV>(42), _scale = LaneShuffle.Splat16<TOps, TV>(193);

    public AlphaKeys()
    {
    }

    /// <summary>
    /// Keys of Lanes groups from their alphas at <paramref name="alphas"/>; reads 16·Lanes bytes, so the alphas need that many
    /// from the last step's first (<see cref="KeyedOverlay.AlphaPadding"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Keys(ref byte alphas, out TV luma, out TV chroma)
    {
        TV words = TOps.PermutesBytes
            ? TOps.PermuteBytes2(TOps.Load(ref alphas), default, _spreadWords)
            : TOps.Shuffle(TOps.LoadLanes(ref alphas, 6), _words);
        luma = TOps.Add16(TOps.ShiftLeft16(words, 2), TOps.ShiftRight16(TOps.MultiplyLow16(TOps.Add16(words, _bias), _scale), 14));
        // Each 32-bit element's low word becomes the mean of its two keys: a pair's.
        chroma = TOps.Shuffle(TOps.Average16(luma, TOps.ShiftRight32(luma, 16)), _chroma);
    }

    private static TV SpreadWords()
    {
        Span<byte> indices = stackalloc byte[16 * TOps.Lanes];
        for (int k = 0; k < indices.Length; k++)
        {
            int lane = k / 16, word = k % 16 / 2;
            indices[k] = (byte)(k % 2 == 0 && word < 6 ? 6 * lane + word : indices.Length);
        }
        return TOps.LoadLanes(ref indices[0], 16);
    }
}
