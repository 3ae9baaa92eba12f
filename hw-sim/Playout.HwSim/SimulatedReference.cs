using System.Diagnostics;
using Playout.Engine.Devices;

namespace Playout.HwSim;

/// <summary>
/// The card's vertical sync as a channel sees it: a running count, a wake-up per sync, silence while the reference is lost.
/// A local card's count is never below the syncs due by the time elapsed since the card started (less one, the sync being
/// signalled), so a signalling thread that falls behind delays a wake-up by at most a frame and never loses a sync: the count
/// jumps. A remote card's count is the one its link reports.
/// </summary>
internal sealed class SimulatedReference : IReferenceClock
{
    private readonly object _gate = new();
    private readonly Func<long>? _elapsed;
    private readonly TimeSpan _poll;
    private long _count;
    private volatile bool _lost;

    /// <param name="elapsed">The syncs due by now from the card's elapsed time; null when the count comes over a link.</param>
    /// <param name="period">One frame period: how often a waiter checks the elapsed count when no wake-up comes.</param>
    internal SimulatedReference(Func<long>? elapsed = null, TimeSpan period = default)
    {
        _elapsed = elapsed;
        _poll = period;
    }

    public bool HasReference => !_lost;

    /// <summary>The syncs so far.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
                return Current();
        }
    }

    public bool WaitForSync(TimeSpan timeout, out long syncCount)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            long seen = Current();
            while (_lost || Current() == seen)
            {
                long left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0)
                {
                    // A sync due by the card's time that its thread has not signalled yet is still a sync, not a lost reference.
                    syncCount = Math.Max(Current(), _elapsed?.Invoke() ?? 0);
                    return !_lost && syncCount > seen;
                }
                var wait = TimeSpan.FromSeconds((double)left / Stopwatch.Frequency);
                Monitor.Wait(_gate, _elapsed is null || wait < _poll ? wait : _poll);
            }
            syncCount = Current();
            return true;
        }
    }

    /// <summary>Sync <paramref name="count"/> has fired; while the reference is lost the count runs on but nobody is woken.</summary>
    internal void Signal(long count)
    {
        lock (_gate)
        {
            _count = Math.Max(_count, count);
            if (!_lost)
                Monitor.PulseAll(_gate);
        }
    }

    internal void SetLost(bool lost) => _lost = lost;

    private long Current() => _elapsed is null ? _count : Math.Max(_count, _elapsed() - 1);
}
