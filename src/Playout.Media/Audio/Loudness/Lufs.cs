namespace Playout.Media.Audio.Loudness;

/// <summary>BS.1770 loudness from the mean square of K-weighted, channel-weighted samples, and back.</summary>
internal static class Lufs
{
    private const double Offset = -0.691;

    /// <summary>−∞ for no energy.</summary>
    public static double FromEnergy(double meanSquare) => Offset + 10 * Math.Log10(meanSquare);

    public static double ToEnergy(double lufs) => Math.Pow(10, (lufs - Offset) / 10);

    /// <summary>A linear peak in dB relative to full scale (−∞ for silence).</summary>
    public static double Decibels(double peak) => 20 * Math.Log10(peak);
}
