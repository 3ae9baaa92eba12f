using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Media.Tests.Frames;

public class FramePoolTests
{
    public static TheoryData<string, int, int> FormatsAndSizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var format in PixelFormat.All)
            foreach (var (width, height) in new[] { (720, 486), (722, 5), (1282, 720), (1920, 1080), (3840, 2160) })
                data.Add(format.Name, width, height);
        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndSizes))]
    public void Every_plane_and_line_starts_on_a_64_byte_boundary(string format, int width, int height)
    {
        using var pool = new FramePool(PixelFormat.Parse(format), width, height, capacity: 2);
        var frames = new[] { pool.Rent(), pool.Rent() };
        foreach (var frame in frames)
            for (var plane = 0; plane < pool.Layout.Planes.Count; plane++)
            {
                Assert.Equal(0, frame.PlanePointer(plane) % 64);
                Assert.Equal(0, pool.Layout.Planes[plane].Stride % 64);
            }
        foreach (var frame in frames)
            frame.Release();
    }

    [Fact]
    public void Exhaustion_names_the_layout_capacity_and_outstanding_count()
    {
        using var pool = new FramePool(PixelFormat.V210, 1920, 1080, capacity: 3);
        var frames = Enumerable.Range(0, 3).Select(_ => pool.Rent()).ToList();

        var error = Assert.Throws<FramePoolExhaustedException>(pool.Rent);
        Assert.Contains(pool.Layout.ToString(), error.Message);
        Assert.Contains("capacity 3", error.Message);
        Assert.Contains("3 frame(s) outstanding", error.Message);
        Assert.False(pool.TryRent(out var none));
        Assert.Null(none);

        frames[1].Release();
        Assert.True(pool.TryRent(out var again));
        frames[1] = again;
        frames.ForEach(f => f.Release());
    }

    [Fact]
    public void Buffers_are_allocated_on_demand_and_reused()
    {
        using var pool = new FramePool(PixelFormat.Uyvy422, 64, 4, capacity: 4);
        Assert.Equal(0, pool.Allocated);

        var first = pool.Rent();
        var pointer = first.PlanePointer(0);
        var second = pool.Rent();
        Assert.Equal((2, 2), (pool.Allocated, pool.Outstanding));

        first.Release();
        var reused = pool.Rent();
        Assert.Same(first, reused);
        Assert.Equal(pointer, reused.PlanePointer(0));
        Assert.Equal((2, 2), (pool.Allocated, pool.Outstanding));

        reused.Release();
        second.Release();
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(2, pool.Allocated);
    }

    [Fact]
    public void A_new_buffer_is_zeroed()
    {
        using var pool = new FramePool(PixelFormat.V210, 720, 486, capacity: 1);
        var frame = pool.Rent();
        Assert.True(frame.Plane(0).IndexOfAnyExcept((byte)0) < 0);
        frame.Release();
    }

    [Fact]
    public void Closing_with_frames_outstanding_reports_them_without_throwing_and_keeps_them_valid_until_released()
    {
        var pool = new FramePool(PixelFormat.Bgra, 64, 2, capacity: 3);
        var held = pool.Rent();
        held.WritableLine(0, 1)[5] = 42;
        held.Commit();
        pool.Rent().Release();

        Assert.Equal(1, pool.Close());
        Assert.Equal(1, pool.Close());
        pool.Dispose();
        Assert.Throws<ObjectDisposedException>(pool.Rent);

        Assert.Equal(42, held.Line(0, 1)[5]);
        held.Release();
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Rejects_a_size_the_format_cannot_hold_and_a_non_positive_capacity()
    {
        Assert.Throws<ArgumentException>(() => new FramePool(PixelFormat.V210, 719, 486, capacity: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FramePool(PixelFormat.V210, 720, 486, capacity: 0));
    }

    [Fact]
    public void Preallocating_allocates_every_buffer_once_so_renting_afterwards_never_allocates()
    {
        using var pool = new FramePool(PixelFormat.V210, 1280, 720, capacity: 5);
        pool.Preallocate();
        Assert.Equal(5, pool.Allocated);
        Assert.Equal(0, pool.Outstanding);
        pool.Preallocate();
        Assert.Equal(5, pool.Allocated);

        var frames = Enumerable.Range(0, 5).Select(_ => pool.Rent()).ToList();
        Assert.Equal(5, frames.Select(f => f.Id).Distinct().Count());
        Assert.False(pool.TryRent(out _));
        frames.ForEach(f => f.Release());
        Assert.Equal(5, pool.Allocated);
        Assert.Equal(5, pool.PeakOutstanding);
    }

    [Fact]
    public void Concurrent_first_rents_get_distinct_slots_and_never_exceed_the_capacity()
    {
        using var pool = new FramePool(PixelFormat.V210, 1920, 1080, capacity: 16);
        var rented = new System.Collections.Concurrent.ConcurrentBag<Frame>();
        Parallel.For(0, 64, _ =>
        {
            if (pool.TryRent(out var frame))
                rented.Add(frame);
        });
        Assert.Equal(16, rented.Count);
        Assert.Equal(16, rented.Select(f => f.Id).Distinct().Count());
        Assert.Equal(16, pool.Allocated);
        foreach (var frame in rented)
            frame.Release();
        Assert.Equal(0, pool.Outstanding);
    }
}
