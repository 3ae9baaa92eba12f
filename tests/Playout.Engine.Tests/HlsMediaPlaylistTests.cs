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

    /// <summary>Six one-second segments from t0, as the muxer lists them.</summary>
    private static HlsMediaPlaylist Seconds(int count) => HlsMediaPlaylist.Parse("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n"
        + string.Concat(Enumerable.Range(0, count).Select(i => $"#EXTINF:1.000000,\nsegment{i}.m4s\n")));

    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The cue tags written before each segment, one string a segment ("" for none).</summary>
    private static string[] Cues(HlsMediaPlaylist playlist, DateTimeOffset first, params HlsCueBreak[] breaks)
    {
        var dates = Enumerable.Range(0, playlist.Segments.Count).Select(i => first.AddSeconds(i)).ToArray();
        var lines = playlist.Write(dates, [], breaks).Split('\n');
        var cues = new List<string>();
        var pending = new List<string>();
        foreach (string line in lines)
        {
            if (line.StartsWith("#EXT-X-CUE", StringComparison.Ordinal))
                pending.Add(line);
            else if (line.StartsWith("segment", StringComparison.Ordinal))
            {
                cues.Add(string.Join(' ', pending));
                pending.Clear();
            }
        }
        return [.. cues];
    }

    [Fact]
    public void A_break_leaves_and_returns_at_the_boundaries_nearest_its_splices_with_the_time_since_it_left_between()
    {
        // Out 2.3 s in for a planned 3 s, back at 5.4 s: out at the boundary at 2 s, back at the one at 5 s.
        var cue = new HlsCueBreak(T0.AddSeconds(2.3), 3, T0.AddSeconds(5.4));
        Assert.Equal(["", "", "#EXT-X-CUE-OUT:DURATION=3.000", "#EXT-X-CUE-OUT-CONT:ElapsedTime=1.000,Duration=3.000",
            "#EXT-X-CUE-OUT-CONT:ElapsedTime=2.000,Duration=3.000", "#EXT-X-CUE-IN", ""], Cues(Seconds(7), T0, cue));
        // Later, with the first three segments gone from the window, the segments keep their tags.
        Assert.Equal(["#EXT-X-CUE-OUT-CONT:ElapsedTime=1.000,Duration=3.000", "#EXT-X-CUE-OUT-CONT:ElapsedTime=2.000,Duration=3.000", "#EXT-X-CUE-IN", ""],
            Cues(Seconds(4), T0.AddSeconds(3), cue));
        // Its return not listed yet: inside the break to the last segment; an open break the same, without a duration.
        Assert.Equal(["", "", "#EXT-X-CUE-OUT:DURATION=3.000", "#EXT-X-CUE-OUT-CONT:ElapsedTime=1.000,Duration=3.000"], Cues(Seconds(4), T0, cue));
        Assert.Equal(["", "#EXT-X-CUE-OUT", "#EXT-X-CUE-OUT-CONT:ElapsedTime=1.000"], Cues(Seconds(3), T0, new HlsCueBreak(T0.AddSeconds(0.8), null, null)));
        // A break nearest the boundary after the last listed segment is not marked yet; one over before the window not at all.
        Assert.All(Cues(Seconds(3), T0, cue with { Out = T0.AddSeconds(2.8) }), c => Assert.Equal("", c));
        Assert.All(Cues(Seconds(3), T0.AddSeconds(10), cue), c => Assert.Equal("", c));
    }
}
