namespace Playout.Automation.Schedules;

/// <summary>Where a channel's ticks fall in local time: what the planner needs to turn times of day into frames.</summary>
public interface IScheduleTimeBase
{
    /// <summary>The first tick starting at or after <paramref name="timeOfDay"/> on local <paramref name="date"/> (DST rules of the time zone).</summary>
    long TickAtLocal(DateOnly date, TimeSpan timeOfDay);

    /// <summary>Whole frames in <paramref name="duration"/>, rounded to the nearest.</summary>
    long Frames(TimeSpan duration);

    /// <summary>The tick whose frame period contains <paramref name="instant"/>.</summary>
    long TickAt(DateTimeOffset instant);

    /// <summary>The wall-clock instant tick <paramref name="tick"/> starts at.</summary>
    DateTimeOffset InstantOf(long tick);

    /// <summary>The broadcast day (a local date, days starting at <paramref name="dayStart"/>) that tick <paramref name="tick"/> falls in.</summary>
    DateOnly BroadcastDayOf(long tick, TimeSpan dayStart);
}
