namespace Playout.Engine.Producers.Clips;

/// <summary>
/// The bounded hand-over between a clip's decoding thread and the tick: the decoder blocks while it is full
/// (back-pressure), the tick never blocks longer than its deadline and allocates nothing.
/// </summary>
internal sealed class DecodedFrameQueue(int capacity) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<DecodedFrame> _frames = new(capacity);
    private readonly SemaphoreSlim _space = new(capacity, capacity);
    private readonly SemaphoreSlim _arrived = new(0);

    public bool IsFull => Count == capacity;

    public int Count
    {
        get
        {
            lock (_lock)
                return _frames.Count;
        }
    }

    /// <summary>Waits for room and queues the frame; false (nothing queued) when <paramref name="cancel"/> fires first.</summary>
    public bool Add(in DecodedFrame frame, CancellationToken cancel)
    {
        try
        {
            _space.Wait(cancel);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        lock (_lock)
            _frames.Enqueue(frame);
        _arrived.Release();
        return true;
    }

    public bool TryPeek(out DecodedFrame frame)
    {
        lock (_lock)
            return _frames.TryPeek(out frame);
    }

    public bool TryTake(out DecodedFrame frame)
    {
        bool taken;
        lock (_lock)
            taken = _frames.TryDequeue(out frame);
        if (taken)
            _space.Release();
        return taken;
    }

    /// <summary>Wakes a <see cref="WaitForArrival"/> without a frame: the decoder reached the end, or failed.</summary>
    public void Wake() => _arrived.Release();

    /// <summary>Forgets earlier arrivals, so that the next <see cref="WaitForArrival"/> waits for a frame added after this call.</summary>
    public void ForgetArrivals()
    {
        while (_arrived.Wait(0))
        {
        }
    }

    /// <summary>Waits until a frame is added (since <see cref="ForgetArrivals"/>) or <paramref name="timeout"/> passes.</summary>
    public void WaitForArrival(TimeSpan timeout)
    {
        if (timeout > TimeSpan.Zero)
            _arrived.Wait(timeout);
    }

    /// <summary>Releases and forgets every queued frame.</summary>
    public void Clear()
    {
        while (TryTake(out var frame))
            frame.Video.Release();
    }

    public void Dispose()
    {
        Clear();
        _space.Dispose();
        _arrived.Dispose();
    }
}
