using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Engine.Stage;

namespace Playout.Engine.Tests;

public class StageTests
{
    private const int Black = 64, White = 940;

    [Fact]
    public async Task A_take_commanded_for_tick_n_lands_on_tick_n()
    {
        using var test = new TestChannel();
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 10, 10);
        var channel = test.Channel;
        var applied = channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        var background = channel.Execute(StageCommands.LoadBackground(1, SyntheticProducers.Color(test.Context, "white"), atTick: 3));
        var take = channel.Execute(StageCommands.Take(1, Transition.Cut, atTick: 17));
        channel.RunTicks(30);

        Assert.Equal(0, await applied);
        Assert.Equal(3, await background);
        Assert.Equal(17, await take);
        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.All(luma[..17], y => Assert.Equal(Black, y));
        Assert.All(luma[17..], y => Assert.Equal(White, y));
    }

    [Fact]
    public async Task A_command_for_a_tick_already_on_air_is_refused_with_the_reason()
    {
        using var test = new TestChannel();
        test.Channel.RunTicks(5);
        var late = test.Channel.Execute(StageCommands.Pause(1, atTick: 2));
        test.Channel.RunTicks(1);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => late);
        Assert.Contains("tick 2 has already gone to air (now 5)", error.Message);
    }

    [Fact]
    public void Covered_and_hidden_layers_play_on_unseen_and_every_frame_is_released_once_through_a_transition()
    {
        const int Grey = 502;
        using var test = new TestChannel();
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 100, 100);
        var channel = test.Channel;
        channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        channel.Execute(StageCommands.Load(3, SyntheticProducers.Color(test.Context, "#808080")));
        channel.Execute(StageCommands.Show([3], false));
        channel.Execute(StageCommands.LoadBackground(1, SyntheticProducers.Color(test.Context, "white")));
        channel.Execute(StageCommands.Take(1, new Transition(TransitionKind.Mix, 10), atTick: 5));
        // Layer 1 alone from the middle of its mix (the mixer takes over the mix's frame), then every layer but the hidden one.
        channel.Execute(StageCommands.Cover(1, atTick: 8));
        channel.Execute(StageCommands.Cover(null, atTick: 20));
        channel.Execute(StageCommands.Show([3], true, atTick: 25));
        channel.Execute(StageCommands.Cover(3, atTick: 30));
        channel.RunTicks(35);

        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.All(luma[..5], y => Assert.Equal(Black, y));
        Assert.InRange(luma[9], Black + (White - Black) * 0.5 - 1, Black + (White - Black) * 0.5 + 1);
        Assert.All(luma[15..25], y => Assert.Equal(White, y));
        // #808080: about half-way between black and white, the same on every frame from 25 on (shown, then alone).
        Assert.InRange(luma[25], Grey - 10, Grey + 10);
        Assert.All(luma[25..], y => Assert.Equal(luma[25], y));
        // Disposing the test channel checks that no frame is outstanding: none was released twice or kept.
    }

    [Fact]
    public void A_25_frame_mix_blends_by_one_25th_more_each_frame()
    {
        using var test = new TestChannel();
        test.Recorder.Inspect = (video, _) => Pixels.Luma(video, 100, 100);
        var channel = test.Channel;
        channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        channel.Execute(StageCommands.LoadBackground(1, SyntheticProducers.Color(test.Context, "white")));
        channel.Execute(StageCommands.Take(1, new Transition(TransitionKind.Mix, 25), atTick: 5));
        channel.RunTicks(40);

        var luma = test.Recorder.Frames.Select(f => (int)f.Inspected!).ToArray();
        Assert.All(luma[..5], y => Assert.Equal(Black, y));
        for (int k = 0; k < 25; k++)
        {
            double expected = Black + (White - Black) * (k + 1) / 25.0;
            Assert.InRange(luma[5 + k], expected - 1, expected + 1);
        }
        Assert.All(luma[30..], y => Assert.Equal(White, y));
        Assert.False(test.Channel.Status().Layers.Single().InTransition);
    }

    [Theory]
    [InlineData(TransitionKind.Wipe, TransitionDirection.FromLeft)]
    [InlineData(TransitionKind.Push, TransitionDirection.FromLeft)]
    [InlineData(TransitionKind.Wipe, TransitionDirection.FromRight)]
    [InlineData(TransitionKind.Push, TransitionDirection.FromRight)]
    public void Wipes_and_pushes_move_the_edge_across_in_their_duration(TransitionKind kind, TransitionDirection direction)
    {
        using var test = new TestChannel();
        int width = test.Context.Format.Width;
        // The share of white across one line tells where the edge is.
        int entrySide = direction == TransitionDirection.FromLeft ? 0 : width - 1, exitSide = width - 1 - entrySide;
        test.Recorder.Inspect = (video, _) => (Enumerable.Range(0, width).Count(x => Pixels.Luma(video, x, 50) == White) / (double)width,
            Pixels.Luma(video, entrySide, 50), Pixels.Luma(video, exitSide, 50));
        var channel = test.Channel;
        channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        channel.Execute(StageCommands.LoadBackground(1, SyntheticProducers.Color(test.Context, "white")));
        channel.Execute(StageCommands.Take(1, new Transition(kind, 10, direction), atTick: 2));
        channel.RunTicks(14);

        var lines = test.Recorder.Frames.Select(f => ((double Share, int Entry, int Exit))f.Inspected!).ToArray();
        var white = lines.Select(l => l.Share).ToArray();
        Assert.Equal(0, white[1]);
        for (int k = 0; k < 10; k++)
            Assert.InRange(white[2 + k], (k + 1) / 10.0 - 0.02, (k + 1) / 10.0 + 0.02);
        Assert.Equal(1, white[13]);
        // Mid-way the new picture is on the side it enters from, the old one on the other.
        Assert.Equal((White, Black), (lines[6].Entry, lines[6].Exit));
    }

    [Fact]
    public void Picture_in_picture_places_a_quarter_size_picture_at_its_position()
    {
        using var test = new TestChannel();
        test.Recorder.Inspect = (video, _) => new[] { Pixels.Luma(video, 119, 99), Pixels.Luma(video, 120, 100),
            Pixels.Luma(video, 120 + 179, 100 + 143), Pixels.Luma(video, 120 + 181, 100 + 145) };
        var channel = test.Channel;
        channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        channel.Execute(StageCommands.Load(2, SyntheticProducers.Color(test.Context, "white")));
        channel.Execute(StageCommands.Transform(2, new PictureTransform(120, 100, 4)));
        channel.RunTicks(2);

        // 720x576 / 4 = 180x144 placed at (120, 100): inside white, outside black.
        Assert.Equal([Black, White, White, Black], (int[])test.Recorder.Frames[^1].Inspected!);
        // The picture under a placed one is copied once a tick into the frame it is drawn on, and counted.
        Assert.Equal(2, test.Context.VideoPool.CopiesMade);
    }

    [Fact]
    public void A_single_full_frame_layer_goes_out_as_the_producers_own_frame()
    {
        using var test = new TestChannel();
        var frames = new List<Media.Frames.Frame>();
        test.Recorder.Inspect = (video, _) => { frames.Add(video); return null; };
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.RunTicks(5);

        Assert.Single(frames.Skip(1).Distinct());
        Assert.Equal(0, test.Context.VideoPool.CopiesMade);
    }
    [Fact]
    public void Graphics_over_a_dissolve_are_keyed_into_the_dissolves_own_frame_so_a_tight_pool_loses_nothing()
    {
        // Two sources, the filler, the mixer's black and the dissolve's frame: five. Keying into a frame of its own would need a sixth.
        using var test = new TestChannel(videoFrames: 5);
        test.Recorder.Inspect = (video, _) => (Pixels.Luma(video, 10, 10), Pixels.Luma(video, 100, 36));
        var bgra = new byte[48 * 16 * 4];
        bgra.AsSpan().Fill(255);
        var logo = Media.Kernels.KeyedOverlay.Place(bgra, 48, 16, premultiplied: false, test.Context.Matrix, 96, 32, 720, 576);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        test.Channel.Execute(StageCommands.Load(2, new StillProducer("logo", null, logo)));
        test.Channel.Execute(StageCommands.LoadBackground(1, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Take(1, new Transition(TransitionKind.Mix, 10), atTick: 2));
        test.Channel.RunTicks(14);

        var seen = test.Recorder.Frames.Select(f => ((int Under, int Logo))f.Inspected!).ToArray();
        Assert.All(seen, s => Assert.Equal(White, s.Logo));
        for (int k = 0; k < 10; k++)
        {
            double expected = Black + (White - Black) * (k + 1) / 10.0;
            Assert.InRange(seen[2 + k].Under, expected - 1, expected + 1);
        }
        Assert.Equal(0, test.Context.Degradation.Count(Channels.DegradationKind.LayersDropped));
        Assert.Equal(0, test.Context.VideoPool.CopiesMade);
    }
}
