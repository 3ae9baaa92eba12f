using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Playout.Media.Audio.Loudness;

/// <summary>
/// The true peak of ITU-R BS.1770-4 Annex 2: 4× oversampling by its 48-tap polyphase FIR (4 phases of 12 taps),
/// the largest absolute interpolated value. The vector path computes the four phases of a sample in one 128-bit
/// register, tap by tap in the scalar path's order, so both give the same bits.
/// </summary>
internal static class TruePeak
{
    public const int Taps = 12;

    /// <summary>Samples of the past an interpolated value needs besides the newest.</summary>
    public const int History = Taps - 1;

    // Phase p, tap k multiplies the sample k periods before the newest.
    private static readonly float[][] Phases =
    [
        [0.0017089843750f, 0.0109863281250f, -0.0196533203125f, 0.0332031250000f, -0.0594482421875f, 0.1373291015625f,
            0.9721679687500f, -0.1022949218750f, 0.0476074218750f, -0.0266113281250f, 0.0148925781250f, -0.0083007812500f],
        [-0.0291748046875f, 0.0292968750000f, -0.0517578125000f, 0.0891113281250f, -0.1665039062500f, 0.4650878906250f,
            0.7797851562500f, -0.2003173828125f, 0.1015625000000f, -0.0582275390625f, 0.0330810546875f, -0.0189208984375f],
        [-0.0189208984375f, 0.0330810546875f, -0.0582275390625f, 0.1015625000000f, -0.2003173828125f, 0.7797851562500f,
            0.4650878906250f, -0.1665039062500f, 0.0891113281250f, -0.0517578125000f, 0.0292968750000f, -0.0291748046875f],
        [-0.0083007812500f, 0.0148925781250f, -0.0266113281250f, 0.0476074218750f, -0.1022949218750f, 0.9721679687500f,
            0.1373291015625f, -0.0594482421875f, 0.0332031250000f, -0.0196533203125f, 0.0109863281250f, 0.0017089843750f],
    ];

    // Tap k of the four phases side by side.
    private static readonly Vector128<float>[] TapVectors =
        [.. Enumerable.Range(0, Taps).Select(k => Vector128.Create(Phases[0][k], Phases[1][k], Phases[2][k], Phases[3][k]))];

    /// <summary>Whether the vector path runs accelerated here (otherwise the scalar one is used).</summary>
    public static bool Accelerated => Vector128.IsHardwareAccelerated;

    /// <summary>
    /// The largest absolute 4× interpolated value of the samples after the first <see cref="History"/> of
    /// <paramref name="samples"/> (those are the past the first interpolations read).
    /// </summary>
    public static float Max(ReadOnlySpan<float> samples, bool vector) => vector ? MaxVector(samples) : MaxScalar(samples);

    internal static float MaxScalar(ReadOnlySpan<float> samples)
    {
        float peak = 0;
        for (int newest = History; newest < samples.Length; newest++)
            for (int phase = 0; phase < Phases.Length; phase++)
            {
                float[] taps = Phases[phase];
                float sum = 0;
                for (int k = 0; k < Taps; k++)
                    sum += taps[k] * samples[newest - k];
                peak = MathF.Max(peak, MathF.Abs(sum));
            }
        return peak;
    }

    internal static float MaxVector(ReadOnlySpan<float> samples)
    {
        ref float first = ref MemoryMarshal.GetReference(samples);
        ref Vector128<float> taps = ref MemoryMarshal.GetArrayDataReference(TapVectors);
        var peak = Vector128<float>.Zero;
        for (int newest = History; newest < samples.Length; newest++)
        {
            var sum = Vector128<float>.Zero;
            for (int k = 0; k < Taps; k++)
                sum += Unsafe.Add(ref taps, k) * Vector128.Create(Unsafe.Add(ref first, newest - k));
            peak = Vector128.Max(peak, Vector128.Abs(sum));
        }
        return MathF.Max(MathF.Max(peak[0], peak[1]), MathF.Max(peak[2], peak[3]));
    }
}
