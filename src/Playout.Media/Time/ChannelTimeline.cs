using Playout.Media.Formats;

namespace Playout.Media.Time;

/// <summary>
/// Maps a channel's ticks (one per frame) to UTC instants and local time of day. Anchored at one pair
/// (tick ↔ instant); every mapping is computed from the anchor in exact integer arithmetic, so a 1001 rate
/// never drifts however far from the anchor. Instants have <see cref="DateTime"/>'s 100 ns resolution.
/// </summary>
public sealed class ChannelTimeline
{
    private readonly long _anchorTicks;
    // A tick lasts Denominator/Numerator s = _tickLength/_perSecond DateTime ticks.
    private readonly Int128 _tickLength;
    private readonly Int128 _perSecond;

    public ChannelTimeline(long anchorTick, DateTimeOffset anchorInstant, TimecodeRate rate)
    {
        if (rate.Base == 0)
            throw new ArgumentException("the rate is default(TimecodeRate), not a frame rate", nameof(rate));
        AnchorTick = anchorTick;
        AnchorInstant = anchorInstant.ToUniversalTime();
        Rate = rate;
        _anchorTicks = AnchorInstant.UtcTicks;
        _tickLength = (Int128)rate.FrameRate.Denominator * TimeSpan.TicksPerSecond;
        _perSecond = rate.FrameRate.Numerator;
    }

    public long AnchorTick { get; }
    public DateTimeOffset AnchorInstant { get; }

    /// <summary>The frame rate of the ticks, and the timecode <see cref="TimeOfDayTimecode"/> counts in.</summary>
    public TimecodeRate Rate { get; }

    /// <summary>
    /// When the tick starts: the exact start rounded up to the next 100 ns, as <see cref="VideoFormat.TimeOf"/> does,
    /// so that <see cref="TickAt"/> and <see cref="FirstTickAtOrAfter"/> both give the tick back.
    /// </summary>
    public DateTimeOffset TickStart(long tick) =>
        Utc(_anchorTicks + CeilingDivide((tick - (Int128)AnchorTick) * _tickLength, _perSecond));

    /// <summary>The tick whose frame period contains the instant (floor).</summary>
    public long TickAt(DateTimeOffset instant) =>
        checked(AnchorTick + (long)FloorDivide(Since(instant) * _perSecond, _tickLength));

    /// <summary>The first tick that starts at or after the instant (ceiling): what a command for that instant waits for.</summary>
    public long FirstTickAtOrAfter(DateTimeOffset instant) =>
        checked(AnchorTick + (long)FloorDivide((Since(instant) - 1) * _perSecond, _tickLength) + 1);

    /// <summary>
    /// The first tick that starts at or after the next occurrence, at or after <paramref name="notBefore"/>, of this
    /// local time of day in the zone. Local times go through <see cref="ZonedTime.ToInstant"/>: one in a spring-forward
    /// gap means the instant the clock jumps, an ambiguous fall-back time its first occurrence.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The time of day is negative or not under 24 hours.</exception>
    public long NextTickAtLocalTime(TimeSpan timeOfDay, TimeZoneInfo zone, DateTimeOffset notBefore)
    {
        if (timeOfDay < TimeSpan.Zero || timeOfDay >= TimeSpan.FromDays(1))
            throw new ArgumentOutOfRangeException(nameof(timeOfDay), timeOfDay, "a local time of day is from 00:00 up to but not including 24:00");
        // Start a day early: resolving a gap can move the previous day's time past midnight.
        for (var day = TimeZoneInfo.ConvertTime(notBefore, zone).Date.AddDays(-1); ; day = day.AddDays(1))
        {
            var instant = ZonedTime.ToInstant(day + timeOfDay, zone);
            if (instant >= notBefore)
                return FirstTickAtOrAfter(instant);
        }
    }

    /// <summary>
    /// The time-of-day timecode of the tick in the zone: the frame period of the local day's frame grid (counted at
    /// the rate from local midnight) that the tick's start falls in. It follows the wall clock, so it jumps at DST
    /// changes. At 29.97/59.94 drop-frame stays within 0.15 s of it (−1.8 to +4.4 frames at 29.97, twice that at 59.94),
    /// and the last 2 (59.94: 5) frame periods of a day, past the day's last timecode, hold 23:59:59;29 (;59) rather
    /// than wrap early. Non-drop timecode at a 1001 rate falls behind the wall clock, by 86.4 s at the end of the day.
    /// </summary>
    public Timecode TimeOfDayTimecode(long tick, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(TickStart(tick), zone);
        long frames = (long)((Int128)local.TimeOfDay.Ticks * _perSecond / _tickLength);
        return Timecode.FromFrameCount(Math.Min(frames, Rate.FramesPerDay - 1), Rate);
    }

    private Int128 Since(DateTimeOffset instant) => (Int128)instant.UtcTicks - _anchorTicks;

    private static DateTimeOffset Utc(Int128 ticks) => new(checked((long)ticks), TimeSpan.Zero);

    private static Int128 FloorDivide(Int128 a, Int128 b)
    {
        var quotient = a / b;
        return a % b < 0 ? quotient - 1 : quotient;
    }

    private static Int128 CeilingDivide(Int128 a, Int128 b) => -FloorDivide(-a, b);
}
