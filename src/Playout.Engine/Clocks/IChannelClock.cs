namespace Playout.Engine.Clocks;

/// <summary>What a channel ticks on: one call per frame, blocking until that frame is due.</summary>
public interface IChannelClock : IDisposable
{
    /// <summary>What the clock follows now, e.g. "genlock (hw-sim card 0)" or "system clock".</summary>
    string Source { get; }

    /// <summary>True while the clock follows an external reference (genlock).</summary>
    bool IsLocked { get; }

    /// <summary>Ticks that came later than their due time (the tick loop overran, or syncs were missed).</summary>
    long LateTicks { get; }

    /// <summary>
    /// Blocks until the next tick is due and returns its frame number and deadline: the
    /// <see cref="System.Diagnostics.Stopwatch"/> timestamp by which producers must have delivered (they wait no longer than this).
    /// </summary>
    ClockTick WaitNextTick();
}
