using Playout.Media.Time;

namespace Playout.Media.Tests.Time;

public class TimecodeCountingTests
{
    public static TheoryData<string> Rates => [.. TimecodeRate.All.Select(r => r.ToString())];

    [Theory]
    [InlineData("29.97df", "00:00:59;29", "00:01:00;02")]
    [InlineData("29.97df", "00:01:59;29", "00:02:00;02")]
    [InlineData("29.97df", "00:09:59;29", "00:10:00;00")]
    [InlineData("29.97df", "00:10:59;29", "00:11:00;02")]
    [InlineData("29.97df", "23:59:59;29", "00:00:00;00")]
    [InlineData("59.94df", "00:00:59;59", "00:01:00;04")]
    [InlineData("59.94df", "00:09:59;59", "00:10:00;00")]
    [InlineData("59.94df", "23:59:59;59", "00:00:00;00")]
    [InlineData("29.97ndf", "00:00:59:29", "00:01:00:00")]
    [InlineData("25", "23:59:59:24", "00:00:00:00")]
    [InlineData("23.976", "00:00:00:23", "00:00:01:00")]
    public void The_next_frame_after_a_boundary(string rateText, string timecode, string next)
    {
        var rate = TimecodeRate.Parse(rateText);
        Assert.Equal(next, (Timecode.Parse(timecode, rate) + 1).ToString());
        Assert.Equal(timecode, (Timecode.Parse(next, rate) - 1).ToString());
    }

    [Theory]
    [InlineData("29.97df", 1_800, "00:01:00;02")]
    [InlineData("29.97df", 17_982, "00:10:00;00")]
    [InlineData("29.97df", 107_892, "01:00:00;00")]
    [InlineData("29.97df", 2_589_407, "23:59:59;29")]
    [InlineData("29.97df", 2_589_408, "00:00:00;00")]
    [InlineData("29.97df", -1, "23:59:59;29")]
    [InlineData("59.94df", 3_600, "00:01:00;04")]
    [InlineData("59.94df", 35_964, "00:10:00;00")]
    [InlineData("59.94df", 5_178_816, "00:00:00;00")]
    [InlineData("29.97ndf", 108_000, "01:00:00:00")]
    [InlineData("25", 90_000, "01:00:00:00")]
    [InlineData("25", 2_160_000 * 3L + 26, "00:00:01:01")]
    [InlineData("60", 216_000, "01:00:00:00")]
    public void Frame_counts_map_to_timecodes_modulo_a_day(string rateText, long frames, string timecode)
    {
        var rate = TimecodeRate.Parse(rateText);
        Assert.Equal(timecode, Timecode.FromFrameCount(frames, rate).ToString());
        long day = rate.FramesPerDay;
        Assert.Equal((frames % day + day) % day, Timecode.Parse(timecode, rate).FrameCount);
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Every_frame_of_the_first_20_minutes_matches_a_frame_by_frame_count(string rateText)
    {
        var rate = TimecodeRate.Parse(rateText);
        var expected = new CountingClock(rate);
        for (long frame = 0; frame < 20 * 60 * rate.Base; frame++, expected.Advance())
        {
            var timecode = Timecode.FromFrameCount(frame, rate);
            Assert.Equal(expected.ToString(), timecode.ToString());
            Assert.Equal(frame, timecode.FrameCount);
        }
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Frames_sampled_across_the_day_round_trip_and_step_by_one(string rateText)
    {
        var rate = TimecodeRate.Parse(rateText);
        for (long frame = 0; frame < rate.FramesPerDay; frame += 997)
        {
            var timecode = Timecode.FromFrameCount(frame, rate);
            Assert.Equal(frame, timecode.FrameCount);
            Assert.Equal(timecode, Timecode.Parse(timecode.ToString(), rate));
            var next = CountingClock.Next(timecode);
            Assert.Equal(next, timecode + 1);
            Assert.Equal(next, Timecode.FromFrameCount(frame + 1, rate));
        }
    }

    [Fact]
    public void Drop_frame_counts_17982_frames_per_ten_minutes_at_29_97_and_35964_at_59_94()
    {
        var rate2997 = TimecodeRate.Fps29_97DropFrame;
        var rate5994 = TimecodeRate.Fps59_94DropFrame;
        for (int tens = 0; tens < 144; tens++)
        {
            Assert.Equal(17_982L * tens, new Timecode(tens / 6, tens % 6 * 10, 0, 0, rate2997).FrameCount);
            Assert.Equal(35_964L * tens, new Timecode(tens / 6, tens % 6 * 10, 0, 0, rate5994).FrameCount);
        }
    }

    [Fact]
    public void Arithmetic_wraps_at_midnight_and_differences_are_signed_within_the_day()
    {
        var rate = TimecodeRate.Fps29_97DropFrame;
        var late = Timecode.Parse("23:59:59;28", rate);
        var early = Timecode.Parse("00:00:00;01", rate);
        Assert.Equal(early, late + 3);
        Assert.Equal(late, early - 3);
        Assert.Equal(late, early + (rate.FramesPerDay * 5 - 3));
        Assert.Equal(3, early.FramesSince(late));
        Assert.Equal(rate.FramesPerDay - 3, late.FramesSince(early));
        Assert.Equal(rate.FramesPerDay - 3, late - early);
        Assert.Equal(3 - rate.FramesPerDay, early - late);
        Assert.Equal(1_800, Timecode.Parse("00:01:00;02", rate) - new Timecode(0, 0, 0, 0, rate));
    }

    [Fact]
    public void Comparison_follows_the_frame_count_and_refuses_mixed_rates()
    {
        var rate = TimecodeRate.Fps25;
        var a = Timecode.Parse("00:59:59:24", rate);
        var b = Timecode.Parse("01:00:00:00", rate);
        Assert.True(a < b && b > a && a <= b && b >= a && a <= a + 0);
        Assert.Equal(-1, a.CompareTo(b));
        Assert.NotEqual(a, b);
        Assert.Equal(b, a + 1);
        var other = Timecode.Parse("01:00:00:00", TimecodeRate.Fps50);
        Assert.NotEqual(b, other);
        var e = Assert.Throws<ArgumentException>(() => b.CompareTo(other));
        Assert.Contains("01:00:00:00 is at 50, not 25", e.Message);
        Assert.Throws<ArgumentException>(() => b - other);
    }

    [Fact]
    public void The_constructor_rejects_a_dropped_frame_number_naming_the_field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Timecode(0, 1, 0, 1, TimecodeRate.Fps29_97DropFrame));
        Assert.Contains("frames 01", e.Message);
        Assert.Equal("00:10:00;00", new Timecode(0, 10, 0, 0, TimecodeRate.Fps29_97DropFrame).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Timecode(0, 0, 0, 0, default));
    }

    /// <summary>An independent oracle: a timecode generator that counts one frame at a time, skipping dropped numbers.</summary>
    private sealed class CountingClock(TimecodeRate rate)
    {
        private Timecode _now = new(0, 0, 0, 0, rate);

        public void Advance() => _now = Next(_now);

        public override string ToString() => _now.ToString();

        public static Timecode Next(Timecode t)
        {
            int h = t.Hours, m = t.Minutes, s = t.Seconds, f = t.Frames + 1;
            if (f == t.Rate.Base) (f, s) = (0, s + 1);
            if (s == 60) (s, m) = (0, m + 1);
            if (m == 60) (m, h) = (0, h + 1);
            if (h == 24) h = 0;
            if (s == 0 && f == 0 && m % 10 != 0)
                f = t.Rate.DroppedPerMinute;
            return new Timecode(h, m, s, f, t.Rate);
        }
    }
}
