using Playout.Automation.Schedules;
using Playout.Media.Formats;

namespace Playout.Automation.Timing;

/// <summary>
/// A channel's ticks against the wall clock: tick 0 started at <paramref name="epoch"/>, one tick per frame at
/// <paramref name="frameRate"/>, times of day in <paramref name="zone"/>. Frame instants are computed exactly from
/// the tick number (no accumulated rounding over days at 1000/1001 rates).
/// </summary>
public sealed class ScheduleTimeBase(DateTimeOffset epoch, Rational frameRate, TimeZoneInfo zone) : IScheduleTimeBase
{
    public DateTimeOffset Epoch => epoch;
    public Rational FrameRate => frameRate;
    public TimeZoneInfo Zone => zone;

    public DateTimeOffset InstantOf(long tick) =>
        epoch + TimeSpan.FromTicks((long)((Int128)tick * frameRate.Denominator * TimeSpan.TicksPerSecond / frameRate.Numerator));

    /// <summary>The tick nearest to <paramref name="instant"/>.</summary>
    public long TickAt(DateTimeOffset instant)
    {
        Int128 scaled = (Int128)(instant - epoch).Ticks * frameRate.Numerator;
        Int128 unit = (Int128)frameRate.Denominator * TimeSpan.TicksPerSecond;
        return (long)(scaled >= 0 ? (scaled + unit / 2) / unit : -((-scaled + unit / 2) / unit));
    }

    public long Frames(TimeSpan duration) => TickAt(epoch + duration);

    public long TickAtLocal(DateOnly date, TimeSpan timeOfDay) => TickAt(LocalInstant(date, timeOfDay));

    public DateOnly BroadcastDayOf(long tick, TimeSpan dayStart)
    {
        var local = TimeZoneInfo.ConvertTime(InstantOf(tick), zone).DateTime;
        return DateOnly.FromDateTime(local - dayStart);
    }

    /// <summary>
    /// The instant a local time of day happens. A time the clocks skip (spring forward) is read with the offset
    /// in force before the change, so it lands just after the jump (01:30 in a 01:00→02:00 gap is 02:30); a time
    /// that happens twice (fall back) is the first occurrence.
    /// </summary>
    public DateTimeOffset LocalInstant(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        else if (zone.IsInvalidTime(local))
            offset = zone.GetUtcOffset(local - TimeSpan.FromHours(3));
        else
            offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
