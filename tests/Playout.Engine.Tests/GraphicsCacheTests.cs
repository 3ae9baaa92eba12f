using Playout.Engine.Producers;
using Playout.Media.Kernels;

namespace Playout.Engine.Tests;

public class GraphicsCacheTests
{
    private static readonly DateTime Stamp = new(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc);

    private static GraphicsCache.Placement At(string path, int x) => new(path, 100, Stamp, x, 0, 1920, 1080, ColorMatrix.Bt709);

    /// <summary>A 96x32 graphic: 3 blocks by 32 lines of fill and key, 24 KiB and a little.</summary>
    private static KeyedOverlay Graphic() =>
        KeyedOverlay.Place(new byte[96 * 32 * 4], 96, 32, false, ColorMatrix.Bt709, 0, 0, 1920, 1080);

    [Fact]
    public void Beyond_its_budget_the_least_recently_used_graphics_go()
    {
        long size = Graphic().MemoryBytes;
        var cache = new GraphicsCache(size * 2);
        var a = cache.GetOrAdd(At("a.png", 0), Graphic);
        cache.GetOrAdd(At("b.png", 0), Graphic);
        Assert.Same(a, cache.GetOrAdd(At("a.png", 0), Graphic));
        cache.GetOrAdd(At("c.png", 0), Graphic);

        // b was used least recently: it went, a and c stayed.
        Assert.Equal(2, cache.Count);
        Assert.Same(a, cache.GetOrAdd(At("a.png", 0), Graphic));
        Assert.Equal(3, cache.Prepared);
        cache.GetOrAdd(At("b.png", 0), Graphic);
        Assert.Equal(4, cache.Prepared);
    }

    [Fact]
    public async Task Two_cues_of_the_same_graphic_at_once_prepare_it_once()
    {
        var cache = new GraphicsCache(1 << 20);
        int prepared = 0;
        using var bothAsked = new Barrier(2);
        KeyedOverlay Slow()
        {
            Interlocked.Increment(ref prepared);
            Thread.Sleep(200);
            return Graphic();
        }
        var cues = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            bothAsked.SignalAndWait();
            return cache.GetOrAdd(At("logo.png", 10), Slow);
        }, TaskCreationOptions.LongRunning)).ToArray();
        var overlays = await Task.WhenAll(cues);

        Assert.Equal(1, prepared);
        Assert.Same(overlays[0], overlays[1]);
    }

    [Fact]
    public void A_graphic_that_fails_to_prepare_is_tried_again_on_the_next_cue()
    {
        var cache = new GraphicsCache(1 << 20);
        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd(At("bad.png", 0), () => throw new InvalidOperationException("bad.png: broken")));
        Assert.Equal(0, cache.Count);
        Assert.NotNull(cache.GetOrAdd(At("bad.png", 0), Graphic));
        Assert.Equal(1, cache.Prepared);
    }
}
