namespace Playout.Media.Audio.Loudness;

/// <summary>
/// Which samples of an interleaved buffer a <see cref="LoudnessMeter"/> measures, and how much each channel weighs
/// in the loudness sum (ITU-R BS.1770-4: left, right and centre 1.0, surrounds 1.41, LFE not summed).
/// Every channel named here counts towards the sample and true peaks, the LFE included.
/// </summary>
public sealed class ChannelLayout
{
    private const double Front = 1.0, Surround = 1.41, Excluded = 0.0;

    private readonly int[] _channels;
    private readonly double[] _weights;

    private ChannelLayout(string name, int stride, int[] channels, double[] weights)
    {
        Name = name;
        Stride = stride;
        _channels = channels;
        _weights = weights;
    }

    /// <summary>One channel.</summary>
    public static ChannelLayout Mono { get; } = new("mono", 1, [0], [Front]);

    /// <summary>Left, right.</summary>
    public static ChannelLayout Stereo { get; } = new("stereo", 2, [0, 1], [Front, Front]);

    /// <summary>5.1 in SMPTE/ITU order: L, R, C, LFE, Ls, Rs (the LFE is peak-metered only).</summary>
    public static ChannelLayout Surround51 { get; } = new("5.1", 6, [0, 1, 2, 3, 4, 5],
        [Front, Front, Front, Excluded, Surround, Surround]);

    /// <summary>Stereo pair <paramref name="pair"/> (0-based: channels 2·pair and 2·pair+1) of a programme of <paramref name="channels"/> channels, as an <see cref="AudioFrame"/> of 16 carries.</summary>
    public static ChannelLayout Pair(int pair, int channels = 16) => Stereo.Within(channels, 2 * pair);

    /// <summary>A short name ("stereo", "5.1", "stereo at 3 of 16": from the third of 16 channels, counted from 1 as operators do).</summary>
    public string Name { get; }

    /// <summary>Samples in one interleaved sample frame of the buffers this layout reads.</summary>
    public int Stride { get; }

    /// <summary>How many channels are measured.</summary>
    public int Count => _channels.Length;

    /// <summary>The measured channels' positions within a sample frame.</summary>
    public ReadOnlySpan<int> Channels => _channels;

    /// <summary>Each measured channel's BS.1770 weight (0: peak-metered only).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>This layout placed at <paramref name="first"/> within sample frames of <paramref name="channels"/> channels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The layout does not fit there.</exception>
    public ChannelLayout Within(int channels, int first)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        if (first + Stride > channels)
            throw new ArgumentOutOfRangeException(nameof(first), $"{Name} at channel {first} does not fit in {channels} channels");
        return new ChannelLayout($"{Name} at {first + 1} of {channels}", channels, [.. _channels.Select(c => c + first)], _weights);
    }

    public override string ToString() => Name;
}
