using System.Diagnostics.CodeAnalysis;

namespace Playout.Media.Audio;

/// <summary>A bounded set of <see cref="AudioFrame"/>s of one channel count and size; allocates on first use, never after.</summary>
public sealed class AudioPool
{
    /// <summary>The channels of an SDI / ST 2110-30 programme: 16 at 48 kHz.</summary>
    public const int ProgrammeChannels = 16;

    private readonly Lock _lock = new();
    private readonly AudioFrame[] _free;
    private int _freeCount;
    private int _allocated;
    private int _outstanding;

    /// <param name="samplesPerFrame">The most sample frames one frame holds (the largest value of the video format's cadence).</param>
    public AudioPool(int channels, int samplesPerFrame, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplesPerFrame);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Channels = channels;
        SamplesPerFrame = samplesPerFrame;
        _free = new AudioFrame[capacity];
    }

    public int Channels { get; }
    public int SamplesPerFrame { get; }
    public int Capacity => _free.Length;
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <exception cref="InvalidOperationException">All frames are outstanding.</exception>
    public AudioFrame Rent() => TryRent(out var frame) ? frame
        : throw new InvalidOperationException($"audio pool of {Capacity} frames ({Channels} ch x {SamplesPerFrame}) is exhausted: {Outstanding} outstanding");

    public bool TryRent([NotNullWhen(true)] out AudioFrame? frame)
    {
        lock (_lock)
        {
            if (_freeCount > 0)
                frame = _free[--_freeCount];
            else if (_allocated < _free.Length)
            {
                frame = new AudioFrame(this, SamplesPerFrame);
                _allocated++;
            }
            else
            {
                frame = null;
                return false;
            }
            _outstanding++;
        }
        frame.Open();
        return true;
    }

    /// <summary>Allocates every frame the pool may hold up front, so renting never allocates on a channel's tick; idempotent.</summary>
    public void Preallocate()
    {
        while (true)
        {
            lock (_lock)
            {
                if (_allocated >= _free.Length)
                    return;
            }
            // Allocated outside the lock (large-object heap), counted only once it is free to rent: a concurrent rent
            // never finds the pool briefly empty. One that allocated in between makes this one spare, and it is dropped.
            var frame = new AudioFrame(this, SamplesPerFrame);
            lock (_lock)
            {
                if (_allocated >= _free.Length)
                    return;
                _allocated++;
                _free[_freeCount++] = frame;
            }
        }
    }

    internal void Return(AudioFrame frame)
    {
        lock (_lock)
        {
            _outstanding--;
            _free[_freeCount++] = frame;
        }
    }
}
