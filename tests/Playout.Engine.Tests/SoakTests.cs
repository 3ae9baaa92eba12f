using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Producers.Playlists;
using Playout.Media.Kernels;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class SoakTests
{
    /// <summary>Channel minutes the soak runs unthrottled; PLAYOUT_SOAK_MINUTES raises it (e.g. 600 for ten hours of air).</summary>
    private static double Minutes => double.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_SOAK_MINUTES"), out var m) ? m : 10;

    [Fact]
    public void Ten_minutes_of_air_unthrottled_leak_no_buffers_and_memory_stays_flat()
    {
        using var folder = new TempDirectory();
        PlaylistItem[] items =
        [
            new(TestMedia.IndexedClip(folder, "a.mkv", frames: 37, lumaBase: 100), ClipOptions.Default),
            new(folder.File("missing.mkv"), ClipOptions.Default, TimeSpan.FromSeconds(0.5)),
            new(TestMedia.IndexedClip(folder, "b.mkv", frames: 23, lumaBase: 150, size: "640x480", rate: 30), ClipOptions.Default),
        ];
        long ticks = (long)(Minutes * 60 * 25);
        using var test = new CardChannel(card: new HwSim.SimulatedCardOptions(Timing: HwSim.CardTiming.OnSend, Checksums: false));
        var preview = new PreviewConsumer(test.Context, 192, 108, 25);
        test.Channel.AddConsumer(preview);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new PlaylistProducer(test.Context, "soak", items, loop: true))));
        test.Channel.Execute(StageCommands.Load(2, new StillProducer("bug", null, Bug(720, 576, test.Context.Matrix))));

        test.Channel.RunTicks(ticks / 10);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long settledMemory = GC.GetTotalMemory(forceFullCollection: true);
        test.Channel.RunTicks(ticks - ticks / 10);
        long finalMemory = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal(ticks, test.Output.Counters.FramesPlayed);
        // Frames held at once are bounded by design: three clips (one retiring, one on air, one pre-rolling) with their
        // decode-ahead queues and current frame, plus the card's ring and shown frame, the mix, the preview, the filler.
        // A leak would climb past that to the pool's capacity (every buffer is allocated up front, so the peak tells). Managed memory does not creep either.
        int bound = 3 * (ClipOptions.Default.Ahead + 1) + 10;
        Assert.True(bound < test.Context.VideoPool.Capacity);
        Assert.InRange(test.Context.VideoPool.PeakOutstanding, 1, bound);
        Assert.True(finalMemory - settledMemory < 4 << 20, $"managed memory grew by {finalMemory - settledMemory} bytes");
        Assert.NotNull(preview.Latest);
        // Outstanding frames are only those the stage, the card and the queues hold now; all return on dispose (checked there).
        Assert.InRange(test.Context.VideoPool.Outstanding, 1, test.Context.VideoPool.Capacity);
    }

    private static KeyedOverlay Bug(int width, int height, ColorMatrix matrix)
    {
        var bgra = new byte[width * height * 4];
        for (int y = 40; y < 100; y++)
            for (int x = 560; x < 680; x++)
                bgra.AsSpan((y * width + x) * 4, 4).Fill(200);
        return KeyedOverlay.FromBgra(bgra, width, height, premultiplied: false, matrix);
    }
}
