using System.Numerics;
using Playout.Media.Time;
using static Playout.Media.Tests.Time.TestZones;

namespace Playout.Media.Tests.Time;

public class ChannelTimelineTests
{
    private static readonly DateTimeOffset Anchor = Utc(2025, 1, 1, 0);

    [Theory]
    [InlineData("23.976")]
    [InlineData("29.97")]
    [InlineData("59.94")]
    [InlineData("25")]
    public void Tick_starts_stay_exact_over_days(string rateText)
    {
        var rate = TimecodeRate.Parse(rateText);
        var timeline = new ChannelTimeline(1_000, Anchor, rate);
        long num = rate.FrameRate.Numerator, den = rate.FrameRate.Denominator;
        // A 1001 rate lands on a whole second every `num` ticks: 1001 s per 30000 ticks at 29.97.
        for (long k = 0; k * den < 5 * 86_400; k++)
            Assert.Equal(Anchor.AddSeconds(k * den), timeline.TickStart(1_000 + k * num));
        // Anywhere in between, the start is the exact rational start rounded up to 100 ns.
        var random = new Random(12_345);
        for (int i = 0; i < 10_000; i++)
        {
            long offset = random.NextInt64(-86_400L * 60, 7 * 86_400L * 60);
            var exact = new BigInteger(offset) * den * TimeSpan.TicksPerSecond;
            var ticks = BigInteger.DivRem(exact, num, out var remainder) + (remainder > 0 ? 1 : 0);
            Assert.Equal(Anchor.UtcTicks + (long)ticks, timeline.TickStart(1_000 + offset).UtcTicks);
        }
    }

    [Fact]
    public void A_day_at_29_97_has_the_exact_number_of_frames()
    {
        var timeline = new ChannelTimeline(0, Anchor, TimecodeRate.Fps29_97DropFrame);
        // 86400 s × 30000/1001 = 2 589 410.589... frames: tick 2 589 411 is the first to start on the next day.
        Assert.Equal(2_589_411, timeline.FirstTickAtOrAfter(Anchor.AddDays(1)));
        Assert.Equal(2_589_410, timeline.TickAt(Anchor.AddDays(1)));
        Assert.Equal(258_941_058, timeline.TickAt(Anchor.AddDays(100)));
        Assert.Equal(258_941_059, timeline.FirstTickAtOrAfter(Anchor.AddDays(100)));
    }

    [Theory]
    [InlineData("23.976")]
    [InlineData("29.97")]
    [InlineData("59.94")]
    [InlineData("50")]
    public void Instants_map_back_to_ticks_floor_and_ceiling(string rateText)
    {
        var timeline = new ChannelTimeline(-5, Anchor, TimecodeRate.Parse(rateText));
        var hundredNs = TimeSpan.FromTicks(1);
        for (long tick = -200; tick < 5_000_000; tick += 9_973)
        {
            var start = timeline.TickStart(tick);
            Assert.Equal(tick, timeline.TickAt(start));
            Assert.Equal(tick, timeline.FirstTickAtOrAfter(start));
            Assert.Equal(tick - 1, timeline.TickAt(start - hundredNs));
            Assert.Equal(tick + 1, timeline.FirstTickAtOrAfter(start + hundredNs));
            Assert.Equal(tick, timeline.FirstTickAtOrAfter(start - hundredNs));
            Assert.Equal(tick, timeline.TickAt(timeline.TickStart(tick + 1) - hundredNs));
        }
    }

