using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Producers;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Timing;

/// <summary>A real-time channel whose tick thread is stalled for 2 s: it must come back on the reference's timeline at once.</summary>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class StalledTickTests
{
    private const string Name = "channel 1";

    [Fact]
    public void After_a_2_s_stall_the_channel_is_back_within_a_frame_of_UTC_with_the_slip_counted_and_alarmed_once()
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        var format = VideoFormats.Parse("576i50");
        double period = format.FrameDuration.ToDouble();
        using var context = new ChannelContext(Name, format, 8, 16, NullLogger.Instance, alarms);
        var staller = new StallingConsumer(stallAt: 25, () => Thread.Sleep(2000));
        using var channel = new Channel(context, new SystemClock(format.FrameRate, alarms, Name), SyntheticProducers.Color(context, "black"));
        channel.AddConsumer(staller);
        channel.Start();
        Assert.True(SpinWait.SpinUntil(() => staller.StallEnded is not null, TimeSpan.FromSeconds(10)), "the stall never ended");
        Thread.Sleep(200);

        // Within a second of the stall's end the last tick's frame airs within a frame of UTC, sample after sample.
        var offsets = new List<double>();
        for (int i = 0; i < 10; i++)
        {
            var status = channel.Status();
            offsets.Add((DateTimeOffset.UtcNow - status.AirTime!.Value).TotalSeconds);
            Thread.Sleep(50);
        }
        Assert.True(offsets.Min(Math.Abs) < period && offsets.Max(Math.Abs) < 3 * period,
            $"offsets from UTC (ms): {string.Join(", ", offsets.Select(o => (o * 1000).ToString("0.0")))} (load {File.ReadAllText("/proc/loadavg").Trim()})");
        // Slept 2 s in tick 25: about 49 frames never aired, in one episode under one alarm.
        Assert.InRange(channel.Slips.Frames, 45, 60);
        Assert.Equal(1, channel.Slips.Episodes);
        var alarm = Assert.Single(alarms.Active);
        Assert.Equal(ClockAlarms.Slips(Name), alarm.Source);
        var sent = staller.Sent;
        int at = sent.ToList().FindIndex(s => s.Tick == 25);
        Assert.InRange(sent[at + 1].Tick - 25, 46, 61);
    }
}
