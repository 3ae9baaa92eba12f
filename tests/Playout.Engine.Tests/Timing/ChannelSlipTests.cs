using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Media.Formats;

namespace Playout.Engine.Tests.Timing;

public class ChannelSlipTests
{
    private const string Name = "channel 1";

    [Theory]
    [InlineData("576i50")]
    [InlineData("720p59.94")]
    [InlineData("1080i59.94")]
    public void A_stalled_tick_jumps_to_the_reference_frame_counts_the_slip_and_alarms_once(string mode)
    {
        var time = new SteppedTime();
        var alarms = new AlarmBoard(NullLogger.Instance);
        var format = VideoFormats.Parse(mode);
        using var context = new ChannelContext(Name, format, 8, 16, NullLogger.Instance, alarms);
        var clock = new SystemClock(format.FrameRate, alarms, Name, time);
        var staller = new StallingConsumer(stallAt: 9, () => time.Stall(TimeSpan.FromSeconds(2)));
        using (var channel = new Channel(context, clock, SyntheticProducers.Color(context, "black")))
        {
            channel.AddConsumer(staller);
            channel.RunTicks(40);

            // The reference moved on 2 s while tick 9 stalled: the tick after it is the frame due then, and the ones between never aired.
            long reference = format.FrameIndexAt(format.TimeOf(9) + TimeSpan.FromSeconds(2));
            var ticks = staller.Sent.Select(s => s.Tick).ToArray();
            Assert.Equal([.. Enumerable.Range(0, 10).Select(i => (long)i)], ticks[..10]);
            Assert.Equal(reference, ticks[10]);
            Assert.Equal([.. Enumerable.Range(0, 29).Select(i => reference + i + 1)], ticks[11..]);
            Assert.Equal(reference - 10, channel.Slips.Frames);
            var status = channel.Status();
            Assert.Equal(reference - 10, status.SlippedFrames);
            // On air at UTC's frame again: the last tick's frame airs within one frame of the time now.
            double off = (time.UtcNow() - status.AirTime!.Value).TotalSeconds;
            Assert.InRange(off, -1e-6, format.FrameDuration.ToDouble());
            var alarm = Assert.Single(alarms.Active);
            Assert.Equal(ClockAlarms.Slips(Name), alarm.Source);
            Assert.StartsWith($"{reference - 10} frame(s) slipped", alarm.Message);
            Assert.Equal(1, alarms.RaisedCount);
            // The sound follows the reference's frames: each tick's length is the cadence's for that frame number.
            Assert.All(staller.Sent, s => Assert.Equal(format.AudioSamplesForFrame(s.Tick), s.Samples));
        }
    }

    [Fact]
    public async Task A_command_due_on_a_skipped_frame_applies_on_the_first_frame_the_channel_runs_after_it_and_the_next_on_its_own()
    {
        var time = new SteppedTime();
        var alarms = new AlarmBoard(NullLogger.Instance);
        var format = VideoFormats.Parse("576i50");
        using var context = new ChannelContext(Name, format, 8, 16, NullLogger.Instance, alarms);
        using var channel = new Channel(context, new SystemClock(format.FrameRate, alarms, Name, time), SyntheticProducers.Color(context, "black"));
        channel.AddConsumer(new StallingConsumer(9, () => time.Stall(TimeSpan.FromSeconds(2))));
        // Queued before the stall: one due on frame 30 (skipped: the tick after 9 is 59), one due on frame 70 (after it).
        var during = channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(context, "white"), atTick: 30));
        var after = channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(context, "blue"), atTick: 70));
        channel.RunTicks(30);
        Assert.Equal(59, await during);
        Assert.Equal(70, await after);
    }

    [Fact]
    public void Slips_in_one_episode_raise_one_alarm_and_a_second_episode_while_it_is_latched_brings_it_up_to_date()
    {
        var time = new SteppedTime();
        var alarms = new AlarmBoard(NullLogger.Instance);
        var format = VideoFormats.Parse("576i50");
        using var context = new ChannelContext(Name, format, 8, 16, NullLogger.Instance, alarms);
        // Stalls of 120 ms (2 frames slipped each) on ticks 10, 15, 20: one episode, under a second apart.
        using var channel = new Channel(context, new SystemClock(format.FrameRate, alarms, Name, time), SyntheticProducers.Color(context, "black"));
        channel.AddConsumer(new StallingConsumer(10, () => time.Stall(TimeSpan.FromMilliseconds(120))));
        channel.AddConsumer(new StallingConsumer(15, () => time.Stall(TimeSpan.FromMilliseconds(120))));
        channel.AddConsumer(new StallingConsumer(20, () => time.Stall(TimeSpan.FromMilliseconds(120))));
        channel.RunTicks(100);
        Assert.Equal(6, channel.Slips.Frames);
        Assert.StartsWith("6 frame(s) slipped", Assert.Single(alarms.Active).Message);
        Assert.Equal(1, alarms.RaisedCount);
        // A second later, a 200 ms stall: a new episode of 4 frames.
        channel.AddConsumer(new StallingConsumer(channel.Tick + 5, () => time.Stall(TimeSpan.FromMilliseconds(200))));
        channel.RunTicks(20);
        Assert.Equal(10, channel.Slips.Frames);
        Assert.Equal(2, channel.Slips.Episodes);
        // The first episode's alarm is still latched: the same alarm (one id, one raise) now tells of the second.
        var alarm = Assert.Single(alarms.Active);
        Assert.StartsWith("4 frame(s) slipped", alarm.Message);
        Assert.Equal((1L, 1L), (alarm.Id, alarms.RaisedCount));
    }
}
