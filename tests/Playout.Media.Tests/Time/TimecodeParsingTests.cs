using Playout.Media.Time;

namespace Playout.Media.Tests.Time;

public class TimecodeParsingTests
{
    [Theory]
    [InlineData("01:02:03:04", "25", "01:02:03:04")]
    [InlineData(" 1:2:3:4 ", "25", "01:02:03:04")]
    [InlineData("01:02:03;04", "29.97", "01:02:03;04")]
    [InlineData("01:02:03.04", "29.97df", "01:02:03;04")]
    [InlineData("01:02:03,04", "59.94", "01:02:03;04")]
    [InlineData("01;02;03;04", "29.97", "01:02:03;04")]
    [InlineData("23:59:59:59", "60", "23:59:59:59")]
    [InlineData("00:10:00;00", "29.97df", "00:10:00;00")]
    [InlineData("00:01:00;02", "29.97df", "00:01:00;02")]
    [InlineData("00:01:00;04", "59.94df", "00:01:00;04")]
    public void Reads_non_drop_and_drop_frame_forms(string text, string rate, string printed)
    {
        var timecode = Timecode.Parse(text, TimecodeRate.Parse(rate));
        Assert.Equal(printed, timecode.ToString());
        Assert.True(Timecode.TryParse(text, TimecodeRate.Parse(rate), out var again));
        Assert.Equal(timecode, again);
    }

    [Theory]
    [InlineData("00:00:00:25", "25", "frames 25 is outside 0-24")]
    [InlineData("00:00:00;30", "29.97df", "frames 30 is outside 0-29")]
    [InlineData("00:60:00:00", "25", "minutes 60 is outside 0-59")]
    [InlineData("00:00:60:00", "25", "seconds 60 is outside 0-59")]
    [InlineData("24:00:00:00", "25", "hours 24 is outside 0-23")]
    [InlineData("00:01:00;00", "29.97df", "frames 00 does not exist in minute 01")]
    [InlineData("00:01:00;01", "29.97df", "frames 01 does not exist in minute 01")]
    [InlineData("00:21:00;03", "59.94df", "frames 03 does not exist in minute 21")]
    [InlineData("01:00:00:00", "29.97df", "is non-drop (':' before the frames) but the rate 29.97df is drop-frame; write 01:00:00;00 or use rate 29.97ndf")]
    [InlineData("01:00:00;00", "29.97ndf", "is drop-frame (';' before the frames) but the rate 29.97ndf is non-drop; write 01:00:00:00 or use rate 29.97df")]
    [InlineData("01:00:00;00", "25", "but the rate 25 is non-drop; write 01:00:00:00")]
    [InlineData("001:00:00:00", "25", "hours has more than two digits")]
    [InlineData("00:00:00:000", "25", "frames has more than two digits")]
    [InlineData("00:00:00", "25", "is not HH:MM:SS:FF")]
    [InlineData("00:00:00:00:00", "25", "is not HH:MM:SS:FF")]
    [InlineData("ab:00:00:00", "25", "is not HH:MM:SS:FF")]
    [InlineData("00:00:00:", "25", "is not HH:MM:SS:FF")]
    [InlineData("01;00:00;00", "29.97", "is not HH:MM:SS:FF")]
    [InlineData("", "25", "is not HH:MM:SS:FF")]
    public void Errors_name_the_text_and_the_field(string text, string rate, string message)
    {
        var e = Assert.Throws<FormatException>(() => Timecode.Parse(text, TimecodeRate.Parse(rate)));
        Assert.Contains($"timecode '{text}'", e.Message);
        Assert.Contains(message, e.Message);
        Assert.False(Timecode.TryParse(text, TimecodeRate.Parse(rate), out _));
    }
}
