namespace Playout.Server.Tests.Cli;

public class TimecodeCommandTests
{
    [Theory]
    [InlineData("29.97", "1800", "00:01:00;02")]
    [InlineData("29.97df", "17982", "00:10:00;00")]
    [InlineData("59.94", "3600", "00:01:00;04")]
    [InlineData("25", "90000", "01:00:00:00")]
    [InlineData("29.97df", "2589408", "00:00:00;00")]
    [InlineData("30000/1001ndf", "108000", "01:00:00:00")]
    public void A_frame_count_prints_its_timecode(string rate, string frames, string timecode)
    {
        var (code, output, error) = CliRunner.Run("timecode", "--rate", rate, frames);
        Assert.True(code == 0, error);
        Assert.Equal(timecode, output.Trim());
    }

    [Theory]
    [InlineData("29.97", "00:01:00;02", "1800")]
    [InlineData("29.97", "23:59:59;29", "2589407")]
    [InlineData("59.94df", "00:10:00.00", "35964")]
    [InlineData("25", "01:00:00:00", "90000")]
    [InlineData("23.976", "00:00:01:00", "24")]
    public void A_timecode_prints_its_frame_count(string rate, string timecode, string frames)
    {
        var (code, output, error) = CliRunner.Run("timecode", "--rate", rate, timecode);
        Assert.True(code == 0, error);
        Assert.Equal(frames, output.Trim());
    }

    [Theory]
    [InlineData("29.97", "00:01:00;00", "frames 00 does not exist in minute 01")]
    [InlineData("29.97", "01:00:00:00", "use rate 29.97ndf")]
    [InlineData("25", "00:61:00:00", "minutes 61 is outside 0-59")]
    [InlineData("25", "abc", "'abc' is neither a frame count nor a timecode")]
    [InlineData("25", "99999999999999999999", "frame count '99999999999999999999' is too large")]
    [InlineData("29.98", "100", "--rate: '29.98' is not a timecode rate")]
    [InlineData("25df", "100", "--rate: '25df': drop-frame timecode exists only at 29.97 and 59.94")]
    public void Bad_input_exits_2_naming_what_is_wrong(string rate, string value, string message)
    {
        var (code, output, error) = CliRunner.Run("timecode", "--rate", rate, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_missing_rate_exits_2()
    {
        var (code, _, error) = CliRunner.Run("timecode", "100");
        Assert.Equal(2, code);
        Assert.Contains("--rate", error);
    }
}
