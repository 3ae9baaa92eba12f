using Playout.Engine.Alarms;
using Playout.Engine.Commands;
using Playout.Engine.Probes;
using Playout.Engine.Producers;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Tests.Probes;

/// <summary>The probe consumer on a channel: off the tick, isolated from a failing probe, leak-free, and the alarms it raises.</summary>
public class ProbeConsumerTests
{
    [Fact]
    public void A_throwing_probe_raises_its_own_alarm_while_the_others_see_every_frame_and_no_frame_leaks()
    {
        using var test = new TestChannel();
        var faulty = new Faulty(failFrom: 3, failTo: 5);
        var seen = new Spy();
        var consumer = new ProbeConsumer(test.Context, [faulty, seen]);
        test.Channel.AddConsumer(consumer);
        int baseline = -1;
        for (long tick = 0; tick < 10; tick++)
        {
            Step(test, seen, tick);
            if (tick == 0)
                baseline = test.Context.VideoPool.Outstanding;
            Assert.Equal(tick is >= 3 and <= 5, test.Alarms.IsActive("channel 1/probe/faulty"));
            Assert.Equal(baseline, test.Context.VideoPool.Outstanding);
        }
        Assert.Equal(Enumerable.Range(0, 10).Select(t => (long)t), seen.Ticks);
        Assert.Equal(3, consumer.Failures);
        Assert.Equal(new(10, 0), consumer.Counters);
    }

    [Fact]
    public void A_probe_that_is_behind_costs_dropped_frames_never_a_wait_and_every_frame_comes_back()
    {
        using var test = new TestChannel();
        using var gate = new ManualResetEventSlim();
        var stuck = new Stuck(gate);
        var consumer = new ProbeConsumer(test.Context, [stuck], queue: 4);
        test.Channel.AddConsumer(consumer);
        test.Channel.RunTicks(1);
        Assert.True(SpinWait.SpinUntil(() => stuck.Entered, TimeSpan.FromSeconds(10)));
        test.Channel.RunTicks(19);
        // One frame in the probe's hands, four queued: the other fifteen were refused at once.
        Assert.Equal(new(5, 15), consumer.Counters);
        gate.Set();
        // TestChannel's Dispose checks every frame went back to its pool.
    }

    [Fact]
    public void Black_on_air_for_two_seconds_raises_the_black_alarm_from_its_first_frame_and_picture_clears_it()
    {
        using var test = new TestChannel("576i50");
        var probes = new ProgrammeProbes(test.Context, new ProbeSettings(), test.Channel.AirTime);
        var events = new List<ProbeEvent>();
        using var subscription = probes.Subscribe(events.Add);
        var seen = new Spy();
        test.Channel.AddConsumer(new ProbeConsumer(test.Context, [probes, seen]));
        const string black = "channel 1/probe/black";
        int baseline = -1;
        // The filler is black and silent: black (and silence, and a freeze) from tick 0, reported at 2 s, tick 49.
        for (long tick = 0; tick < 60; tick++)
        {
            Step(test, seen, tick);
            baseline = tick == 1 ? test.Context.VideoPool.Outstanding : baseline;
            Assert.Equal(tick >= 49, test.Alarms.IsActive(black));
        }
        Assert.Equal(baseline, test.Context.VideoPool.Outstanding);
        var alarm = Assert.Single(test.Alarms.Active, a => a.Source == black);
        Assert.Equal(AlarmSeverity.Major, alarm.Severity);
        Assert.Equal(AlarmSeverity.Major, Assert.Single(test.Alarms.Active, a => a.Source == "channel 1/probe/silence").Severity);
        Assert.Equal(AlarmSeverity.Warning, Assert.Single(test.Alarms.Active, a => a.Source == "channel 1/probe/freeze").Severity);
        Assert.Equal(new ProbeCondition(true, 0, test.Channel.AirTime(0)), probes.State.Black);
        Assert.Equal(new ProbeEvent(ProbeKind.Black, 0, test.Channel.AirTime(0), null, null), events.First(e => e.Kind == ProbeKind.Black));

        // Bars with tone from tick 60: black and silence end there.
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        for (long tick = 60; tick < 65; tick++)
            Step(test, seen, tick);
        Assert.False(test.Alarms.IsActive(black));
        Assert.False(test.Alarms.IsActive("channel 1/probe/silence"));
        Assert.Equal(ProbeCondition.Off, probes.State.Black);
        Assert.Equal(new ProbeEvent(ProbeKind.Black, 0, test.Channel.AirTime(0), 60, test.Channel.AirTime(60)), events.Last(e => e.Kind == ProbeKind.Black));
        Assert.Equal(60, events.Last(e => e.Kind == ProbeKind.Silence).EndTick);
        Assert.Equal(ProbeState.Idle with { Freeze = probes.State.Freeze }, test.Channel.Status().Probes);
    }

    /// <summary>Runs one tick and waits until the probe thread has handled it.</summary>
    private static void Step(TestChannel test, Spy seen, long tick)
    {
        test.Channel.RunTicks(1);
        Assert.True(SpinWait.SpinUntil(() => seen.Last >= tick, TimeSpan.FromSeconds(10)), $"the probes never saw tick {tick}");
    }

    private sealed class Spy : IProgrammeProbe
    {
        private long _last = -1;
        public List<long> Ticks { get; } = [];
        public long Last => Interlocked.Read(ref _last);
        public string Name => "spy";

        public void Process(long tick, Frame video, AudioFrame audio)
        {
            Assert.True(video.References > 0 && audio.References > 0);
            Ticks.Add(tick);
            Interlocked.Exchange(ref _last, tick);
        }
    }

    private sealed class Faulty(long failFrom, long failTo) : IProgrammeProbe
    {
        public string Name => "faulty";

        public void Process(long tick, Frame video, AudioFrame audio)
        {
            if (tick >= failFrom && tick <= failTo)
                throw new InvalidOperationException($"injected fault at tick {tick}");
        }
    }

    private sealed class Stuck(ManualResetEventSlim gate) : IProgrammeProbe
    {
        private volatile bool _entered;
        public bool Entered => _entered;
        public string Name => "stuck";

        public void Process(long tick, Frame video, AudioFrame audio)
        {
            _entered = true;
            gate.Wait();
        }
    }
}
