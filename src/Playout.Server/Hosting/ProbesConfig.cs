using Playout.Engine.Probes;

namespace Playout.Server.Hosting;

/// <summary>
/// A channel's black, freeze and silence probes (on by default, FFmpeg's meanings as defaults): see
/// <see cref="ProbeSettings"/>. <c>lineStep</c> and <c>groupStep</c> choose how sparsely pictures are read.
/// </summary>
public sealed record ProbesConfig
{
    private const double MaxSeconds = 3600;

    public bool Enabled { get; init; } = true;

    /// <summary>Read every n-th line; null: about 360 lines of any raster, both fields of an interlaced one.</summary>
    public int? LineStep { get; init; }

    /// <summary>Read every n-th 6-pixel v210 group; null: about 80 groups across any raster.</summary>
    public int? GroupStep { get; init; }

    public BlackProbeConfig Black { get; init; } = new();
    public FreezeProbeConfig Freeze { get; init; } = new();
    public SilenceProbeConfig Silence { get; init; } = new();

    /// <summary>What the probe consumer runs; null when the probes are off.</summary>
    public ProbeSettings? ToSettings()
    {
        var settings = new ProbeSettings
        {
            LineStep = LineStep,
            GroupStep = GroupStep,
            Black = new(Black.Enabled, Black.PixelThreshold, Black.PictureRatio, Black.Seconds),
            Freeze = new(Freeze.Enabled, Freeze.NoiseDb, Freeze.Seconds),
            Silence = new(Silence.Enabled, Silence.NoiseDb, Silence.Seconds),
        };
        return Enabled && settings.AnyEnabled ? settings : null;
    }

    internal void Validate(string where, ConfigProblems problems)
    {
        if (LineStep is < 1 or > 64)
            problems.Add($"{where}.lineStep", $"{LineStep} is not a whole number of lines from 1 to 64");
        if (GroupStep is < 1 or > 64)
            problems.Add($"{where}.groupStep", $"{GroupStep} is not a whole number of groups from 1 to 64");
        Seconds($"{where}.black.seconds", Black.Seconds, problems);
        Fraction($"{where}.black.pixelThreshold", Black.PixelThreshold, problems);
        Fraction($"{where}.black.pictureRatio", Black.PictureRatio, problems);
        Seconds($"{where}.freeze.seconds", Freeze.Seconds, problems);
        Decibels($"{where}.freeze.noiseDb", Freeze.NoiseDb, problems);
        Seconds($"{where}.silence.seconds", Silence.Seconds, problems);
        Decibels($"{where}.silence.noiseDb", Silence.NoiseDb, problems);
    }

    private static void Seconds(string path, double value, ConfigProblems problems)
    {
        if (value is not (> 0 and <= MaxSeconds))
            problems.Add(path, $"{value} is not a number of seconds above 0 and up to {MaxSeconds}");
    }

    private static void Fraction(string path, double value, ConfigProblems problems)
    {
        if (value is not (>= 0 and <= 1))
            problems.Add(path, $"{value} is not a fraction from 0 to 1");
    }

    private static void Decibels(string path, double value, ConfigProblems problems)
    {
        if (value is not (>= -120 and < 0))
            problems.Add(path, $"{value} is not a level in dB from -120 up to (not including) 0");
    }
}

/// <summary>Black: at least <see cref="PictureRatio"/> of the pixels at or below <see cref="PixelThreshold"/> of the luma range, for <see cref="Seconds"/>.</summary>
public sealed record BlackProbeConfig
{
    public bool Enabled { get; init; } = true;
    public double Seconds { get; init; } = 2;
    public double PixelThreshold { get; init; } = 0.10;
    public double PictureRatio { get; init; } = 0.98;
}

/// <summary>Freeze: pictures within <see cref="NoiseDb"/> of the first of their run, for <see cref="Seconds"/>.</summary>
public sealed record FreezeProbeConfig
{
    public bool Enabled { get; init; } = true;
    public double Seconds { get; init; } = 2;
    public double NoiseDb { get; init; } = -60;
}

/// <summary>Silence: every sample below <see cref="NoiseDb"/> dBFS, for <see cref="Seconds"/>.</summary>
public sealed record SilenceProbeConfig
{
    public bool Enabled { get; init; } = true;
    public double Seconds { get; init; } = 2;
    public double NoiseDb { get; init; } = -60;
}
