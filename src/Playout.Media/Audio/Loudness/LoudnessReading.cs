namespace Playout.Media.Audio.Loudness;

/// <summary>
/// What a <see cref="LoudnessMeter"/> has measured so far. Loudness in LUFS, range in LU, peaks in dBFS/dBTP.
/// "No value" is explicit: a loudness or peak is <see cref="double.NegativeInfinity"/> when nothing was measured
/// yet or all was silence (or below the gates), and <see cref="Range"/> is <see cref="double.NaN"/> until a
/// short-term value passes its gates; <see cref="HasValue"/> tells either apart from a number.
/// </summary>
/// <param name="Momentary">Loudness of the last 400 ms (updated every 100 ms).</param>
/// <param name="ShortTerm">Loudness of the last 3 s (updated every 100 ms).</param>
/// <param name="Integrated">Programme loudness since the start or the last reset, gated at −70 LUFS and −10 LU (EBU Tech 3341).</param>
/// <param name="Range">Loudness range (EBU Tech 3342): 10th to 95th percentile of the short-term values gated at −70 LUFS and −20 LU.</param>
/// <param name="TruePeak">Largest 4× oversampled absolute sample of any measured channel (ITU-R BS.1770-4 Annex 2), dBTP.</param>
/// <param name="SamplePeak">Largest absolute sample of any measured channel, dBFS.</param>
/// <param name="MomentaryMax">Largest momentary loudness seen.</param>
/// <param name="ShortTermMax">Largest short-term loudness seen.</param>
public readonly record struct LoudnessReading(
    double Momentary,
    double ShortTerm,
    double Integrated,
    double Range,
    double TruePeak,
    double SamplePeak,
    double MomentaryMax,
    double ShortTermMax)
{
    /// <summary>Nothing measured: every loudness and peak −∞, no range.</summary>
    public static LoudnessReading None { get; } = new(double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity,
        double.NaN, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity);

    /// <summary>Whether a figure of a reading is a number (not "no value").</summary>
    public static bool HasValue(double figure) => double.IsFinite(figure);
}
