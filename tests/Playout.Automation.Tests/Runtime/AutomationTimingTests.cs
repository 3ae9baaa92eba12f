using Playout.Automation.Schedules;
using Playout.Media.Time;

namespace Playout.Automation.Tests.Runtime;

/// <summary>The schedule's timing on a running channel (simulated clock): every cut lands on its frame.</summary>
public class AutomationTimingTests
{
    private static PrimaryEvent Colour(string id, string colour, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null) =>
        new(id, PrimaryKind.Filler, colour, Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds));

    /// <summary>A time-of-day timecode as the time it names (frames since midnight at the rate), rounded down to 100 ns.</summary>
    private static TimeSpan TimeOf(string timecode, TimecodeRate rate) =>
        TimeSpan.FromTicks((long)((Int128)Timecode.Parse(timecode, rate).FrameCount * rate.FrameRate.Denominator * TimeSpan.TicksPerSecond
            / rate.FrameRate.Numerator));

    [Fact]
    public void A_fixed_event_at_a_drop_frame_timecode_goes_to_air_on_exactly_the_frame_of_that_timecode()
    {
        var rate = TimecodeRate.Fps29_97DropFrame;
        // The epoch sits between frame boundaries of the local day's grid, as a real start-up would.
        var day = new DateOnly(2026, 11, 24);
        var epoch = new DateTimeOffset(2026, 11, 24, 6, 9, 55, 13, TimeSpan.Zero);
        using var channel = new AutomatedChannel(epoch, "480i59.94");
        channel.Load(new DaySchedule(day,
        [
            // Longer than the ten minutes to the top of the hour: the fixed start cuts it on its frame.
            Colour("before", "#404040", 700, TimingMode.Fixed, TimeSpan.FromHours(6)),
            Colour("top-of-hour", "#C0C0C0", 5, TimingMode.Fixed, TimeOf("06:10:00;02", rate)),
        ]));
        long start = channel.Automation.Plan.Items.Single(i => i.Event.Id == "top-of-hour").Start!.Value;
        Assert.Equal("06:10:00;02", channel.Time.OfDay(start));
        Assert.NotEqual("06:10:00;02", channel.Time.OfDay(start - 1));

        channel.RunUntil(start + 10);
        int before = channel.LumaOf("#404040"), after = channel.LumaOf("#C0C0C0");
        Assert.Equal(before, channel.Luma[(int)start - 1]);
        Assert.All(channel.Luma.Skip((int)start), luma => Assert.Equal(after, luma));
    }

    [Fact]
    public void An_overrun_is_cut_on_the_fixed_frame_a_gap_is_filled_and_the_day_rolls_over_without_a_gap()
    {
        var day = new DateOnly(2026, 11, 24);
        // Tick 0 is 05:59:52 on the 25th: broadcast day 24 still runs until 06:00:00 (tick 200).
        var epoch = new DateTimeOffset(2026, 11, 25, 5, 59, 52, TimeSpan.Zero);
        using var channel = new AutomatedChannel(epoch);
        channel.Load(
            new DaySchedule(day,
            [
                Colour("night", "#303030", 60, TimingMode.Fixed, new TimeSpan(5, 59, 50)),
                Colour("overrun", "#505050", 60, TimingMode.Fixed, new TimeSpan(5, 59, 54)),
                Colour("closer", "#707070", 1, TimingMode.Fixed, new TimeSpan(5, 59, 57)),
            ]),
            new DaySchedule(day.AddDays(1),
            [
                Colour("morning", "#909090", 2),
                Colour("gap-then-news", "#B0B0B0", 2, TimingMode.Fixed, new TimeSpan(6, 0, 3)),
            ]));
        channel.RunUntil(300);
        int black = channel.LumaOf("black");
        int[] expected =
        [
            .. Enumerable.Repeat(channel.LumaOf("#303030"), 50),   // joined in progress (a second after start-up, the producer opened)
            .. Enumerable.Repeat(channel.LumaOf("#505050"), 75),   // 05:59:54 to 05:59:57: the overrun is cut by the closer
            .. Enumerable.Repeat(channel.LumaOf("#707070"), 25),   // 05:59:57, one second
            .. Enumerable.Repeat(black, 50),                       // gap to the day start, filled
            .. Enumerable.Repeat(channel.LumaOf("#909090"), 50),   // 06:00:00 on the next day, no frame lost
            .. Enumerable.Repeat(black, 25),                       // gap to 06:00:03
            .. Enumerable.Repeat(channel.LumaOf("#B0B0B0"), 25),
        ];
        int first = channel.Luma.ToList().IndexOf(channel.LumaOf("#303030"));
        Assert.InRange(first, 25, 30);
        Assert.Equal(expected[first..], channel.Luma.Take(expected.Length).Skip(first).ToArray());
    }
}
