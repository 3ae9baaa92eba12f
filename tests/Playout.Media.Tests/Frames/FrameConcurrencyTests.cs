using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Media.Tests.Frames;

public class FrameConcurrencyTests
{
    private const int Threads = 4;

    private static void RunTogether(Action<int> body)
    {
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(n => new Thread(() =>
        {
            start.SignalAndWait();
            body(n);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    [Fact]
    public void Concurrent_add_ref_and_release_keep_an_exact_count()
    {
        using var pool = new FramePool(PixelFormat.Uyvy422, 64, 2, capacity: 1);
        var frame = pool.Rent();
        frame.WritableLine(0, 0)[0] = 77;
        frame.Commit();

        var badReads = 0;
        RunTogether(_ =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                var mine = frame.AddRef();
                if (mine.Line(0, 0)[0] != 77)
                    Interlocked.Increment(ref badReads);
                mine.Release();
            }
        });

        Assert.Equal(0, badReads);
        Assert.Equal(1, frame.References);
        Assert.Equal(1, pool.Outstanding);
        frame.Release();
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void A_frame_released_by_many_threads_at_once_goes_back_exactly_once()
    {
        using var pool = new FramePool(PixelFormat.Uyvy422, 64, 2, capacity: 2);
        for (var round = 0; round < 200; round++)
        {
            var frame = pool.Rent();
            frame.Commit();
            for (var i = 1; i < Threads; i++)
                frame.AddRef();

            RunTogether(_ => frame.Release());

            Assert.Equal(0, pool.Outstanding);
            var a = pool.Rent();
            var b = pool.Rent();
            Assert.NotSame(a, b);
            Assert.False(pool.TryRent(out _));
            a.Release();
            b.Release();
        }
    }

    [Fact]
    public void Concurrent_renters_never_share_a_buffer()
    {
        using var pool = new FramePool(PixelFormat.Bgra, 64, 2, capacity: 3);
        var collisions = 0;
        var rents = 0;
        RunTogether(thread =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                if (!pool.TryRent(out var frame))
                    continue;
                Interlocked.Increment(ref rents);
                var line = frame.WritableLine(0, 0);
                line.Fill((byte)thread);
                Thread.SpinWait(20);
                if (line.IndexOfAnyExcept((byte)thread) >= 0)
                    Interlocked.Increment(ref collisions);
                frame.Release();
            }
        });

        Assert.Equal(0, collisions);
        Assert.True(rents > 0);
        Assert.Equal(0, pool.Outstanding);
        Assert.True(pool.Allocated <= pool.Capacity);
    }
}
