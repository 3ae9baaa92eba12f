using Playout.Engine.Library;

namespace Playout.Automation.Runtime;

/// <summary>
/// A channel's per-item loudness normalisation: each clip plays with the gain that brings its measured integrated
/// loudness to <see cref="Target"/>, reduced so its measured true peak plus the gain stays at or under
/// <see cref="Ceiling"/>. Off by default; EBU R128's −23 LUFS (ATSC A/85's −24 LKFS is <see cref="AtscTarget"/>)
/// with a −1 dBTP ceiling when on.
/// </summary>
/// <param name="Enabled">Whether clips are normalised at all.</param>
/// <param name="Target">Integrated loudness to reach, LUFS (LKFS is the same scale).</param>
/// <param name="Ceiling">True peak not to exceed, dBTP.</param>
public sealed record LoudnessNormalisation(bool Enabled = false, double Target = LoudnessNormalisation.EbuTarget, double Ceiling = -1)
{
    /// <summary>EBU R128's programme loudness, LUFS.</summary>
    public const double EbuTarget = -23;

    /// <summary>ATSC A/85's programme loudness, LKFS.</summary>
    public const double AtscTarget = -24;

    public static LoudnessNormalisation Off { get; } = new();

    /// <summary>The gain (dB) for a clip measured <paramref name="measured"/>: 0 when off, unmeasured or silent.</summary>
    public double GainDecibels(MediaLoudness? measured)
    {
        if (!Enabled || measured is null || !double.IsFinite(measured.Integrated))
            return 0;
        double gain = Target - measured.Integrated;
        return double.IsFinite(measured.TruePeak) ? Math.Min(gain, Ceiling - measured.TruePeak) : gain;
    }

    /// <summary>As <see cref="GainDecibels"/>, linear (1: unchanged).</summary>
    public double Gain(MediaLoudness? measured) => Math.Pow(10, GainDecibels(measured) / 20);
}
