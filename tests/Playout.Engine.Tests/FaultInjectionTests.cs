using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Playout.Engine.Channels;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Engine.Stage;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// Faults injected into every part of a tick (producer, layer, mixer, command, output, log sink): the channel stays on
/// air at its frame rate, the fault is alarmed where it happened, and every frame goes back to its pool.
/// </summary>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class FaultInjectionTests
{
    private const int Black = 64, White = 940, Grey = 500;

    [Fact]
    public void A_producer_that_throws_on_the_programme_layer_is_covered_by_the_filler_and_the_graphics_above_stay()
    {
        using var test = new TestChannel();
        test.Recorder.Inspect = (video, _) => (Pixels.Luma(video, 10, 10), Pixels.Luma(video, 600, 10));
        test.Channel.Execute(StageCommands.Load(1, new ThrowingProducer(test.Context, "clip", throwFromTick: 5)));
        test.Channel.Execute(StageCommands.Load(2, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Transform(2, new PictureTransform(360, 0, 2)));
        test.Channel.RunTicks(5);
        int steady = test.Context.VideoPool.Outstanding;
        test.Channel.RunTicks(20);

        var seen = test.Recorder.Frames.Select(f => ((int, int))f.Inspected!).ToArray();
        Assert.All(seen[..5], s => Assert.Equal((Grey, White), s));
        Assert.All(seen[5..], s => Assert.Equal((Black, White), s));
        Assert.Equal(25, test.Channel.Timings.Count);
        Assert.Equal(0, test.Channel.FailedTicks);
        var alarm = Assert.Single(test.Alarms.Active);
        Assert.Equal("channel 1/layer 1", alarm.Source);
        Assert.Contains("clip failed: threw InvalidOperationException: injected fault", alarm.Message);
        Assert.Equal(steady, test.Context.VideoPool.Outstanding);
    }

    [Fact]
    public void A_producer_that_throws_on_a_graphics_layer_shows_nothing_there_and_the_programme_goes_on()
    {
        using var test = new TestChannel();
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 10, 10);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Load(2, new ThrowingProducer(test.Context, "logo", throwFromTick: 3)));
        test.Channel.Execute(StageCommands.Opacity(2, 0.5));
        test.Channel.RunTicks(3);
        int steady = test.Context.VideoPool.Outstanding;
        test.Channel.RunTicks(7);

        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.All(luma[..3], y => Assert.InRange(y, (White + Grey) / 2 - 1, (White + Grey) / 2 + 1));
        Assert.All(luma[3..], y => Assert.Equal(White, y));
        Assert.Contains(test.Alarms.Active, a => a.Source == "channel 1/layer 2" && a.Message.Contains("layer shows nothing"));
        Assert.Equal(steady, test.Context.VideoPool.Outstanding);
    }

    [Fact]
    public void A_producer_that_has_finished_on_the_programme_layer_shows_the_filler_not_black()
    {
        using var test = new TestChannel(fillerColor: "white");
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 10, 10);
        test.Channel.Execute(StageCommands.Load(1, new FinishingProducer(test.Context, lastTick: 4)));
        test.Channel.RunTicks(10);

        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.All(luma[..5], y => Assert.Equal(Grey, y));
        Assert.All(luma[5..], y => Assert.Equal(White, y));
        Assert.Empty(test.Alarms.Active);
    }

    [Fact]
    public void With_a_hold_time_the_programme_repeats_its_last_picture_for_that_long_then_shows_the_filler()
    {
        using var test = new TestChannel(fillerColor: "white");
        test.Context.HoldLastFrame = TimeSpan.FromSeconds(0.2);
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 10, 10);
        test.Channel.Execute(StageCommands.Load(1, new ThrowingProducer(test.Context, "live", throwFromTick: 4)));
        test.Channel.RunTicks(15);

        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.All(luma[..9], y => Assert.Equal(Grey, y));
        Assert.All(luma[9..], y => Assert.Equal(White, y));
        Assert.Equal(TimeSpan.FromSeconds(0.2), test.Context.HoldLastFrame);
    }

    [Fact]
    public void A_mixer_that_throws_sends_black_and_silence_for_that_tick_with_an_alarm_and_frees_every_frame()
    {
        using var test = new TestChannel();
        using var wrongRaster = new FramePool(PixelFormat.V210, 720, 16, capacity: 2);
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 10, 10);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.RunTicks(3);
        int steady = test.Context.VideoPool.Outstanding;
        // A producer handing a picture of another raster makes the blend read past its last line.
        test.Channel.Execute(StageCommands.Load(2, new ForeignRasterProducer(wrongRaster)));
        test.Channel.Execute(StageCommands.Opacity(2, 0.5));
        test.Channel.RunTicks(5);
        Assert.Contains(test.Alarms.Active, a => a.Source == "channel 1/mixer" && a.Message.Contains("black and silence on air"));
        test.Channel.Execute(StageCommands.Stop(2));
        test.Channel.RunTicks(5);

        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.Equal(13, luma.Length);
        Assert.All(luma[..3], y => Assert.Equal(White, y));
        Assert.All(luma[3..8], y => Assert.Equal(Black, y));
        Assert.All(luma[8..], y => Assert.Equal(White, y));
        Assert.Equal(5, test.Channel.FailedTicks);
        Assert.DoesNotContain(test.Alarms.Active, a => a.Source == "channel 1/mixer");
        Assert.Equal(steady, test.Context.VideoPool.Outstanding);
    }

    [Fact]
    public void An_exhausted_pool_drops_the_layers_above_visibly_counted_and_alarmed_until_a_second_without()
    {
        // The filler, the mixer's black and two sources: four. Placing the picture-in-picture needs a fifth.
        using var test = new TestChannel(videoFrames: 4);
        test.Recorder.Inspect = (video, _) => (Pixels.Luma(video, 10, 10), Pixels.Luma(video, 600, 10));
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        test.Channel.Execute(StageCommands.Load(2, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Transform(2, new PictureTransform(360, 0, 2)));
        test.Channel.RunTicks(5);

        var seen = test.Recorder.Frames.Select(f => ((int, int))f.Inspected!).ToArray();
        Assert.All(seen, s => Assert.Equal((Black, Black), s));
        Assert.Equal(5, test.Context.Degradation.Count(DegradationKind.LayersDropped));
        Assert.Equal(5, test.Channel.Status().Degraded[nameof(DegradationKind.LayersDropped)]);
        var alarm = Assert.Single(test.Alarms.Active, a => a.Source == "channel 1/degraded");
        Assert.Contains("video pool exhausted", alarm.Message);

        test.Channel.Execute(StageCommands.Stop(2));
        test.Channel.RunTicks(30);
        Assert.DoesNotContain(test.Alarms.Active, a => a.Source == "channel 1/degraded");
        Assert.Equal(5, test.Context.Degradation.Count(DegradationKind.LayersDropped));
    }

    [Fact]
    public async Task A_command_that_throws_fails_alone_and_the_commands_around_it_apply_exactly_once()
    {
        using var test = new TestChannel();
        var loaded = test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.RunTicks(1);
        await loaded;
        int steady = test.Context.VideoPool.Outstanding;
        int before = 0, after = 0;
        var first = test.Channel.Execute(new ChannelCommand("count before", _ => before++, atTick: 3));
        var poison = test.Channel.Execute(new ChannelCommand("poison", _ => throw new NullReferenceException("injected"), atTick: 3));
        var next = test.Channel.Execute(new ChannelCommand("count after", _ => after++, atTick: 3));
        var later = test.Channel.Execute(new ChannelCommand("count later", _ => after++, atTick: 5));
        test.Channel.RunTicks(10);

        Assert.Equal(3, await first);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => poison);
        Assert.Contains("poison at tick 3: injected", error.Message);
        Assert.IsType<NullReferenceException>(error.InnerException);
        Assert.Equal(3, await next);
        Assert.Equal(5, await later);
        Assert.Equal((1, 2), (before, after));
        Assert.Equal(11, test.Recorder.Frames.Count);
        Assert.Equal(steady, test.Context.VideoPool.Outstanding);
    }

    [Fact]
    public void An_output_that_throws_raises_its_own_alarm_while_the_other_outputs_get_every_frame()
    {
        using var test = new TestChannel();
        var broken = new ThrowingConsumer(failFrom: 2, failUntil: 6);
        test.Channel.AddConsumer(broken);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.RunTicks(1);
        int steady = test.Context.VideoPool.Outstanding;
        test.Channel.RunTicks(3);
        Assert.Contains(test.Alarms.Active, a => a.Source == "channel 1/output thrower" && a.Message.Contains("injected output fault"));
        test.Channel.RunTicks(6);
        Assert.Equal(steady, test.Context.VideoPool.Outstanding);

        Assert.Equal(10, test.Recorder.Frames.Count);
        Assert.Equal(6, broken.Accepted);
        Assert.DoesNotContain(test.Alarms.Active, a => a.Source == "channel 1/output thrower");
        Assert.Equal(0, test.Channel.FailedTicks);
    }

    [Fact]
    public void An_output_blocked_for_5_s_drops_its_frames_while_the_channel_keeps_its_frame_rate()
    {
        using var channel = new TestChannel(realTime: true);
        using var release = new ManualResetEventSlim();
        var blocked = new BlockingConsumer(release);
        channel.Channel.AddConsumer(blocked);
        channel.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(channel.Context, "white")));
        channel.Channel.Start();
        Thread.Sleep(200);
        int steady = channel.Context.VideoPool.Outstanding;
        blocked.Block();
        var clock = Stopwatch.StartNew();
        long startTick = channel.Channel.Tick;
        int startSent = channel.Recorder.Frames.Count;
        Thread.Sleep(5000);
        long ticked = channel.Channel.Tick - startTick;
        int sent = channel.Recorder.Frames.Count - startSent;
        release.Set();
        Thread.Sleep(300);

        // 25 fps for 5 s is 125 ticks; a channel stalled on its output would have made none.
        Assert.InRange(ticked, (long)(clock.Elapsed.TotalSeconds * 25 * 0.9) - 2, 200);
        Assert.True(channel.Recorder.Frames.Count >= ticked, "the other output missed frames");
        // Every frame sent while it was blocked was dropped (counted by frames sent: a late tick on a loaded machine
        // skips frame numbers, and nothing is sent for those).
        Assert.True(channel.Channel.Consumers.Single(c => c.Name == "blocker").Counters.Dropped >= sent - 5);
        Assert.InRange(channel.Context.VideoPool.Outstanding, 0, steady + 2);
    }

    [Fact]
    public void A_blocked_log_sink_never_stalls_the_tick_and_the_lines_it_missed_are_counted()
    {
        using var release = new ManualResetEventSlim();
        var sink = new BlockingLogger(release);
        // A small queue, so that two seconds of alarms overflow it.
        using var channel = new TestChannel(logger: new Logging.NonBlockingLogger(sink, capacity: 8), realTime: true);
        channel.Channel.AddConsumer(new AlarmingConsumer(channel.Alarms));
        channel.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(channel.Context, "white")));
        channel.Channel.Start();
        Thread.Sleep(200);
        int steady = channel.Context.VideoPool.Outstanding;
        sink.Block();
        var clock = Stopwatch.StartNew();
        long startTick = channel.Channel.Tick;
        Thread.Sleep(2000);
        long ticked = channel.Channel.Tick - startTick;
        int outstanding = channel.Context.VideoPool.Outstanding;
        release.Set();

        Assert.InRange(ticked, (long)(clock.Elapsed.TotalSeconds * 25 * 0.9) - 2, 100);
        Assert.True(channel.Recorder.Frames.Count >= ticked - 1);
        Assert.InRange(outstanding, 0, steady + 2);
        Assert.True(SpinWait.SpinUntil(() => sink.Lines.Any(l => l.Contains("log line(s) dropped")), 5000), "dropped lines were not reported");
    }

    [Fact]
    public void An_exhausted_audio_pool_silences_the_programme_visibly_counted_and_alarmed_until_a_second_without()
    {
        // Two toned layers need a mix frame of their own; the filler's silence and the two tones take the pool.
        using var test = new TestChannel(audioFrames: 3);
        test.Recorder.Inspect = (_, audio) => audio.Samples.ToArray().Max(Math.Abs);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        test.Channel.RunTicks(2);
        Assert.All(test.Recorder.Frames, f => Assert.True((float)f.Inspected! > 0.1f));
        test.Channel.Execute(StageCommands.Load(2, SyntheticProducers.Bars(test.Context, BarsStandard.Smpte)));
        test.Channel.RunTicks(5);

        Assert.All(test.Recorder.Frames.Skip(2), f => Assert.Equal(0f, (float)f.Inspected!));
        Assert.Equal(5, test.Context.Degradation.Count(DegradationKind.AudioSilenced));
        Assert.Equal(5, test.Channel.Status().Degraded[nameof(DegradationKind.AudioSilenced)]);
        Assert.Contains("audio pool exhausted", Assert.Single(test.Alarms.Active, a => a.Source == "channel 1/degraded").Message);

        // One toned layer passes through without a mix frame: the sound is back at once, the alarm a second later.
        test.Channel.Execute(StageCommands.Stop(2));
        test.Channel.RunTicks(30);
        Assert.True((float)test.Recorder.Frames[^1].Inspected! > 0.1f);
        Assert.DoesNotContain(test.Alarms.Active, a => a.Source == "channel 1/degraded");
        Assert.Equal(5, test.Context.Degradation.Count(DegradationKind.AudioSilenced));
    }

    [Fact]
    public void A_transition_without_a_frame_to_mix_into_cuts_visibly_counted_and_alarmed()
    {
        // The filler, the mixer's black and the two sources of the dissolve take the pool: the dissolve has no frame.
        using var test = new TestChannel(videoFrames: 4);
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 10, 10);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        test.Channel.RunTicks(2);
        test.Channel.Execute(StageCommands.LoadBackground(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Take(1, new Transition(TransitionKind.Mix, 10)));
        test.Channel.RunTicks(12);

        // Black, then white at once: no grey in between.
        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.All(luma, y => Assert.True(y is Black or White, $"luma {y}: a dissolve was mixed"));
        Assert.Equal(White, luma[^1]);
        Assert.True(test.Context.Degradation.Count(DegradationKind.TransitionCut) > 0);
        Assert.Equal(test.Context.Degradation.Count(DegradationKind.TransitionCut), test.Channel.Status().Degraded[nameof(DegradationKind.TransitionCut)]);
        Assert.Contains("a transition cut in instead", Assert.Single(test.Alarms.Active, a => a.Source == "channel 1/degraded").Message);
        test.Channel.RunTicks(30);
        Assert.DoesNotContain(test.Alarms.Active, a => a.Source == "channel 1/degraded");
    }

    [Fact]
    public void Every_fault_at_once_on_a_real_time_channel_keeps_its_frame_rate_and_its_pool()
    {
        using var test = new TestChannel(realTime: true);
        using var wrongRaster = new FramePool(PixelFormat.V210, 720, 16, capacity: 2);
        var thrower = new ThrowingConsumer(failFrom: 0, failUntil: long.MaxValue);
        test.Channel.AddConsumer(thrower);
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 10, 10);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Start();
        Thread.Sleep(200);
        int steady = test.Context.VideoPool.Outstanding;
        long startTick = test.Channel.Tick;
        var clock = Stopwatch.StartNew();
        // A producer throwing on the programme and on a graphics layer, a mixer failing, an output throwing every
        // frame and a poison command every few frames, for two seconds.
        test.Channel.Execute(StageCommands.Load(1, new ThrowingProducer(test.Context, "clip", throwFromTick: 0)));
        test.Channel.Execute(StageCommands.Load(2, new ThrowingProducer(test.Context, "logo", throwFromTick: 0)));
        test.Channel.Execute(StageCommands.Load(3, new ForeignRasterProducer(wrongRaster)));
        test.Channel.Execute(StageCommands.Opacity(3, 0.5));
        var poisons = new List<Task<long>>();
        while (clock.ElapsedMilliseconds < 2000)
        {
            poisons.Add(test.Channel.Execute(new ChannelCommand("poison", _ => throw new NullReferenceException("injected"))));
            Thread.Sleep(100);
        }
        long ticked = test.Channel.Tick - startTick;
        double seconds = clock.Elapsed.TotalSeconds;
        test.Channel.Execute(StageCommands.Stop(3));
        test.Channel.Execute(StageCommands.Stop(2));
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "white")));
        Thread.Sleep(300);

        Assert.InRange(ticked, (long)(seconds * 25 * 0.9) - 2, (long)(seconds * 25) + 3);
        Assert.All(poisons, p => Assert.True(p.IsFaulted, "a poison command did not fail alone"));
        Assert.True(test.Channel.FailedTicks > 0, "the mixer fault never happened");
        Assert.Equal(0, thrower.Accepted);
        Assert.InRange(test.Context.VideoPool.Outstanding, 0, steady + 2);
        Assert.Equal(White, (int)test.Recorder.Frames[^1].Inspected!);
    }

    [Fact]
    public void A_status_read_while_the_tick_is_stalled_answers_within_two_frames_from_the_last_snapshot()
    {
        using var channel = new TestChannel(realTime: true);
        using var release = new ManualResetEventSlim();
        var stalling = new StallingProducer(channel.Context, release);
        channel.Channel.Execute(StageCommands.Load(1, stalling));
        channel.Channel.Start();
        Assert.Equal("stalling", channel.Channel.Status().Layers.Single().Foreground);
        stalling.Stall();
        Assert.True(SpinWait.SpinUntil(() => stalling.Stalled, 2000), "the tick never stalled");

        var clock = Stopwatch.StartNew();
        var status = channel.Channel.Status();
        clock.Stop();
        release.Set();

        Assert.InRange(clock.ElapsedMilliseconds, 0, 500);
        Assert.Equal("stalling", status.Layers.Single().Foreground);
    }

    /// <summary>Grey until told to stall, then blocks the tick inside TryReceive until released (a producer with a deadlock).</summary>
    private sealed class StallingProducer(ChannelContext channel, ManualResetEventSlim release) : Producer("stalling")
    {
        private readonly Frame _frame = Painted(channel, Grey);
        private volatile bool _stall;

        public bool Stalled { get; private set; }

        public void Stall() => _stall = true;

        public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
        {
            if (_stall)
            {
                Stalled = true;
                release.Wait();
                _stall = false;
            }
            frame = new LayerFrame(_frame.AddRef(), null, null);
            return true;
        }

        protected override void Dispose(bool disposing) => _frame.Release();
    }

    /// <summary>Grey until <c>throwFromTick</c>, then throws from TryReceive, as a producer with a bug would.</summary>
    private sealed class ThrowingProducer(ChannelContext channel, string name, long throwFromTick) : Producer(name)
    {
        private readonly Frame _frame = Painted(channel, Grey);

        public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
        {
            if (context.Tick >= throwFromTick)
                throw new InvalidOperationException("injected fault");
            frame = new LayerFrame(_frame.AddRef(), null, null);
            return true;
        }

        protected override void Dispose(bool disposing) => _frame.Release();
    }

    /// <summary>Grey up to <c>lastTick</c>, then finished, as a clip at its end.</summary>
    private sealed class FinishingProducer(ChannelContext channel, long lastTick) : Producer("short clip")
    {
        private readonly Frame _frame = Painted(channel, Grey);
        private long _tick;

        public override bool IsFinished => _tick > lastTick;

        public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
        {
            _tick = context.Tick;
            frame = IsFinished ? default : new LayerFrame(_frame.AddRef(), null, null);
            return !IsFinished;
        }

        protected override void Dispose(bool disposing) => _frame.Release();
    }

    private sealed class ForeignRasterProducer(FramePool pool) : Producer("foreign raster")
    {
        private readonly Frame _frame = Committed(pool.Rent());

        public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
        {
            frame = new LayerFrame(_frame.AddRef(), null, null);
            return true;
        }

        protected override void Dispose(bool disposing) => _frame.Release();

        private static Frame Committed(Frame frame)
        {
            V210Painter.PaintSolid(frame, Grey, 512, 512);
            frame.Commit();
            return frame;
        }
    }

    private sealed class ThrowingConsumer(long failFrom, long failUntil) : IConsumer
    {
        public int Accepted { get; private set; }
        public string Name => "thrower";
        public bool NeverBlocks => true;
        public ConsumerCounters Counters => new(Accepted, 0);

        public void Send(long tick, Frame video, AudioFrame audio)
        {
            if (tick >= failFrom && tick < failUntil)
                throw new IOException("injected output fault");
            Accepted++;
        }

        public void Dispose()
        {
        }
    }

    /// <summary>An output whose Send blocks (a stuck device or socket) until released; it does not promise to never block.</summary>
    private sealed class BlockingConsumer(ManualResetEventSlim release) : IConsumer
    {
        private volatile bool _block;
        public string Name => "blocker";
        public ConsumerCounters Counters => default;

        public void Block() => _block = true;

        public void Send(long tick, Frame video, AudioFrame audio)
        {
            if (_block)
                release.Wait();
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Raises a new alarm on every tick, from the tick thread: a log line each.</summary>
    private sealed class AlarmingConsumer(Alarms.AlarmBoard alarms) : IConsumer
    {
        public string Name => "alarming";
        public bool NeverBlocks => true;
        public ConsumerCounters Counters => default;
        public void Send(long tick, Frame video, AudioFrame audio) => alarms.Raise($"channel 1/output {tick}", Alarms.AlarmSeverity.Warning, "behind");
        public void Dispose() { }
    }

    /// <summary>A log sink that blocks every write (a full pipe, a stalled disk) until released, then records the lines.</summary>
    private sealed class BlockingLogger(ManualResetEventSlim release) : ILogger
    {
        private volatile bool _block;
        public List<string> Lines { get; } = [];

        public void Block() => _block = true;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (_block)
                release.Wait();
            lock (Lines)
                Lines.Add(formatter(state, exception));
        }
    }

    private static Frame Painted(ChannelContext channel, int luma)
    {
        var frame = channel.VideoPool.Rent();
        V210Painter.PaintSolid(frame, (ushort)luma, 512, 512);
        frame.Commit();
        return frame;
    }
}
