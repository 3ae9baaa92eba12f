using System.Diagnostics;
using Playout.Engine.Devices;

namespace Playout.HwSim;

/// <summary>The card's vertical sync as a channel sees it: a running count, a wake-up per sync, silence while the reference is lost.</summary>
internal sealed class SimulatedReference : IReferenceClock
{
    private readonly object _gate = new();
    private long _count;
    private volatile bool _lost;

    public bool HasReference => !_lost;

    public bool WaitForSync(TimeSpan timeout, out long syncCount)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            long seen = _count;
            while (_count == seen || _lost)
            {
                long left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0 || !Monitor.Wait(_gate, TimeSpan.FromSeconds((double)left / Stopwatch.Frequency)))
                {
                    syncCount = _count;
                    return false;
                }
            }
            syncCount = _count;
            return true;
        }
    }

    /// <summary>One vertical sync; while the reference is lost the count runs on but nobody is woken.</summary>
    internal void Signal()
    {
        lock (_gate)
        {
            _count++;
            if (!_lost)
                Monitor.PulseAll(_gate);
        }
    }

    internal void SetLost(bool lost) => _lost = lost;
}
