using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Playout.Engine.Alarms;

/// <summary>
/// Delivers alarm events to observers in the order they happened, on the thread pool: the raiser (often a channel's tick)
/// only queues. An observer that throws is logged and the others still get the event.
/// </summary>
internal sealed class AlarmDispatch
{
    private readonly Channel<AlarmEvent> _queue = Channel.CreateUnbounded<AlarmEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private Action<AlarmEvent>[] _observers = [];
    private long _undelivered;

    public AlarmDispatch(ILogger log)
    {
        _log = log;
        _ = Task.Run(Deliver);
    }

    public void Post(AlarmEvent change)
    {
        Interlocked.Increment(ref _undelivered);
        if (!_queue.Writer.TryWrite(change))
            Interlocked.Decrement(ref _undelivered); // completed: the board is disposed
    }

    public IDisposable Subscribe(Action<AlarmEvent> observer)
    {
        lock (_gate)
            _observers = [.. _observers, observer];
        return new Subscription(this, observer);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for every event posted so far to be delivered.</summary>
    public bool Drain(TimeSpan timeout)
    {
        var until = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Interlocked.Read(ref _undelivered) > 0)
        {
            if (Environment.TickCount64 >= until)
                return false;
            Thread.Sleep(2);
        }
        return true;
    }

    public void Complete() => _queue.Writer.TryComplete();

    private async Task Deliver()
    {
        await foreach (var change in _queue.Reader.ReadAllAsync())
        {
            foreach (var observer in Volatile.Read(ref _observers))
            {
                try
                {
                    observer(change);
                }
                catch (Exception error)
                {
                    _log.LogError(error, "alarm observer failed on {Kind} of alarm {Id} ({Source})", change.Kind, change.Alarm.Id, change.Alarm.Source);
                }
            }
            Interlocked.Decrement(ref _undelivered);
        }
    }

    private sealed class Subscription(AlarmDispatch dispatch, Action<AlarmEvent> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (dispatch._gate)
                dispatch._observers = [.. dispatch._observers.Where(o => o != observer)];
        }
    }
}
