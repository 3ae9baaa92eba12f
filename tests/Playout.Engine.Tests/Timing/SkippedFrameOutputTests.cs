using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Timing;

public class SkippedFrameOutputTests
{
    [Fact]
    public void An_encoded_stream_keeps_its_timestamps_on_the_reference_across_skipped_frames_with_the_sound_filled()
    {
        using var folder = new TempDirectory();
        string file = folder.File("slipped.ts");
        var time = new SteppedTime();
        var alarms = new AlarmBoard(NullLogger.Instance);
        var format = VideoFormats.Parse("576i50");
        StreamConsumer stream;
        using (var context = new ChannelContext("channel 1", format, 8, 16, NullLogger.Instance, alarms))
        using (var channel = new Channel(context, new SystemClock(format.FrameRate, alarms, "channel 1", time), SyntheticProducers.Color(context, "black")))
        {
            stream = new StreamConsumer(context, new StreamSettings(file, "mpegts", "mpeg2video", "mp2", Queue: 200));
            channel.AddConsumer(stream);
            // Tick 20 stalls 1 s: the tick after it is frame 45, so 75 ticks cover frames 0-20 and 45-98.
            channel.AddConsumer(new StallingConsumer(20, () => time.Stall(TimeSpan.FromSeconds(1))));
            channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(context, BarsStandard.Ebu)));
            channel.RunTicks(75);
            Assert.Equal(24, channel.Slips.Frames);
        }
        Assert.True(stream.Failure is null, stream.Failure);

        // The pictures that aired keep their frames' times (the player shows the last one through the gap, as a card repeats
        // it), and the sound runs on without a break (silence for the skipped frames), so picture and sound stay in step.
        using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe",
            ["-v", "error", "-select_streams", "v", "-show_entries", "packet=pts_time", "-of", "json", file]));
        var pts = probe.RootElement.GetProperty("packets").EnumerateArray()
            .Select(p => double.Parse(p.GetProperty("pts_time").GetString()!, CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(75, pts.Length);
        var steps = pts.Zip(pts.Skip(1), (a, b) => Math.Round((b - a) * 25)).ToArray();
        Assert.Equal(73, steps.Count(s => s == 1));
        Assert.Equal(25, Assert.Single(steps, s => s != 1));
        Assert.Equal(25, Math.Round((pts[21] - pts[20]) * 25));
        using var audio = JsonDocument.Parse(ExternalTool.Run("ffprobe",
            ["-v", "error", "-select_streams", "a", "-show_entries", "stream=duration", "-of", "json", file]));
        double audioSeconds = double.Parse(audio.RootElement.GetProperty("streams")[0].GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(audioSeconds, 99 / 25.0 - 0.05, 99 / 25.0 + 0.05);
    }
}
