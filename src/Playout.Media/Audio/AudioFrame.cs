namespace Playout.Media.Audio;

/// <summary>
/// One video frame's worth of sound: <see cref="SampleCount"/> sample frames of <see cref="Channels"/>
/// interleaved 32-bit float samples (full scale ±1.0) at 48 kHz, pooled and reference-counted like a
/// video <c>Frame</c>: the renter writes it, <see cref="Commit"/> freezes it, readers <see cref="AddRef"/>,
/// the last <see cref="Release"/> returns it to its <see cref="AudioPool"/>.
/// </summary>
public sealed class AudioFrame
{
    private readonly AudioPool _pool;
    private readonly float[] _samples;
    private int _references;
    private bool _committed;
    private int _sampleCount;

    internal AudioFrame(AudioPool pool, int capacity)
    {
        _pool = pool;
        _samples = new float[capacity * pool.Channels];
    }

    public int Channels => _pool.Channels;

    /// <summary>Sample frames (one sample per channel each) this frame carries.</summary>
    public int SampleCount => _sampleCount;

    public bool IsCommitted => Volatile.Read(ref _committed);
    public int References => Volatile.Read(ref _references);

    /// <summary>The interleaved samples (channel fastest).</summary>
    public ReadOnlySpan<float> Samples
    {
        get
        {
            ThrowIfReleased();
            return _samples.AsSpan(0, _sampleCount * Channels);
        }
    }

    /// <summary>Sizes the frame to <paramref name="sampleCount"/> sample frames and returns them for writing, zeroed (silence).</summary>
    /// <exception cref="ArgumentOutOfRangeException">More samples than the pool's frames hold.</exception>
    /// <exception cref="InvalidOperationException">The frame is committed or released.</exception>
    public Span<float> Write(int sampleCount)
    {
        ThrowIfNotWritable();
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleCount, _pool.SamplesPerFrame);
        _sampleCount = sampleCount;
        var span = _samples.AsSpan(0, sampleCount * Channels);
        span.Clear();
        return span;
    }

    /// <summary>The samples already sized by <see cref="Write"/>, for changing in place.</summary>
    public Span<float> WritableSamples
    {
        get
        {
            ThrowIfNotWritable();
            return _samples.AsSpan(0, _sampleCount * Channels);
        }
    }

    public void Commit()
    {
        ThrowIfNotWritable();
        Volatile.Write(ref _committed, true);
    }

    /// <summary>Takes one more reference to a committed frame; returns this frame.</summary>
    public AudioFrame AddRef()
    {
        if (!IsCommitted)
            throw new InvalidOperationException($"{this} must be committed before it is shared");
        RefCount.Increment(ref _references, this);
        return this;
    }

    public void Release()
    {
        if (RefCount.Decrement(ref _references, this))
            _pool.Return(this);
    }

    public override string ToString() => $"audio frame ({_sampleCount} x {Channels} ch)";

    internal void Open()
    {
        _sampleCount = 0;
        _committed = false;
        Volatile.Write(ref _references, 1);
    }

    private void ThrowIfReleased()
    {
        if (References == 0)
            throw new InvalidOperationException($"{this} is released and back in its pool");
    }

    private void ThrowIfNotWritable()
    {
        ThrowIfReleased();
        if (IsCommitted)
            throw new InvalidOperationException($"{this} is committed and read-only");
    }
}