    [Fact]
    public void Instants_in_any_offset_are_the_same_instant()
    {
        var timeline = new ChannelTimeline(0, Anchor.ToOffset(TimeSpan.FromHours(2)), TimecodeRate.Fps25);
        Assert.Equal(TimeSpan.Zero, timeline.AnchorInstant.Offset);
        Assert.Equal(25 * 3600, timeline.TickAt(new DateTimeOffset(2025, 1, 1, 3, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void The_next_local_time_is_today_or_tomorrow()
    {
        var timeline = new ChannelTimeline(0, Anchor, TimecodeRate.Fps25);
        var six = TimeSpan.FromHours(18);
        Assert.Equal(TicksAt(Utc(2025, 1, 15, 18)), timeline.NextTickAtLocalTime(six, London, Utc(2025, 1, 15, 12)));
        Assert.Equal(TicksAt(Utc(2025, 1, 15, 18)), timeline.NextTickAtLocalTime(six, London, Utc(2025, 1, 15, 18)));
        Assert.Equal(TicksAt(Utc(2025, 1, 16, 18)), timeline.NextTickAtLocalTime(six, London, Utc(2025, 1, 15, 18, 0, 1)));
        Assert.Equal(TicksAt(Utc(2025, 7, 15, 17)), timeline.NextTickAtLocalTime(six, London, Utc(2025, 7, 15, 12)));
        // 22:30 UTC on 14 July is already 15 July in London; 18:00 there is 17:00 UTC.
        Assert.Equal(TicksAt(Utc(2025, 7, 15, 17)), timeline.NextTickAtLocalTime(six, London, Utc(2025, 7, 14, 23, 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => timeline.NextTickAtLocalTime(TimeSpan.FromHours(24), London, Anchor));
    }

    [Fact]
    public void Dst_days_have_23_and_25_hours_of_ticks()
    {
        var timeline = new ChannelTimeline(0, Anchor, TimecodeRate.Fps25);
        long Midnight(int month, int day) => timeline.NextTickAtLocalTime(TimeSpan.Zero, London, Utc(2025, month, day, 0) - TimeSpan.FromHours(2));
        Assert.Equal(23 * 3600 * 25, Midnight(3, 31) - Midnight(3, 30));
        Assert.Equal(25 * 3600 * 25, Midnight(10, 27) - Midnight(10, 26));
        Assert.Equal(24 * 3600 * 25, Midnight(7, 2) - Midnight(7, 1));
    }

    [Fact]
    public void A_local_time_in_the_gap_waits_for_the_jump_and_an_ambiguous_one_takes_the_first()
    {
        var timeline = new ChannelTimeline(0, Anchor, TimecodeRate.Fps29_97DropFrame);
        var half = new TimeSpan(1, 30, 0);
        Assert.Equal(timeline.FirstTickAtOrAfter(Utc(2025, 3, 30, 1)), timeline.NextTickAtLocalTime(half, London, Utc(2025, 3, 30, 0)));
        Assert.Equal(timeline.FirstTickAtOrAfter(Utc(2025, 10, 26, 0, 30)), timeline.NextTickAtLocalTime(half, London, Utc(2025, 10, 26, 0)));
        // Once the first 01:30 has passed the second is not taken: the next is tomorrow's.
        Assert.Equal(timeline.FirstTickAtOrAfter(Utc(2025, 10, 27, 1, 30)), timeline.NextTickAtLocalTime(half, London, Utc(2025, 10, 26, 1)));
    }

    [Fact]
    public void Time_of_day_timecode_wraps_at_local_midnight()
    {
        var timeline = new ChannelTimeline(0, Anchor, TimecodeRate.Fps25);
        long midnight = TicksAt(Utc(2025, 1, 2, 0));
        Assert.Equal("23:59:59:24", timeline.TimeOfDayTimecode(midnight - 1, London).ToString());
        Assert.Equal("00:00:00:00", timeline.TimeOfDayTimecode(midnight, London).ToString());
        Assert.Equal("00:00:00:01", timeline.TimeOfDayTimecode(midnight + 1, London).ToString());
        // Summer: local midnight is 23:00 UTC.
        long summer = TicksAt(Utc(2025, 7, 1, 23));
        Assert.Equal("23:59:59:24", timeline.TimeOfDayTimecode(summer - 1, London).ToString());
        Assert.Equal("00:00:00:00", timeline.TimeOfDayTimecode(summer, London).ToString());
        Assert.Equal("19:00:00:00", timeline.TimeOfDayTimecode(summer, NewYork).ToString());
    }

    [Fact]
    public void Time_of_day_timecode_follows_the_wall_clock_across_dst_changes()
    {
        var timeline = new ChannelTimeline(0, Anchor, TimecodeRate.Fps25);
        long spring = TicksAt(Utc(2025, 3, 30, 1));
        Assert.Equal("00:59:59:24", timeline.TimeOfDayTimecode(spring - 1, London).ToString());
        Assert.Equal("02:00:00:00", timeline.TimeOfDayTimecode(spring, London).ToString());
        long autumn = TicksAt(Utc(2025, 10, 26, 1));
        Assert.Equal("01:59:59:24", timeline.TimeOfDayTimecode(autumn - 1, London).ToString());
        Assert.Equal("01:00:00:00", timeline.TimeOfDayTimecode(autumn, London).ToString());
    }

    [Fact]
    public void Drop_frame_time_of_day_counts_frames_from_local_midnight_and_holds_the_last_timecode()
    {
        var midnight = Utc(2025, 1, 1, 0);
        var timeline = new ChannelTimeline(0, midnight, TimecodeRate.Fps29_97DropFrame);
        foreach (long tick in new long[] { 0, 1, 1_799, 1_800, 17_982, 107_892, 2_589_407 })
            Assert.Equal(Timecode.FromFrameCount(tick, timeline.Rate), timeline.TimeOfDayTimecode(tick, London));
        // 2 589 410.59 frame periods in a day but only 2 589 408 timecodes: the last periods hold 23:59:59;29.
        Assert.Equal("23:59:59;29", timeline.TimeOfDayTimecode(2_589_408, London).ToString());
        Assert.Equal("23:59:59;29", timeline.TimeOfDayTimecode(2_589_410, London).ToString());
        Assert.Equal("00:00:00;00", timeline.TimeOfDayTimecode(2_589_411, London).ToString());
        // The wall clock and the drop-frame timecode agree to within 0.15 s all day.
        for (long tick = 0; tick < 2_589_411; tick += 1_001)
        {
            var wall = timeline.TickStart(tick).TimeOfDay;
            var timecode = timeline.TimeOfDayTimecode(tick, London);
            var label = new TimeSpan(0, timecode.Hours, timecode.Minutes, timecode.Seconds) + TimeSpan.FromSeconds(timecode.Frames / 30.0);
            Assert.InRange((label - wall).TotalSeconds, -0.07, 0.15);
        }
    }

    private static long TicksAt(DateTimeOffset instant) => (long)(instant - Anchor).TotalSeconds * 25;
}
