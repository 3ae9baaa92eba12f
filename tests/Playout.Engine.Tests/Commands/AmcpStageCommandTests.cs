using Playout.Engine.Commands;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Stage;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Commands;

/// <summary>The stage commands CasparCG's AMCP needs: a background that follows by itself, a clip's loop switched while it plays, swapped layers, an output removed.</summary>
public sealed class AmcpStageCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_background_loaded_to_follow_goes_on_air_on_the_frame_after_the_clip_ends()
    {
        string first = TestMedia.IndexedClip(_folder, "first.mkv", frames: 10, lumaBase: 100);
        string second = TestMedia.IndexedClip(_folder, "second.mkv", frames: 10, lumaBase: 200);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, first))));
        test.Channel.Execute(StageCommands.LoadBackground(1, CardChannel.Preroll(new ClipProducer(test.Context, second)), autoTake: true));
        test.Channel.RunTicks(22);
        Assert.Equal(Enumerable.Range(100, 10).Concat(Enumerable.Range(200, 10)).Concat(Enumerable.Repeat(16, 2)), seen);
    }

    [Fact]
    public void A_background_loaded_to_follow_an_empty_layer_goes_on_air_at_once_and_a_mix_starts_before_the_end()
    {
        string first = TestMedia.IndexedClip(_folder, "first.mkv", frames: 10, lumaBase: 100);
        string second = TestMedia.IndexedClip(_folder, "second.mkv", frames: 10, lumaBase: 200);
        using var test = new CardChannel();
        test.Channel.Execute(StageCommands.LoadBackground(1, CardChannel.Preroll(new ClipProducer(test.Context, first)), autoTake: true));
        test.Channel.RunTicks(1);
        Assert.Equal("first.mkv", test.Channel.Status().Layers.Single().Foreground);
        test.Channel.Execute(StageCommands.LoadBackground(1, CardChannel.Preroll(new ClipProducer(test.Context, second)), transition: new Transition(TransitionKind.Mix, 4), autoTake: true));
        // Frames 1..5 of the first clip play; on the tick of its frame 6 (4 frames left) the mix starts.
        test.Channel.RunTicks(5);
        Assert.False(test.Channel.Status().Layers.Single().InTransition);
        test.Channel.RunTicks(1);
        var layer = test.Channel.Status().Layers.Single();
        Assert.True(layer.InTransition);
        Assert.Equal("second.mkv", layer.Foreground);
    }

    [Fact]
    public void A_looping_clip_is_never_followed_until_its_loop_is_switched_off()
    {
        string first = TestMedia.IndexedClip(_folder, "first.mkv", frames: 5, lumaBase: 100);
        string second = TestMedia.IndexedClip(_folder, "second.mkv", frames: 5, lumaBase: 200);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, first, new ClipOptions(Loop: true)))));
        test.Channel.Execute(StageCommands.LoadBackground(1, CardChannel.Preroll(new ClipProducer(test.Context, second)), autoTake: true));
        test.Channel.RunTicks(12);
        Assert.True(test.Channel.Status().Layers.Single().Loops);
        Assert.Equal([100, 101, 102, 103, 104, 100, 101, 102, 103, 104, 100, 101], seen);
        seen.Clear();
        test.Channel.Execute(StageCommands.Loop(1, false));
        test.Channel.RunTicks(4);
        Assert.Equal([102, 103, 104, 200], seen);
    }

    [Fact]
    public void Swapping_layers_swaps_what_they_play_and_with_transforms_their_opacity()
    {
        using var test = new TestChannel();
        test.Channel.Execute(StageCommands.Load(1, Producers.SyntheticProducers.Color(test.Context, "red")));
        test.Channel.Execute(StageCommands.Load(2, Producers.SyntheticProducers.Color(test.Context, "blue")));
        test.Channel.Execute(StageCommands.Opacity(2, 0.5));
        test.Channel.Execute(StageCommands.Swap(1, 2, transforms: false));
        test.Channel.RunTicks(1);
        var layers = test.Channel.Status().Layers;
        Assert.Equal(("colour blue", 1.0), (layers[0].Foreground, layers[0].Opacity));
        Assert.Equal(("colour red", 0.5), (layers[1].Foreground, layers[1].Opacity));
        test.Channel.Execute(StageCommands.Swap(1, 2, transforms: true));
        test.Channel.RunTicks(1);
        layers = test.Channel.Status().Layers;
        Assert.Equal(("colour red", 0.5), (layers[0].Foreground, layers[0].Opacity));
        Assert.Equal(("colour blue", 1.0), (layers[1].Foreground, layers[1].Opacity));
    }

    [Fact]
    public void Opacity_ramps_linearly_over_the_frames_given_and_at_once_without()
    {
        using var test = new TestChannel();
        test.Channel.Execute(StageCommands.Load(2, Producers.SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Opacity(2, 0, frames: 4));
        var seen = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            test.Channel.RunTicks(1);
            seen.Add(Math.Round(test.Channel.Status().Layers.Single().Opacity, 6));
        }
        Assert.Equal([0.75, 0.5, 0.25, 0, 0], seen);
        test.Channel.Execute(StageCommands.Opacity(2, 0.6));
        test.Channel.RunTicks(1);
        Assert.Equal(0.6, test.Channel.Status().Layers.Single().Opacity);
        var refused = test.Channel.Execute(StageCommands.Opacity(2, 1.5));
        test.Channel.RunTicks(1);
        Assert.Contains("opacity must be between 0 and 1; got 1.5", refused.Exception!.InnerException!.Message);
    }

    [Fact]
    public async Task A_removed_output_gets_no_more_frames_and_is_disposed()
    {
        using var test = new TestChannel();
        var extra = new RecordingConsumer();
        test.Channel.AddConsumer(extra);
        test.Channel.RunTicks(3);
        var removing = test.Channel.RemoveConsumer(extra);
        test.Channel.RunTicks(3);
        Assert.True(await removing);
        var again = test.Channel.RemoveConsumer(extra);
        test.Channel.RunTicks(1);
        Assert.False(await again);
        Assert.Equal(3, extra.Counters.Sent);
        Assert.DoesNotContain(test.Channel.Consumers, c => ReferenceEquals(c, extra));
    }
}
