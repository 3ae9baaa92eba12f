using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Consumers;

/// <summary>
/// A bounded queue of programme frames from the tick thread to a consumer's (or a card driver's) worker thread. Adding never blocks:
/// when the worker is behind the frame is refused and the caller counts a drop. Nothing allocates after
/// construction. The frames carry one reference each, owned by whoever holds them.
/// </summary>
public sealed class FrameHandoff(int capacity) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Item[] _items = new Item[capacity];
    private readonly SemaphoreSlim _available = new(0, capacity);
    private int _head;
    private int _count;

    public int Count
    {
        get
        {
            lock (_lock)
                return _count;
        }
    }

    /// <summary>
    /// Queues the frames with a reference of their own each; false (nothing taken) when full. <paramref name="title"/> is the
    /// title on air at the tick, taken with the frame because the worker may encode it after the title has changed.
    /// </summary>
    public bool TryAdd(long tick, Frame video, AudioFrame audio, string? title = null)
    {
        lock (_lock)
        {
            if (_count == _items.Length)
                return false;
            _items[(_head + _count) % _items.Length] = new Item(tick, video.AddRef(), audio.AddRef(), title);
            _count++;
        }
        _available.Release();
        return true;
    }

    /// <summary>Waits for the next item; false when <paramref name="cancel"/> fires first.</summary>
    public bool TryTake(out Item item, CancellationToken cancel)
    {
        try
        {
            _available.Wait(cancel);
        }
        catch (OperationCanceledException)
        {
            item = default;
            return false;
        }
        lock (_lock)
        {
            item = _items[_head];
            _items[_head] = default;
            _head = (_head + 1) % _items.Length;
            _count--;
        }
        return true;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            for (; _count > 0; _count--, _head = (_head + 1) % _items.Length)
                _items[_head].Release();
        }
        _available.Dispose();
    }

    public readonly record struct Item(long Tick, Frame Video, AudioFrame Audio, string? Title)
    {
        public void Release()
        {
            Video.Release();
            Audio.Release();
        }
    }
}
