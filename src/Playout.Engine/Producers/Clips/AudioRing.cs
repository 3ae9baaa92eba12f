namespace Playout.Engine.Producers.Clips;

/// <summary>
/// Decoded sound between a clip's decoding thread and the tick: interleaved float sample frames in a ring. The
/// decoder appends (waiting while it is full), the tick takes exactly one tick's samples. Writes carry the
/// decoder's generation, so sound decoded before a seek never plays after it.
/// </summary>
/// <param name="owes">
/// Sound a tick could not have (not decoded yet, or skipped) is owed, and dropped when it comes, keeping a clip's sound
/// on its timeline. A live input's ring owes nothing: it plays what arrives as it arrives, and a tick it cannot fill
/// is partly silent rather than silencing the sound that comes next.
/// </param>
internal sealed class AudioRing(int channels, int capacityFrames, bool owes = true)
{
    private readonly Lock _lock = new();
    private readonly float[] _samples = new float[channels * capacityFrames];
    private long _read;
    private long _written;
    private int _generation;

    public int Channels => channels;

    /// <summary>Sample frames appended since the last <see cref="Reset"/>: the position on the clip's sound timeline.</summary>
    public long Written
    {
        get
        {
            lock (_lock)
                return _written;
        }
    }

    /// <summary>
    /// Appends sample frames (or silence when <paramref name="samples"/> is empty and <paramref name="silentFrames"/> is set).
    /// Sound the tick already skipped past (it showed filler while this was still being decoded) is dropped on arrival.
    /// Returns how many were taken: fewer when the ring is full, all when <paramref name="generation"/> is stale.
    /// </summary>
    public int Append(ReadOnlySpan<float> samples, int silentFrames, int generation)
    {
        lock (_lock)
        {
            int frames = samples.IsEmpty ? silentFrames : samples.Length / channels;
            if (generation != _generation)
                return frames;
            int owed = (int)Math.Min(frames, Math.Max(0, _read - _written));
            _written += owed;
            int room = (int)Math.Min(frames - owed, _samples.Length / channels - (_written - _read));
            for (int i = 0; i < room; i++)
            {
                var target = _samples.AsSpan((int)((_written + i) % (_samples.Length / channels)) * channels, channels);
                if (samples.IsEmpty)
                    target.Clear();
                else
                    samples.Slice((owed + i) * channels, channels).CopyTo(target);
            }
            _written += room;
            return owed + room;
        }
    }

    /// <summary>Drops the last <paramref name="frames"/> sample frames appended but not yet read (sound that came early).</summary>
    public void Trim(long frames)
    {
        lock (_lock)
            _written -= Math.Min(frames, Math.Max(0, _written - _read));
    }

    /// <summary>Copies the next sample frames into <paramref name="destination"/> (whole frames of <see cref="Channels"/>); the rest stays silent. Returns frames copied.</summary>
    public int Take(Span<float> destination, int outputChannels)
    {
        lock (_lock)
        {
            int wanted = destination.Length / outputChannels;
            int frames = (int)Math.Clamp(_written - _read, 0, wanted);
            int copy = Math.Min(channels, outputChannels);
            for (int i = 0; i < frames; i++)
            {
                var source = _samples.AsSpan((int)((_read + i) % (_samples.Length / channels)) * channels, copy);
                source.CopyTo(destination.Slice(i * outputChannels, copy));
            }
            _read += owes ? wanted : frames;
            return frames;
        }
    }

    /// <summary>Skips the next <paramref name="frames"/> sample frames (the tick showed filler instead), even those not decoded yet when it owes.</summary>
    public void Skip(int frames)
    {
        lock (_lock)
            _read += owes ? frames : Math.Min(frames, _written - _read);
    }

    /// <summary>Empties the ring and starts generation <paramref name="generation"/>; later appends of older generations are ignored.</summary>
    public void Reset(int generation)
    {
        lock (_lock)
        {
            _read = _written = 0;
            _generation = generation;
        }
    }
}
