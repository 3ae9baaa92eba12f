using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Media.Formats;
using Playout.Media.Time;

namespace Playout.Automation.Timing;

/// <summary>
/// A channel's ticks against the wall clock and its time zone, for the planner (times of day → ticks) and for
/// status and as-run (ticks → time-of-day timecode). Tick 0 started at <paramref name="epoch"/>; one tick per
/// frame; the mapping is exact at 1000/1001 rates however long the channel runs (see <see cref="ChannelTimeline"/>).
/// </summary>
public sealed class ScheduleTimeBase(DateTimeOffset epoch, Rational frameRate, TimeZoneInfo zone) : IScheduleTimeBase, ITimecodes
{
    private readonly ChannelTimeline _timeline = new(0, epoch, TimecodeRate.ForFrameRate(frameRate));

    public TimeZoneInfo Zone => zone;
    public TimecodeRate Rate => _timeline.Rate;

    public DateTimeOffset InstantOf(long tick) => _timeline.TickStart(tick);

    public long TickAt(DateTimeOffset instant) => _timeline.TickAt(instant);

    /// <summary>The first tick starting at or after the local time: the frame a fixed start goes to air on.</summary>
    public long TickAtLocal(DateOnly date, TimeSpan timeOfDay) =>
        _timeline.FirstTickAtOrAfter(ZonedTime.ToInstant(date.ToDateTime(TimeOnly.MinValue) + timeOfDay, zone));

    /// <summary>When broadcast day <paramref name="day"/> starts (UTC), for reports about a day rather than a tick.</summary>
    public DateTimeOffset LocalInstantOfDay(DateOnly day, TimeSpan dayStart) =>
        ZonedTime.ToInstant(day.ToDateTime(TimeOnly.MinValue) + dayStart, zone);

    public long Frames(TimeSpan duration) =>
        (long)Math.Round((decimal)duration.Ticks * frameRate.Numerator / (frameRate.Denominator * TimeSpan.TicksPerSecond),
            MidpointRounding.AwayFromZero);

    public DateOnly BroadcastDayOf(long tick, TimeSpan dayStart) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(InstantOf(tick), zone).DateTime - dayStart);

    public string OfDay(long tick) => _timeline.TimeOfDayTimecode(tick, zone).ToString();

    /// <summary>A duration in frames as timecode at the channel's rate (drop-frame counting at 29.97/59.94; wraps at 24 h).</summary>
    public string Duration(long frames) => Timecode.FromFrameCount(Math.Max(0, frames), _timeline.Rate).ToString();
}
