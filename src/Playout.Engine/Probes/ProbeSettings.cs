using Playout.Media.Formats;

namespace Playout.Engine.Probes;

/// <summary>
/// A channel's black, freeze and silence probes, with FFmpeg's meanings as defaults (blackdetect, freezedetect,
/// silencedetect): black is a picture with at least 98 % of its pixels below 10 % of the luma range, freeze a picture
/// that differs from the first of its run by no more than −60 dB, silence every sample below −60 dBFS, each for 2 s.
/// Pictures are read on every <see cref="LineStep"/>-th line and every <see cref="GroupStep"/>-th 6-pixel group.
/// </summary>
public sealed record ProbeSettings
{
    public BlackProbeSettings Black { get; init; } = new();
    public FreezeProbeSettings Freeze { get; init; } = new();
    public SilenceProbeSettings Silence { get; init; } = new();

    /// <summary>Lines between those read; null picks <see cref="DefaultLineStep"/> for the format.</summary>
    public int? LineStep { get; init; }

    /// <summary>v210 groups (6 pixels, 16 bytes) between those read; null picks <see cref="DefaultGroupStep"/> for the format.</summary>
    public int? GroupStep { get; init; }

    public bool AnyEnabled => Black.Enabled || Freeze.Enabled || Silence.Enabled;

    /// <summary>
    /// About 360 lines of any raster (3 of 1080, 13 of 4320), always odd so an interlaced picture is read in both fields.
    /// </summary>
    public static int DefaultLineStep(VideoFormat format) => Math.Max(1, format.Height / 360) | 1;

    public int LineStepFor(VideoFormat format) => LineStep ?? DefaultLineStep(format);

    /// <summary>
    /// About 80 groups (480 pixels) across any raster: every 4th group of 1920 (one per 64-byte cache line), every 16th
    /// of 7680. With <see cref="DefaultLineStep"/> a picture is read equally densely at every size, and an 8K frame costs
    /// about what an HD one does.
    /// </summary>
    public static int DefaultGroupStep(VideoFormat format) => Math.Max(1, format.Width / 480);

    public int GroupStepFor(VideoFormat format) => GroupStep ?? DefaultGroupStep(format);

    /// <summary>The fewest frames of the format that last at least <paramref name="seconds"/> (at least one).</summary>
    public static long Frames(VideoFormat format, double seconds) =>
        Math.Max(1, (long)Math.Ceiling(seconds * format.FrameRate.ToDouble() - 1e-9));

    /// <summary>An amplitude ratio from decibels: −60 dB is 0.001.</summary>
    public static double Amplitude(double decibels) => Math.Pow(10, decibels / 20);
}

/// <param name="PixelThreshold">A pixel is black at or below this fraction of the limited luma range (64 + 0.1·876 → 151 in 10 bit).</param>
/// <param name="PictureRatio">A picture is black when at least this fraction of its (sampled) pixels are.</param>
public sealed record BlackProbeSettings(bool Enabled = true, double PixelThreshold = 0.10, double PictureRatio = 0.98, double Seconds = 2);

/// <param name="NoiseDecibels">A picture is frozen when its mean absolute luma difference from the first picture of the run, relative to full scale, is at or below this.</param>
public sealed record FreezeProbeSettings(bool Enabled = true, double NoiseDecibels = -60, double Seconds = 2);

/// <param name="NoiseDecibels">Sound is silent while every sample of every channel is below this, in dBFS.</param>
public sealed record SilenceProbeSettings(bool Enabled = true, double NoiseDecibels = -60, double Seconds = 2);
