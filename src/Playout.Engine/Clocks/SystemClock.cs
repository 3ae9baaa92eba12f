using System.Diagnostics;
using Playout.Media.Formats;

namespace Playout.Engine.Clocks;

/// <summary>
/// A free-running clock on the machine's monotonic timer. Tick n is due at start + n·period, computed
/// exactly from the frame rate, so sleeping never accumulates error: a late tick makes the next wait shorter.
/// It sleeps until shortly before the deadline, then spins, because a plain sleep overshoots by up to a millisecond.
/// </summary>
public sealed class SystemClock : IChannelClock
{
    private readonly Rational _frameRate;
    private long _start;
    private long _next;
    private long _lateTicks;
    private long _frame;

    public SystemClock(Rational frameRate, long startTimestamp = 0)
    {
        _frameRate = frameRate;
        _start = startTimestamp == 0 ? Stopwatch.GetTimestamp() : startTimestamp;
    }

    public string Source => "system clock";
    public bool IsLocked => false;
    public long LateTicks => Interlocked.Read(ref _lateTicks);

    /// <summary>Stopwatch ticks per frame, rounded; only for deadlines and waits, never accumulated.</summary>
    public long PeriodTicks => (long)(Stopwatch.Frequency * _frameRate.Denominator / _frameRate.Numerator);

    public ClockTick WaitNextTick()
    {
        long due = DueTime(_next);
        long now = Stopwatch.GetTimestamp();
        if (now > due + PeriodTicks)
        {
            // More than a whole frame behind (a stall): count it and restart the grid from now rather than
            // firing a burst of catch-up ticks.
            Interlocked.Increment(ref _lateTicks);
            _start = now;
            _next = 0;
            due = now;
        }
        else if (now > due)
            Interlocked.Increment(ref _lateTicks);
        else
            PreciseWait.Until(due);
        _next++;
        return new ClockTick(_frame++, due + PeriodTicks / 2);
    }

    public void Dispose()
    {
    }

    /// <summary>Restarts the grid so that the next tick is due at <paramref name="timestamp"/> (used when taking over from genlock).</summary>
    internal void Restart(long timestamp)
    {
        _start = timestamp;
        _next = 0;
    }

    private long DueTime(long tick) =>
        _start + (long)((Int128)tick * Stopwatch.Frequency * _frameRate.Denominator / _frameRate.Numerator);
}
