using System.Globalization;
using Playout.Media.Formats;
using Playout.Server.Amcp;

namespace Playout.Server.Tests.Amcp;

/// <summary>INFO's mode names as CasparCG prints them, for every video mode we have.</summary>
public sealed class AmcpFormatNameTests
{
    public static TheoryData<string> Modes() => [.. VideoFormats.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_mode_is_named_lines_scan_and_field_or_frame_rate_in_hundredths(string mode)
    {
        var format = VideoFormats.Parse(mode);
        string name = AmcpFormatName.Of(format);
        if (name is "PAL" or "NTSC")
        {
            Assert.True(format.IsInterlaced);
            Assert.Equal(name == "PAL" ? 25.0 : 30000 / 1001.0, format.FrameRate.ToDouble(), 6);
            return;
        }
        var parts = System.Text.RegularExpressions.Regex.Match(name, @"^(\d+)([pi])(\d+)$");
        Assert.True(parts.Success, name);
        Assert.StartsWith(parts.Groups[1].Value, format.Name);
        Assert.Equal(format.IsInterlaced ? "i" : "p", parts.Groups[2].Value);
        double rate = format.FrameRate.ToDouble() * (format.IsInterlaced ? 2 : 1);
        Assert.Equal(Math.Round(rate * 100), double.Parse(parts.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("576i50", "PAL")]
    [InlineData("480i59.94", "NTSC")]
    [InlineData("1080i50", "1080i5000")]
    [InlineData("1080i59.94", "1080i5994")]
    [InlineData("720p59.94", "720p5994")]
    [InlineData("1080p29.97", "1080p2997")]
    [InlineData("720p50", "720p5000")]
    public void Known_modes_have_casparcgs_names(string mode, string name) =>
        Assert.Equal(name, AmcpFormatName.Of(VideoFormats.Parse(mode)));
}
