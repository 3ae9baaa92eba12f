using Playout.Media.Formats;
using Playout.Media.Time;

namespace Playout.Media.Tests.Time;

public class TimecodeRateTests
{
    [Theory]
    [InlineData("25", 25, 1, false)]
    [InlineData("24", 24, 1, false)]
    [InlineData("50/2", 25, 1, false)]
    [InlineData("23.976", 24000, 1001, false)]
    [InlineData("23.98", 24000, 1001, false)]
    [InlineData("24000/1001", 24000, 1001, false)]
    [InlineData("29.97", 30000, 1001, true)]
    [InlineData("29.97df", 30000, 1001, true)]
    [InlineData("29.97NDF", 30000, 1001, false)]
    [InlineData("30000/1001", 30000, 1001, true)]
    [InlineData("30000/1001ndf", 30000, 1001, false)]
    [InlineData("59.94", 60000, 1001, true)]
    [InlineData("59.94ndf", 60000, 1001, false)]
    [InlineData("60", 60, 1, false)]
    public void Parses_rates_with_plain_29_97_and_59_94_meaning_drop_frame(string text, long numerator, long denominator, bool drop)
    {
        var rate = TimecodeRate.Parse(text);
        Assert.Equal(new Rational(numerator, denominator), rate.FrameRate);
        Assert.Equal(drop, rate.DropFrame);
    }

    [Theory]
    [InlineData("29.98")]
    [InlineData("48")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("25/0")]
    public void Rejects_unknown_rates_naming_the_text_and_the_accepted_forms(string text)
    {
        var e = Assert.Throws<FormatException>(() => TimecodeRate.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains("29.97ndf", e.Message);
    }

    [Theory]
    [InlineData("25df")]
    [InlineData("23.976df")]
    [InlineData("30df")]
    public void Rejects_drop_frame_where_it_does_not_exist(string text)
    {
        var e = Assert.Throws<FormatException>(() => TimecodeRate.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains("only at 29.97 and 59.94", e.Message);
        Assert.Throws<ArgumentException>(() => new TimecodeRate(new Rational(25), true));
    }

    [Fact]
    public void Every_rate_prints_in_a_form_that_parses_back()
    {
        Assert.Equal(
            ["23.976", "24", "25", "29.97df", "29.97ndf", "30", "50", "59.94df", "59.94ndf", "60"],
            TimecodeRate.All.Select(r => r.ToString()));
        foreach (var rate in TimecodeRate.All)
            Assert.Equal(rate, TimecodeRate.Parse(rate.ToString()));
    }

    [Theory]
    [InlineData("29.97df", 30, 2, 2_589_408)]
    [InlineData("59.94df", 60, 4, 5_178_816)]
    [InlineData("29.97ndf", 30, 0, 2_592_000)]
    [InlineData("23.976", 24, 0, 2_073_600)]
    [InlineData("25", 25, 0, 2_160_000)]
    public void Counts_with_the_nominal_base(string text, int expectedBase, int dropped, long framesPerDay)
    {
        var rate = TimecodeRate.Parse(text);
        Assert.Equal(expectedBase, rate.Base);
        Assert.Equal(dropped, rate.DroppedPerMinute);
        Assert.Equal(framesPerDay, rate.FramesPerDay);
    }

    [Fact]
    public void Every_video_mode_has_its_broadcast_rate_with_interlaced_modes_counting_frames()
    {
        foreach (var format in VideoFormats.All)
            Assert.Equal(format.FrameRate, TimecodeRate.ForFrameRate(format.FrameRate).FrameRate);
        Assert.Equal(TimecodeRate.Fps25, TimecodeRate.ForFrameRate(VideoFormats.Parse("1080i50").FrameRate));
        Assert.Equal(TimecodeRate.Fps29_97DropFrame, TimecodeRate.ForFrameRate(VideoFormats.Parse("1080i59.94").FrameRate));
        Assert.Equal(TimecodeRate.Fps59_94DropFrame, TimecodeRate.ForFrameRate(VideoFormats.Parse("720p59.94").FrameRate));
        Assert.Equal(TimecodeRate.Fps23_976, TimecodeRate.ForFrameRate(VideoFormats.Parse("1080p23.98").FrameRate));
    }

    [Fact]
    public void A_frame_rate_without_timecode_is_rejected_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => new TimecodeRate(new Rational(48), false));
        Assert.Contains("48", e.Message);
    }
}
