using Playout.Media.Audio;

namespace Playout.Engine.Producers;

/// <summary>
/// A continuous sine (line-up tone) on chosen channels: the phase runs on from frame to frame, so
/// cadence changes (1602/1601 samples at 29.97) never click.
/// </summary>
public sealed class ToneGenerator
{
    private readonly AudioPool _pool;
    private readonly double _amplitude;
    private readonly double _step;
    private readonly int[] _channels;
    private long _position;

    /// <param name="level">Peak level in dBFS (EBU line-up −18, SMPTE −20).</param>
    /// <param name="channels">Zero-based channels that carry the tone; the others are silent.</param>
    public ToneGenerator(AudioPool pool, double frequency, double level, int[] channels)
    {
        foreach (var channel in channels)
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, pool.Channels, nameof(channels));
        _pool = pool;
        // dBFS of a sine is its RMS relative to a full-scale sine's, so the peak is 10^(level/20) of full scale.
        _amplitude = Math.Pow(10, level / 20);
        _step = 2 * Math.PI * frequency / 48000;
        _channels = channels;
    }

    /// <summary>The next <paramref name="samples"/> sample frames, committed, or null when the audio pool is exhausted.</summary>
    public AudioFrame? Next(int samples)
    {
        if (!_pool.TryRent(out var frame))
            return null;
        Span<float> output = frame.Write(samples);
        int stride = frame.Channels;
        for (int i = 0; i < samples; i++)
        {
            float value = (float)(_amplitude * Math.Sin(_step * (_position + i)));
            foreach (var channel in _channels)
                output[i * stride + channel] = value;
        }
        _position += samples;
        frame.Commit();
        return frame;
    }
}
