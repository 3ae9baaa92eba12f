namespace Playout.Media.Audio;

/// <summary>
/// A recording's level over time in 50 ms blocks (mean square over all channels), from which its radio markers are
/// found: where the sound starts and stops (cue-in, cue-out: the first and last block at or above
/// <see cref="PresenceDb"/>), and where its closing fade begins (segue: the start of the run of blocks before cue-out
/// that stay <see cref="FadeDb"/> below the recording's upper-quartile level, when that run lasts at least <see cref="ShortestFade"/>).
/// The upper quartile is the body's level even when a long fade is most of the recording.
/// </summary>
public sealed class SoundEnvelope(int channels, int sampleRate = 48000)
{
    /// <summary>A block with sound in it: its level is at least this, in dBFS.</summary>
    public const double PresenceDb = -45;

    /// <summary>A closing fade: blocks this far below the recording's upper-quartile level (dB).</summary>
    public const double FadeDb = 12;

    /// <summary>The shortest closing fade that makes a segue point; a shorter tail is the end of the song, not a fade.</summary>
    public static readonly TimeSpan ShortestFade = TimeSpan.FromSeconds(1);

    private readonly int _blockFrames = sampleRate / 20;
    private readonly List<double> _blocks = [];
    private double _sum;
    private int _filled;

    /// <summary>Adds interleaved samples (whole sample frames of the channels given).</summary>
    public void Add(ReadOnlySpan<float> interleaved)
    {
        if (interleaved.Length % channels != 0)
            throw new ArgumentException($"{interleaved.Length} samples are not whole sample frames of {channels} channels", nameof(interleaved));
        for (int at = 0; at < interleaved.Length; at += channels)
        {
            for (int c = 0; c < channels; c++)
                _sum += (double)interleaved[at + c] * interleaved[at + c];
            if (++_filled == _blockFrames)
                EndBlock();
        }
    }

    /// <summary>The markers the sound so far shows; a marker that is the start or the end of the sound itself is null.</summary>
    public SoundMarkers Markers()
    {
        var levels = Levels();
        int first = levels.FindIndex(l => l >= PresenceDb), last = levels.FindLastIndex(l => l >= PresenceDb);
        if (first < 0)
            return new SoundMarkers(null, null, null);
        var heard = levels.GetRange(first, last - first + 1);
        double body = heard.Order().ElementAt(heard.Count * 3 / 4);
        int fade = last + 1;
        while (fade > first && levels[fade - 1] < body - FadeDb)
            fade--;
        bool fades = Time(last + 1 - fade) >= ShortestFade && fade > first;
        bool ends = last + 1 < levels.Count;
        return new SoundMarkers(first > 0 ? Time(first) : null, fades ? Time(fade) : null, ends ? Time(last + 1) : null);
    }

    /// <summary>Each block's level in dBFS, the last partial block included.</summary>
    private List<double> Levels()
    {
        var levels = _blocks.Select(Db).ToList();
        if (_filled > 0)
            levels.Add(Db(_sum / (_filled * channels)));
        return levels;
    }

    private void EndBlock()
    {
        _blocks.Add(_sum / (_blockFrames * channels));
        _sum = 0;
        _filled = 0;
    }

    private TimeSpan Time(int blocks) => TimeSpan.FromSeconds(blocks * (double)_blockFrames / sampleRate);

    private static double Db(double meanSquare) => meanSquare <= 0 ? double.NegativeInfinity : 10 * Math.Log10(meanSquare);
}

/// <summary>Where a recording's sound starts (cue-in), where its closing fade begins (segue) and where its sound ends (cue-out); null: none found.</summary>
public readonly record struct SoundMarkers(TimeSpan? CueIn, TimeSpan? Segue, TimeSpan? CueOut);
