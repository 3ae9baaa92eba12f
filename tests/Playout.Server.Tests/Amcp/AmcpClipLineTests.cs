using Playout.Automation.Library;
using Playout.Engine.Library;
using Playout.Media.Formats;
using Playout.Server.Amcp;

namespace Playout.Server.Tests.Amcp;

/// <summary>CLS lines in the media scanner's format for movies at 25 and 29.97 fps, stills and sound-only files.</summary>
public sealed class AmcpClipLineTests
{
    private static readonly DateTime Modified = new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);

    private static MediaEntry Entry(TimeSpan? duration, bool video, Rational? rate) =>
        new("/m/x", 1234567, Modified, MediaStatus.Ok, null, Modified,
            new MediaInfo("mov", duration, video, video ? 1920 : 0, video ? 1080 : 0, rate, false, video ? "h264" : "", 2, 48000, "aac"), false);

    [Theory]
    [InlineData(10.0, 25, 1, "\"NEWS/OPEN\"  MOVIE  1234567 20261205120000 250 1/25")]
    [InlineData(10.01, 30000, 1001, "\"NEWS/OPEN\"  MOVIE  1234567 20261205120000 300 1001/30000")]
    [InlineData(1.0, 60000, 1001, "\"NEWS/OPEN\"  MOVIE  1234567 20261205120000 60 1001/60000")]
    public void A_movie_has_its_length_in_frames_and_one_frames_time_base(double seconds, long rateNumerator, long rateDenominator, string line) =>
        Assert.Equal(line, AmcpMedia.ClipLine("news/open", Entry(TimeSpan.FromSeconds(seconds), true, new Rational(rateNumerator, rateDenominator))));

    [Fact]
    public void A_still_has_no_frames_and_sound_only_counts_hundredths()
    {
        Assert.Equal("\"LOGO\"  STILL  1234567 20261205120000 0 0/1", AmcpMedia.ClipLine("logo", Entry(null, true, new Rational(25))));
        Assert.Equal("\"BED\"  AUDIO  1234567 20261205120000 300 1/100", AmcpMedia.ClipLine("bed", Entry(TimeSpan.FromSeconds(3), false, null)));
    }
}
