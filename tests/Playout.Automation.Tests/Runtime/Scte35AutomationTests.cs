using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Consumers;
using Playout.Media.Scte35;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

public class Scte35AutomationTests
{
    // The demo's encoder settings (no B-frames, no lookahead) and x264's defaults (both): the splice follows the muxer's offsets.
    [Theory]
    [InlineData("preset=ultrafast:tune=zerolatency")]
    [InlineData("preset=veryfast")]
    public void A_scheduled_break_signals_scte35_in_the_ts_output_with_its_event_id_duration_and_the_pts_of_its_first_frame(string options)
    {
        using var folder = new TempDirectory();
        string file = folder.File("programme.ts");
        var day = new DateOnly(2026, 11, 24);
        StreamConsumer? stream = null;
        using (var channel = new AutomatedChannel(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero),
            settings: ScheduleSettings.Default with { Lookahead = TimeSpan.FromSeconds(6) },
            scte35: (context, target) =>
            {
                stream = new StreamConsumer(context, new StreamSettings(file, "mpegts", "libx264", "aac", options, VideoBitrate: 2_000_000, Queue: 400, Scte35: true));
                target.AddConsumer(stream);
                return new SpliceOutputs([stream], NullLogger.Instance);
            }))
        {
            channel.Load(new DaySchedule(day,
            [
                new PrimaryEvent("programme", PrimaryKind.Filler, "#404040", Duration: TimeSpan.FromSeconds(6)),
                new PrimaryEvent("break", PrimaryKind.Filler, "#808080", Duration: TimeSpan.FromSeconds(30), Secondaries:
                [
                    new SecondaryEvent(SecondaryKind.Scte35, Scte35: new Scte35Cue(0x4242, BreakDuration: TimeSpan.FromSeconds(30), AvailNum: 1, AvailsExpected: 1)),
                    new SecondaryEvent(SecondaryKind.Scte35, EventAnchor.End, Scte35: new Scte35Cue(0x4243, OutOfNetwork: false)),
                ]),
            ]));
            channel.RunUntil(250);
        }
        Assert.Equal(0, stream!.Counters.Dropped);
        Assert.Equal(1, stream.SplicesSent);   // the return cue (at 36 s) is beyond the run
        var section = SpliceInfoSection.Decode(Assert.Single(TsProbe.DataSections(file)));   // Decode checks the CRC
        var insert = Assert.IsType<SpliceInsert>(section.Command);
        Assert.Equal((0x4242u, true), (insert.EventId, insert.OutOfNetwork));
        Assert.Equal(new BreakDuration(true, 30 * 90000), insert.Duration);
        // The break's first frame, told by its content (#808080 after #404040) as decoded with the file's own timestamps.
        var frames = TsProbe.VideoFrames(file);
        int breakStart = Array.FindIndex(frames, f => f.Luma > 100);
        Assert.Equal(150, breakStart);   // "break" starts at 6 s: tick 150 (the stream took every tick from 0)
        Assert.Equal(frames[breakStart].Pts, section.SplicePts);
    }
}
