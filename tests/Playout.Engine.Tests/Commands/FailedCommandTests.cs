using Playout.Engine.Commands;
using Playout.Engine.Producers.Clips;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Commands;

/// <summary>A command that fails or is refused disposes the producer it carried: no decoder thread, file handle or pooled frame stays behind.</summary>
/// <remarks>Alone: the file handles counted are the whole process's, which other test classes open and close meanwhile.</remarks>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public sealed class FailedCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static int OpenHandles() => Directory.GetFiles("/proc/self/fd").Length;

    [Fact]
    public void Commands_that_fail_at_the_tick_or_come_too_late_dispose_their_clip_and_leave_the_pools_and_handles_flat()
    {
        string clip = TestMedia.IndexedClip(_folder, "carried.mkv", frames: 40, lumaBase: 100);
        using var test = new TestChannel();
        test.Channel.RunTicks(3);
        // One clip opened and disposed first, so whatever FFmpeg keeps for the process is already counted.
        CardChannel.Preroll(new ClipProducer(test.Context, clip)).Dispose();
        int frames = test.Context.VideoPool.Outstanding, audio = test.Context.AudioPool.Outstanding, handles = OpenHandles();
        var failed = new List<Task<long>>();
        for (int i = 0; i < 5; i++)
        {
            // Pre-rolled: each holds decoded frames from the pool and an open file until it is disposed.
            var throwing = CardChannel.Preroll(new ClipProducer(test.Context, clip));
            Assert.True(test.Context.VideoPool.Outstanding > frames, "a pre-rolled clip holds frames of the pool");
            failed.Add(test.Channel.Execute(new ChannelCommand("refused by the stage", _ => throw new InvalidOperationException("refused"), carries: throwing)));
            failed.Add(test.Channel.Execute(StageCommands.LoadBackground(-1, CardChannel.Preroll(new ClipProducer(test.Context, clip)))));
            failed.Add(test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip)), atTick: 0)));
            test.Channel.RunTicks(1);
        }
        Assert.All(failed, task => Assert.True(task.IsFaulted, "each command failed"));
        Assert.True(test.Context.Background.Drain(TimeSpan.FromSeconds(20)));
        // Flat: what the failed commands' clips held is back (the filler's own frame may come and go, so at most as many as before).
        Assert.InRange(test.Context.VideoPool.Outstanding, 0, frames);
        Assert.InRange(test.Context.AudioPool.Outstanding, 0, audio);
        Assert.InRange(OpenHandles(), 0, handles);
    }

    [Fact]
    public void A_command_that_fails_after_the_stage_took_its_clip_leaves_the_clip_on_air()
    {
        string clip = TestMedia.IndexedClip(_folder, "taken.mkv", frames: 40, lumaBase: 100);
        using var test = new TestChannel();
        var producer = CardChannel.Preroll(new ClipProducer(test.Context, clip));
        var command = test.Channel.Execute(new ChannelCommand("load, then fail", stage =>
        {
            stage[2].Load(producer);
            throw new InvalidOperationException("failed after the load");
        }, carries: producer));
        test.Channel.RunTicks(5);
        Assert.True(command.IsFaulted);
        var layer = Assert.Single(test.Channel.Status().Layers);
        Assert.Equal(producer.Name, layer.Foreground);
        Assert.Equal(5, layer.Position);
        Assert.Null(layer.Failure);
    }

    [Fact]
    public void A_command_refused_by_a_stopping_channel_disposes_its_clip()
    {
        string clip = TestMedia.IndexedClip(_folder, "stopping.mkv", frames: 40, lumaBase: 100);
        using var test = new TestChannel();
        int frames = test.Context.VideoPool.Outstanding;
        test.Channel.Stop();
        var refused = test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        Assert.True(refused.IsFaulted);
        Assert.InRange(test.Context.VideoPool.Outstanding, 0, frames);
    }
}
