using Playout.Engine.Consumers;
using Playout.Media.Scte35;

namespace Playout.Engine.Tests;

/// <summary>
/// What an HLS output's playlists list besides segments: SCTE-35 splices as RFC 8216bis maps them (a break opened by
/// SCTE35-OUT and closed by SCTE35-IN on the same ID, anything else SCTE35-CMD), titles one after another, each tag's
/// dates from its frames.
/// </summary>
public class HlsTimedMetadataTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    /// <summary>25 frames a second from <see cref="Epoch"/>.</summary>
    private static DateTimeOffset DateOf(long tick) => Epoch + TimeSpan.FromMilliseconds(tick * 40);

    [Fact]
    public void A_break_out_and_its_return_are_one_range_with_both_sections_and_its_real_duration()
    {
        var metadata = new HlsTimedMetadata();
        var leave = new SpliceInsert(1001, true, SpliceTime.Immediate, BreakDuration.FromTimeSpan(TimeSpan.FromSeconds(30), autoReturn: false));
        var back = new SpliceInsert(1001, false, SpliceTime.Immediate);
        metadata.Splice(250, leave, []);
        string open = Assert.Single(metadata.Ranges).Tag(DateOf);
        Assert.Equal("#EXT-X-DATERANGE:ID=\"splice-1001\",START-DATE=\"2026-12-06T10:00:10.000Z\",PLANNED-DURATION=30.000,SCTE35-OUT=0x"
            + Convert.ToHexString(new SpliceInfoSection(leave).Encode()), open);

        metadata.Splice(250 + 25 * 28, back, []);
        var range = Assert.Single(metadata.Ranges);
        string closed = range.Tag(DateOf);
        Assert.StartsWith(open.Replace(",PLANNED-DURATION", ",END-DATE=\"2026-12-06T10:00:38.000Z\",DURATION=28.000,PLANNED-DURATION", StringComparison.Ordinal), closed);
        string inSection = closed.Split(",SCTE35-IN=0x")[1];
        Assert.Equal(back, SpliceInfoSection.Decode(Convert.FromHexString(inSection)).Command);
        Assert.Equal(DateOf(950), range.Until(DateOf));
    }

    [Fact]
    public void A_time_signals_placement_opportunity_is_a_break_out_for_its_segmentation_duration_closed_by_its_end()
    {
        var metadata = new HlsTimedMetadata();
        var signal = new TimeSignal(SpliceTime.Immediate);
        var start = new SegmentationDescriptor(42, 0x34, Duration: 60 * 90_000).Encode();
        var end = new SegmentationDescriptor(42, 0x35).Encode();
        var programme = new SegmentationDescriptor(9, 0x10).Encode();
        metadata.Splice(100, signal, [.. start]);
        metadata.Splice(200, signal, [.. programme]);
        metadata.Splice(1600, signal, [.. end]);
        // An end whose start is not open is a command of its own.
        metadata.Splice(1700, signal, [.. new SegmentationDescriptor(43, 0x37).Encode()]);

        var ranges = metadata.Ranges;
        Assert.Equal(["segmentation-42", "scte35-200", "scte35-1700"], ranges.Select(r => r.Id));
        Assert.Equal((60.0, 1600L), (ranges[0].PlannedDuration!.Value, ranges[0].EndTick!.Value));
        Assert.Equal(["SCTE35-OUT", "SCTE35-IN"], ranges[0].Attributes.Select(a => a.Key));
        var read = SpliceInfoSection.Decode(Convert.FromHexString(ranges[0].Attributes[1].Value[2..]));
        Assert.Equal(end, read.Descriptors.ToArray());
        Assert.Equal(["SCTE35-CMD"], ranges[1].Attributes.Select(a => a.Key));
        // The cue tags read the same breaks.
        var cue = Assert.Single(HlsCueBreak.Of(ranges, DateOf));
        Assert.Equal(new HlsCueBreak(DateOf(100), 60, DateOf(1600)), cue);
    }

    [Fact]
    public void A_time_signal_a_return_without_its_break_and_a_second_break_with_the_same_event_are_ranges_of_their_own()
    {
        var metadata = new HlsTimedMetadata();
        var signal = new TimeSignal(SpliceTime.Immediate);
        metadata.Splice(100, signal, [0x02, 0x00]);
        metadata.Splice(200, new SpliceInsert(7, false, SpliceTime.Immediate), []);
        metadata.Splice(300, new SpliceInsert(7, true, SpliceTime.Immediate), []);
        metadata.Splice(400, new SpliceInsert(7, false, SpliceTime.Immediate), []);
        metadata.Splice(500, new SpliceInsert(7, true, SpliceTime.Immediate), []);
        metadata.Splice(600, new SpliceInsert(7, false, SpliceTime.Immediate), []);

        var ranges = metadata.Ranges;
        Assert.Equal(["scte35-100", "scte35-200", "splice-7", "splice-7-500"], ranges.Select(r => r.Id));
        var decoded = SpliceInfoSection.Decode(Convert.FromHexString(ranges[0].Attributes.Single(a => a.Key == "SCTE35-CMD").Value[2..]));
        Assert.Equal(signal, decoded.Command);
        Assert.Equal(new byte[] { 0x02, 0x00 }, decoded.Descriptors.ToArray());
        Assert.Equal([null, null, 400L, 600L], ranges.Select(r => r.EndTick));
        // A point in time is over once it has passed; a break without a planned duration lasts until its return.
        Assert.Equal(DateOf(100), ranges[0].Until(DateOf));
        metadata.Splice(700, new SpliceInsert(8, true, SpliceTime.Immediate), []);
        Assert.Null(metadata.Ranges[^1].Until(DateOf));
    }

    [Fact]
    public void Each_title_ends_where_the_next_begins_and_forgotten_ranges_are_those_over_before_the_window()
    {
        var metadata = new HlsTimedMetadata();
        metadata.NowPlaying(0, "Morning \"news\"\nlive");
        metadata.NowPlaying(500, "Bài hát hai");
        metadata.Splice(520, new TimeSignal(SpliceTime.Immediate), []);
        var ranges = metadata.Ranges;
        Assert.Equal("#EXT-X-DATERANGE:ID=\"title-0\",CLASS=\"org.playout.now-playing\",START-DATE=\"2026-12-06T10:00:00.000Z\","
            + "END-DATE=\"2026-12-06T10:00:20.000Z\",DURATION=20.000,X-TITLE=\"Morning 'news' live\"", ranges[0].Tag(DateOf));
        Assert.Equal("#EXT-X-DATERANGE:ID=\"title-500\",CLASS=\"org.playout.now-playing\",START-DATE=\"2026-12-06T10:00:20.000Z\",X-TITLE=\"Bài hát hai\"",
            ranges[1].Tag(DateOf));
        long version = metadata.Version;

        metadata.ForgetBefore(DateOf(510), DateOf);
        Assert.Equal(["title-500", "scte35-520"], metadata.Ranges.Select(r => r.Id));
        metadata.ForgetBefore(DateOf(10_000), DateOf);
        Assert.Equal(["title-500"], metadata.Ranges.Select(r => r.Id));
        Assert.Equal(version, metadata.Version);
        metadata.NowPlaying(10_000, "Next");
        Assert.NotEqual(version, metadata.Version);
    }
}
