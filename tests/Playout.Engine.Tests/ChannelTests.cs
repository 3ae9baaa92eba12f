using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Engine.Stage;
using Playout.Media.Kernels;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

public class ChannelTests
{
    [Fact]
    public void A_steady_tick_with_video_and_keyed_graphics_allocates_nothing()
    {
        using var test = new TestChannel("1080i50");
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        test.Channel.Execute(StageCommands.Load(2, new StillProducer("graphics", null, Graphics(1920, 1080))));
        test.Channel.Execute(StageCommands.Opacity(2, 0.8));
        test.Channel.RunTicks(50);

        Assert.Equal(0, Allocations.LeastOf(() => test.Channel.RunTicks(100)));
        Assert.Equal(450, test.Channel.Timings.Count);
    }

    [Theory]
    [InlineData("720p50")]
    [InlineData("2160p50")]
    public void A_new_channel_has_every_pool_frame_allocated_before_its_first_tick_so_no_first_use_allocates_on_the_tick(string format)
    {
        using var test = new TestChannel(format, videoFrames: 16);
        Assert.Equal(test.Context.VideoPool.Capacity, test.Context.VideoPool.Allocated);

        // The first dissolve under a keyed graphic takes frames from the pool, none made on the tick.
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Load(2, new StillProducer("graphics", null, Graphics(test.Context.Format.Width, test.Context.Format.Height))));
        test.Channel.Execute(StageCommands.LoadBackground(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        test.Channel.Execute(StageCommands.Take(1, new Transition(TransitionKind.Mix, 5)));
        test.Channel.RunTicks(3);
        Assert.Equal(test.Context.VideoPool.Capacity, test.Context.VideoPool.Allocated);
        Assert.True(test.Channel.Status().Layers.Single(l => l.Number == 1).InTransition);
    }

    [Fact]
    public void A_failing_producer_is_replaced_by_the_filler_in_the_same_tick_with_an_alarm()
    {
        using var test = new TestChannel();
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 5, 5);
        var failing = new FailingProducer(test.Context, "clip.mxf", failFromTick: 4);
        test.Channel.Execute(StageCommands.Load(1, failing));
        test.Channel.Execute(StageCommands.Load(2, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Stop(2));
        test.Channel.RunTicks(10);

        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.Equal(10, luma.Length);
        Assert.All(luma[..4], y => Assert.Equal(500, y));
        Assert.All(luma[4..], y => Assert.Equal(64, y));
        var alarm = Assert.Single(test.Alarms.Active);
        Assert.Equal("channel 1/layer 1", alarm.Source);
        Assert.Contains("clip.mxf failed: Invalid data found when processing input", alarm.Message);
        Assert.Equal(6, test.Channel.Status().Layers.First().FillerTicks);
    }

    [Fact]
    public void The_next_command_tick_is_the_earliest_waiting_command_whether_just_queued_or_already_sorted()
    {
        using var test = new TestChannel();
        Assert.Null(test.Channel.NextCommandTick);
        test.Channel.Execute(StageCommands.Stop(1, atTick: 10));
        test.Channel.Execute(StageCommands.Stop(1, atTick: 5));
        Assert.Equal(5, test.Channel.NextCommandTick);

        test.Channel.RunTicks(6);
        Assert.Equal(10, test.Channel.NextCommandTick);
        test.Channel.Execute(StageCommands.Stop(1));
        Assert.Equal(6, test.Channel.NextCommandTick);

        test.Channel.RunTicks(5);
        Assert.Null(test.Channel.NextCommandTick);
    }

    [Fact]
    public void Ebu_bars_have_the_published_10_bit_values()
    {
        using var test = new TestChannel("1080i50");
        test.Recorder.Inspect = (video, _) => Enumerable.Range(0, 8).Select(bar => Pixels.At(video, bar * 240 + 120, 500)).ToArray();
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        test.Channel.RunTicks(1);

        // BT.709 100/0/75/0: white, then 75 % yellow, cyan, green, magenta, red, blue, and black.
        Assert.Equal(
            [(940, 512, 512), (674, 176, 543), (581, 589, 176), (534, 253, 207), (251, 771, 817), (204, 435, 848), (111, 848, 481), (64, 512, 512)],
            ((int, int, int)[])test.Recorder.Frames[0].Inspected!);
    }

    private static KeyedOverlay Graphics(int width, int height)
    {
        var bgra = new byte[width * height * 4];
        for (int i = 0; i < bgra.Length; i += 4)
        {
            int x = i / 4 % width;
            bgra[i] = 200;
            bgra[i + 1] = 100;
            bgra[i + 2] = 50;
            bgra[i + 3] = (byte)(x * 255 / width);
        }
        return KeyedOverlay.FromBgra(bgra, width, height, premultiplied: false, ColorMatrix.Bt709);
    }

    /// <summary>Shows mid-grey until <c>failFromTick</c>, then fails as a broken file would.</summary>
    private sealed class FailingProducer : Producer
    {
        private readonly Media.Frames.Frame _frame;
        private readonly long _failFromTick;

        public FailingProducer(Channels.ChannelContext channel, string name, long failFromTick) : base(name)
        {
            _failFromTick = failFromTick;
            _frame = channel.VideoPool.Rent();
            V210Painter.PaintSolid(_frame, 500, 512, 512);
            _frame.Commit();
        }

        public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
        {
            if (context.Tick >= _failFromTick)
            {
                Failure = "Invalid data found when processing input";
                frame = default;
                return false;
            }
            frame = new LayerFrame(_frame.AddRef(), null, null);
            return true;
        }

        protected override void Dispose(bool disposing) => _frame.Release();
    }
}
