using Playout.Media.Formats;

namespace Playout.Server.Tests.Cli;

public class FormatsCommandTests
{
    [Fact]
    public void Lists_every_video_mode_and_pixel_format_with_its_frame_size()
    {
        var (code, output, _) = CliRunner.Run("formats");
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        foreach (var mode in VideoFormats.All)
            Assert.Contains(lines, l => l.TrimStart().StartsWith(mode.Name + " ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("4320p59.94") && l.Contains("7680x4320") && l.Contains("60000/1001"));
        Assert.Contains(lines, l => l.Contains("1080i59.94") && l.Contains("1602,1601,1602,1601,1602"));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("radio ", StringComparison.Ordinal) && l.Contains("no video") && l.Contains("1920"));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("v210 ") && l.Contains((40 * 128 * 1080).ToString()));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("st2110-422-10 ") && l.Contains((1920 * 5 / 2 * 1080).ToString()));
    }

    [Fact]
    public void An_unknown_verb_exits_2()
    {
        var (code, _, error) = CliRunner.Run("frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("frobnicate", error);
    }
}
