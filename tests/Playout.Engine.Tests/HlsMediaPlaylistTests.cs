using Playout.Engine.Consumers;

namespace Playout.Engine.Tests;

/// <summary>
/// FFmpeg's live playlist taken apart and written again: every segment and tag kept in order, the muxer's dates replaced by
/// the ones given, each date range before the segment it begins in; junk is refused naming its line.
/// </summary>
public class HlsMediaPlaylistTests
{
    private const string Muxer = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-TARGETDURATION:2
        #EXT-X-MEDIA-SEQUENCE:41
        #EXT-X-INDEPENDENT-SEGMENTS
        #EXT-X-MAP:URI="init.mp4"
        #EXTINF:2.000000,
        #EXT-X-PROGRAM-DATE-TIME:2026-12-06T10:50:11.383+0000
        segment41.m4s
        #EXTINF:2.000000,
        #EXT-X-PROGRAM-DATE-TIME:2026-12-06T10:50:13.383+0000
        segment42.m4s
        #EXT-X-DISCONTINUITY
        #EXTINF:1.960000,
        segment43.m4s
        #EXT-X-ENDLIST

        """;

    [Fact]
    public void Segments_keep_their_tags_and_get_the_given_dates_and_ranges_go_before_the_segment_they_begin_in()
    {
        var playlist = HlsMediaPlaylist.Parse(Muxer.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(41, playlist.MediaSequence);
        Assert.Equal([2.0, 2.0, 1.96], playlist.Segments.Select(s => s.Duration));
        Assert.Equal(["#EXT-X-ENDLIST"], playlist.Trailer);
        var t0 = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] dates = [t0, t0.AddSeconds(2), t0.AddSeconds(4)];
        string written = playlist.Write(dates, [(t0.AddSeconds(-30), "#EARLIER"), (t0.AddSeconds(3.5), "#IN-SECOND"), (t0.AddSeconds(4), "#AT-THIRD"), (t0.AddSeconds(60), "#LATER")]);
        Assert.Equal("""
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:41
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-MAP:URI="init.mp4"
            #EARLIER
            #EXT-X-PROGRAM-DATE-TIME:2026-12-06T00:00:00.000Z
            #EXTINF:2.000000,
            segment41.m4s
            #IN-SECOND
            #EXT-X-PROGRAM-DATE-TIME:2026-12-06T00:00:02.000Z
            #EXTINF:2.000000,
            segment42.m4s
            #AT-THIRD
            #LATER
            #EXT-X-PROGRAM-DATE-TIME:2026-12-06T00:00:04.000Z
            #EXT-X-DISCONTINUITY
            #EXTINF:1.960000,
            segment43.m4s
            #EXT-X-ENDLIST

            """, written);
    }

    [Theory]
    [InlineData("", "line 1")]
    [InlineData("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:x\n", "line 2")]
    [InlineData("#EXTM3U\n#EXTINF:2.0,\nsegment0.m4s\nsegment1.m4s\n", "line 4: segment 'segment1.m4s' has no #EXTINF")]
    [InlineData("#EXTM3U\n#EXTINF:-1,\nsegment0.m4s\n", "line 2")]
    public void Junk_is_refused_naming_its_line(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => HlsMediaPlaylist.Parse(text));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
