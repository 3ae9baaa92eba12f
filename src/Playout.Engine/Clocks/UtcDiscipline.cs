using System.Diagnostics;
using Playout.Engine.Alarms;

namespace Playout.Engine.Clocks;

/// <summary>
/// Keeps a system clock's timeline (frames on the monotonic timer) on the system's UTC clock, which NTP disciplines. Once a
/// second it compares the two: an offset under half a frame is slewed away (at most 1 ms a second), so the time of day stays
/// within a frame of UTC without a visible jump; a larger one is a step of the UTC clock. A forward step is followed at once
/// (the next tick is UTC's frame: the frames between are skipped); a backward step up to <see cref="MaxHold"/> is followed by
/// holding the channel (its outputs repeat a frame) until UTC is back on its frame; a larger backward step is not followed
/// (holding the channel that long would take it off air) and leaves the channel ahead of UTC until it restarts. Every step
/// raises one latched alarm.
/// </summary>
internal sealed class UtcDiscipline(ITimeSource time, long period, AlarmBoard? alarms, string alarmSource)
{
    /// <summary>The largest backward step of UTC the channel follows by holding.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(1);

    private static readonly long CheckEvery = Stopwatch.Frequency;
    private static readonly long MaxSlew = Stopwatch.Frequency / 1000;
    private static readonly long MaxHoldTicks = (long)(MaxHold.TotalSeconds * Stopwatch.Frequency);

    private long _nextCheck = long.MinValue;
    // What is left unfollowed of backward steps (Stopwatch ticks, negative): how far the timeline runs ahead of UTC.
    private long _unfollowed;
    private long _steps;

    /// <summary>
    /// Once a second, the correction to add to the timestamp the timeline's epoch falls on (negative: frames come sooner).
    /// </summary>
    public long Correction(DateTimeOffset epoch, long epochTimestamp)
    {
        if (_nextCheck == long.MinValue)
            _nextCheck = epochTimestamp + CheckEvery;
        if (time.Timestamp() < _nextCheck)
            return 0;
        var now = TimePair.Read(time);
        _nextCheck = now.Timestamp + CheckEvery;
        // How far UTC is ahead of the timeline.
        long ahead = StopwatchTicks(now.Utc - epoch) - (now.Timestamp - epochTimestamp) - _unfollowed;
        if (Math.Abs(ahead) <= period / 2)
            return -Math.Clamp(ahead, -MaxSlew, MaxSlew);
        string by = Milliseconds(Math.Abs(ahead));
        if (ahead > 0)
        {
            Step($"system UTC stepped forward by {by}: the channel skipped to UTC's frame");
            return -ahead;
        }
        if (-ahead <= MaxHoldTicks)
        {
            Step($"system UTC stepped back by {by}: the channel held its frame until UTC was back on it");
            return -ahead;
        }
        _unfollowed += ahead;
        _steps++;
        alarms?.Raise(alarmSource, AlarmSeverity.Major,
            $"system UTC stepped back by {by}: not followed (the channel would hold that long); its time of day runs {Milliseconds(-_unfollowed)} ahead of UTC until it restarts");
        return 0;
    }

    private void Step(string what)
    {
        if (alarms is null)
            return;
        // Steps while the alarm is listed (a UTC clock that keeps drifting away) update it: one alarm with the count, not one per step.
        string message = $"{what} ({++_steps} step(s) since start)";
        if (!alarms.Update(alarmSource, message, ClockAlarms.Latch))
            alarms.Raise(alarmSource, AlarmSeverity.Warning, message, ClockAlarms.Latch);
        // The step is over once followed: the alarm stays listed for its latch, then goes.
        if (_unfollowed == 0)
            alarms.Clear(alarmSource);
    }

    private static long StopwatchTicks(TimeSpan span) => (long)((Int128)span.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);

    private static string Milliseconds(long ticks) => $"{ticks * 1000.0 / Stopwatch.Frequency:0.#} ms";
}
