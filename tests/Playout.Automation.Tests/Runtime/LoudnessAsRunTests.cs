using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.Engine.Consumers;
using Playout.Engine.Probes;
using Playout.Media.Audio;
using Playout.Media.Frames;
using static Playout.Automation.Tests.Runtime.LoopingDay;

namespace Playout.Automation.Tests.Runtime;

/// <summary>Each item's loudness as it aired is a note in the as-run log, beside the item's own entry.</summary>
public class LoudnessAsRunTests
{
    /// <summary>Runs the probe on the tick itself, so the test's unthrottled channel loses no frame to it.</summary>
    private sealed class OnTheTick(LoudnessProbe probe) : IConsumer
    {
        public string Name => "loudness on the tick";
        public bool NeverBlocks => true;
        public ConsumerCounters Counters => default;
        public void Send(long tick, Frame video, AudioFrame audio) => probe.Process(tick, video, audio);
        public void Dispose() => probe.Dispose();
    }

    [Fact]
    public void Every_item_that_aired_gets_one_loudness_note_over_exactly_its_frames()
    {
        using var channel = new AutomatedChannel(Epoch);
        var probe = new LoudnessProbe(channel.Context, LoudnessSettings.Default);
        channel.Channel.AddConsumer(new OnTheTick(probe));
        channel.Load(new DaySchedule(Day, [Loop()]));
        channel.RunUntil(5);
        using var measuring = channel.Automation.Measure(probe);
        channel.RunUntil(400);

        var entries = channel.Automation.RecentAsRun;
        var notes = entries.Where(e => e.Kind == "loudness").ToArray();
        // Items measured: those that came off at least the probe's second (25 frames) before the end of the run.
        var measured = entries.Where(e => e.Status == AsRunStatus.Played && e.ActualTick + e.ActualFrames <= 400 - 25).ToArray();
        Assert.True(measured.Length >= 4, $"{measured.Length} items");
        Assert.Equal(measured.Select(e => (e.EventId, e.ActualTick, e.ActualFrames)), notes.Select(n => (n.EventId, n.ActualTick, n.ActualFrames)));
        Assert.All(notes, n =>
        {
            Assert.Equal(AsRunStatus.Probe, n.Status);
            // Colour fields are silent: nothing passes the gates.
            Assert.Equal(("integrated none, true peak none, range none", (double?)null), (n.Reason, n.Loudness));
            Assert.StartsWith("loudness ", n.Key);
        });
    }
}
