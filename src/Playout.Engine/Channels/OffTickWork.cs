using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Playout.Engine.Channels;

/// <summary>
/// Work the tick must not wait for, done in order on one thread of the channel's own: disposing producers taken
/// off air (which joins their decoding threads and closes FFmpeg inputs) and opening the next ones. A dedicated
/// thread rather than the thread pool, whose few threads a blocking join would starve on a small machine.
/// The channel drains it before its pools go away.
/// </summary>
public sealed class OffTickWork : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private int _pending;

    public OffTickWork(string channel, ILogger logger)
    {
        _logger = logger;
        _thread = new Thread(Run) { Name = $"{channel} off-tick work", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="work"/>; a failure is logged, never thrown at the tick.</summary>
    public void Run(Action work)
    {
        lock (_gate)
            _pending++;
        _work.Add(work);
    }

    /// <summary>Queues <paramref name="open"/> and returns what it makes, for the tick to pick up later.</summary>
    public Task<T> Run<T>(Func<T> open)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Run(() =>
        {
            try
            {
                result.SetResult(open());
            }
            catch (Exception error)
            {
                result.SetException(error);
            }
        });
        return result.Task;
    }

    /// <summary>Disposes <paramref name="disposable"/> off the tick (nothing when null).</summary>
    public void Dispose(IDisposable? disposable)
    {
        if (disposable is not null)
            Run(disposable.Dispose);
    }

    /// <summary>Waits until everything queued has finished; false when <paramref name="timeout"/> passed first.</summary>
    public bool Drain(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_pending > 0)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                    return _pending == 0;
            }
            return true;
        }
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join();
        _work.Dispose();
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            try
            {
                work();
            }
            catch (Exception error)
            {
                _logger.LogError(error, "off-tick work of the channel failed");
            }
            finally
            {
                lock (_gate)
                {
                    _pending--;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
