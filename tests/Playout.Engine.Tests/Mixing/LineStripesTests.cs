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
    public void A_split_run_does_every_line_once_half_on_another_thread(int count)
    {
        using var stripes = new LineStripes("test", split: true);
        var visits = new int[count];
        var threads = new int[count];
        int caller = Environment.CurrentManagedThreadId;
        for (int run = 0; run < 3; run++)
            stripes.Run((first, end) =>
            {
                for (int line = first; line < end; line++)
                {
                    Interlocked.Increment(ref visits[line]);
                    threads[line] = Environment.CurrentManagedThreadId;
                }
            }, count);
        Assert.All(visits, v => Assert.Equal(3, v));
        Assert.All(threads[..(count / 2)], t => Assert.Equal(caller, t));
        Assert.All(threads[(count / 2)..], t => Assert.NotEqual(caller, t));
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
    public void A_failure_on_the_helper_half_reaches_the_caller_after_both_halves_and_the_next_run_is_clean()
    {
        using var stripes = new LineStripes("test", split: true);
        int callerDone = 0;
        var error = Assert.Throws<InvalidOperationException>(() => stripes.Run((first, end) =>
        {
            if (first > 0)
                throw new InvalidOperationException("helper half failed");
            Thread.Sleep(50);
            callerDone = end;
        }, 100));
        Assert.Equal("helper half failed", error.Message);
        Assert.Equal(50, callerDone);
        var lines = new int[100];
        stripes.Run((first, end) => lines.AsSpan(first, end - first).Fill(1), 100);
        Assert.All(lines, l => Assert.Equal(1, l));
    }

    [Fact]
    public void A_failure_on_the_caller_half_returns_only_once_the_helper_has_finished()
    {
        using var stripes = new LineStripes("test", split: true);
        int helperDone = 0;
        var error = Assert.Throws<ArgumentException>(() => stripes.Run((first, end) =>
        {
            if (first == 0)
                throw new ArgumentException("caller half failed");
            Thread.Sleep(100);
            Volatile.Write(ref helperDone, end);
        }, 10));
        Assert.Equal("caller half failed", error.Message);
        Assert.Equal(10, Volatile.Read(ref helperDone));
    }

    [Fact]
    public void Runs_allocate_nothing_on_either_thread_once_the_helper_has_started()
    {
        using var stripes = new LineStripes("test", split: true);
        var lines = new long[2000];
        // Each half notes what its thread has allocated so far (other tests' threads do not count).
        var allocated = new long[2];
        var before = new long[2];
        Action<int, int> work = (first, end) =>
        {
            allocated[first == 0 ? 0 : 1] = GC.GetAllocatedBytesForCurrentThread();
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
}
