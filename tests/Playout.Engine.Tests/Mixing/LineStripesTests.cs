using Playout.Engine.Mixing;
using Playout.Media.Formats;

namespace Playout.Engine.Tests.Mixing;

public class LineStripesTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1080)]
    [InlineData(4321)]
    public void A_split_run_does_every_line_once_in_bands_both_threads_take(int count)
    {
        using var stripes = new LineStripes("test", split: true);
        int caller = Environment.CurrentManagedThreadId;
        var visits = new int[count];
        var ranges = new System.Collections.Concurrent.ConcurrentBag<(int First, int End)>();
        for (int run = 0; run < 3; run++)
        {
            int helperBands = 0;
            stripes.Run((first, end) =>
            {
                ranges.Add((first, end));
                for (int line = first; line < end; line++)
                    Interlocked.Increment(ref visits[line]);
                if (Environment.CurrentManagedThreadId != caller)
                    Interlocked.Increment(ref helperBands);
                else
                    WaitForHelper(() => Volatile.Read(ref helperBands) > 0);
            }, count);
            Assert.InRange(helperBands, 1, LineStripes.Chunks);
        }
        Assert.All(visits, v => Assert.Equal(3, v));
        int band = (count + LineStripes.Chunks - 1) / LineStripes.Chunks;
        Assert.All(ranges, r => Assert.Equal(Math.Min(band, count - r.First), r.End - r.First));
    }

    [Fact]
    public void A_thread_held_back_delays_the_frame_by_its_band_not_by_half_the_frame()
    {
        using var stripes = new LineStripes("test", split: true);
        const int count = 1600;
        int caller = Environment.CurrentManagedThreadId, callerLines = 0, held = 0;
        var visits = new int[count];
        stripes.Run((first, end) =>
        {
            for (int line = first; line < end; line++)
                Interlocked.Increment(ref visits[line]);
            if (Environment.CurrentManagedThreadId != caller)
            {
                Volatile.Write(ref held, 1);
                Thread.Sleep(300);
                return;
            }
            callerLines += end - first;
            WaitForHelper(() => Volatile.Read(ref held) == 1);
        }, count);
        Assert.All(visits, v => Assert.Equal(1, v));
        // The helper was held on its first band; the caller did every other band (with fixed halves it would have done half).
        Assert.Equal(count - count / LineStripes.Chunks, callerLines);
    }

    [Fact]
    public void An_unsplit_run_stays_on_the_caller()
    {
        using var stripes = new LineStripes("test", split: false);
        var ranges = new List<(int, int, int)>();
        stripes.Run((first, end) => ranges.Add((first, end, Environment.CurrentManagedThreadId)), 1080);
        Assert.Equal([(0, 1080, Environment.CurrentManagedThreadId)], ranges);
    }

    [Fact]
    public void A_failure_on_the_helper_reaches_the_caller_once_the_caller_has_done_the_rest_and_the_next_run_is_clean()
    {
        using var stripes = new LineStripes("test", split: true);
        const int count = 160;
        int caller = Environment.CurrentManagedThreadId, failed = 0;
        var visits = new int[count];
        var error = Assert.Throws<InvalidOperationException>(() => stripes.Run((first, end) =>
        {
            if (Environment.CurrentManagedThreadId != caller)
            {
                Volatile.Write(ref failed, 1);
                throw new InvalidOperationException("helper band failed");
            }
            WaitForHelper(() => Volatile.Read(ref failed) == 1);
            for (int line = first; line < end; line++)
                visits[line]++;
        }, count));
        Assert.Equal("helper band failed", error.Message);
        // The helper failed its one band and took no more; the caller did all the others.
        Assert.Equal(count / LineStripes.Chunks, visits.Count(v => v == 0));
        var lines = new int[count];
        stripes.Run((first, end) => lines.AsSpan(first, end - first).Fill(1), count);
        Assert.All(lines, l => Assert.Equal(1, l));
    }

    [Fact]
    public void A_failure_on_the_caller_returns_only_once_the_helper_has_finished_the_rest()
    {
        using var stripes = new LineStripes("test", split: true);
        const int count = 160;
        int caller = Environment.CurrentManagedThreadId, helperBands = 0;
        var visits = new int[count];
        var error = Assert.Throws<ArgumentException>(() => stripes.Run((first, end) =>
        {
            if (Environment.CurrentManagedThreadId == caller)
            {
                WaitForHelper(() => Volatile.Read(ref helperBands) > 0);
                throw new ArgumentException("caller band failed");
            }
            Interlocked.Increment(ref helperBands);
            Thread.Sleep(5);
            for (int line = first; line < end; line++)
                Volatile.Write(ref visits[line], 1);
        }, count));
        Assert.Equal("caller band failed", error.Message);
        Assert.Equal(count - count / LineStripes.Chunks, visits.Count(v => v == 1));
    }

    [Fact]
    public void Runs_allocate_nothing_on_either_thread_once_the_helper_has_started()
    {
        using var stripes = new LineStripes("test", split: true);
        var lines = new long[2000];
        // Each half notes what its thread has allocated so far (other tests' threads do not count).
        var allocated = new long[2];
        var before = new long[2];
        int caller = Environment.CurrentManagedThreadId;
        Action<int, int> work = (first, end) =>
        {
            allocated[Environment.CurrentManagedThreadId == caller ? 0 : 1] = GC.GetAllocatedBytesForCurrentThread();
            for (int line = first; line < end; line++)
                lines[line]++;
        };
        stripes.Run(work, lines.Length);
        stripes.Run(work, lines.Length);
        allocated.CopyTo(before, 0);
        for (int run = 0; run < 200; run++)
            stripes.Run(work, lines.Length);
        Assert.Equal(before, allocated);
        Assert.All(lines, l => Assert.Equal(202, l));
    }

    [Fact]
    public void Dispose_ends_the_helper_and_refuses_later_runs()
    {
        var stripes = new LineStripes("test", split: true);
        Assert.False(stripes.HelperRunning);
        stripes.Run((_, _) => { }, 4);
        Assert.True(stripes.HelperRunning);
        stripes.Dispose();
        Assert.False(stripes.HelperRunning);
        Assert.Throws<ObjectDisposedException>(() => stripes.Run((_, _) => { }, 4));
    }

    [Fact]
    public void Only_frames_of_8K_split_and_only_with_two_cores()
    {
        long Frame(int width, int height) => PixelFormat.V210Stride(width) * (long)height;
        Assert.True(LineStripes.Splits(Frame(7680, 4320), 2));
        Assert.False(LineStripes.Splits(Frame(7680, 4320), 1));
        Assert.False(LineStripes.Splits(Frame(3840, 2160), 2));
        Assert.False(LineStripes.Splits(Frame(1920, 1080), 16));
    }

    /// <summary>Holds the caller's band until the helper has done what <paramref name="done"/> asks, so both threads take part.</summary>
    private static void WaitForHelper(Func<bool> done) => Assert.True(SpinWait.SpinUntil(done, TimeSpan.FromSeconds(10)), "the helper took no band");
}
