using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Playout.Engine.Logging;

/// <summary>
/// A logger whose <see cref="Log{TState}"/> never waits: entries go into a bounded queue that one thread-pool work item
/// at a time writes to the real logger. Channels log and alarm through it from their tick, so a log sink that blocks
/// (a full console pipe, a stalled disk) cannot stall a channel. When the queue is full entries are dropped and
/// counted, and the count is logged once the sink catches up. It owns no thread, so it needs no disposing.
/// </summary>
public sealed class NonBlockingLogger(ILogger inner, int capacity = 4096) : ILogger
{
    private readonly ConcurrentQueue<Action<ILogger>> _queue = new();
    private int _queued;
    private int _writing;
    private long _dropped;
    private long _reported;

    /// <summary>Entries dropped because the queue was full (the sink was blocked or too slow).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Entries waiting to be written.</summary>
    public int Queued => Volatile.Read(ref _queued);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
            return;
        if (Interlocked.Increment(ref _queued) > capacity)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }
        _queue.Enqueue(logger => logger.Log(logLevel, eventId, state, exception, formatter));
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static self => self.Write(), this, preferLocal: false);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the queue to be written; false when the sink is still behind.</summary>
    public bool Flush(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Queued > 0 || Volatile.Read(ref _writing) != 0)
        {
            if (DateTime.UtcNow >= deadline)
                return false;
            Thread.Sleep(5);
        }
        return true;
    }

    private void Write()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var entry))
            {
                Interlocked.Decrement(ref _queued);
                Try(entry);
            }
            long dropped = Dropped, reported = Interlocked.Exchange(ref _reported, dropped);
            if (dropped > reported)
                Try(logger => logger.LogWarning("{Count} log line(s) dropped: the log sink was blocked or too slow", dropped - reported));
            Volatile.Write(ref _writing, 0);
            // An entry queued after the last dequeue but before the flag fell found a writer still running: take it on.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                return;
        }
    }

    private void Try(Action<ILogger> entry)
    {
        try
        {
            entry(inner);
        }
        catch (Exception)
        {
            // A sink that throws loses that line, never the writer.
        }
    }
}
