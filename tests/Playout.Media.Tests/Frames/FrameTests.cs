using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Media.Tests.Frames;

public class FrameTests
{
    private static FramePool NewPool(int capacity = 4) => new(PixelFormat.Yuv422P10, 96, 8, capacity);

    private static void Fill(Frame frame, byte seed)
    {
        for (var plane = 0; plane < frame.Layout.Planes.Count; plane++)
            for (var line = 0; line < frame.Layout.Planes[plane].Lines; line++)
            {
                var bytes = frame.WritableLine(plane, line);
                for (var i = 0; i < bytes.Length; i++)
                    bytes[i] = (byte)(seed + plane * 31 + line * 7 + i);
            }
    }

    [Fact]
    public void Lines_are_the_picture_bytes_of_the_plane_at_each_stride()
    {
        using var pool = NewPool();
        var frame = pool.Rent();
        Fill(frame, seed: 3);
        for (var plane = 0; plane < frame.Layout.Planes.Count; plane++)
        {
            var layout = frame.Layout.Planes[plane];
            Assert.Equal(layout.Stride * layout.Lines, frame.Plane(plane).Length);
            for (var line = 0; line < layout.Lines; line++)
            {
                Assert.Equal(layout.LineBytes, frame.Line(plane, line).Length);
                Assert.True(frame.Line(plane, line).SequenceEqual(frame.Plane(plane).Slice(line * layout.Stride, layout.LineBytes)));
            }
        }
        frame.Release();
    }

    [Fact]
    public void Out_of_range_planes_and_lines_are_rejected()
    {
        using var pool = NewPool();
        var frame = pool.Rent();
        Assert.Throws<ArgumentOutOfRangeException>(() => frame.Plane(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => frame.PlanePointer(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => frame.Line(0, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => frame.WritableLine(1, -1));
        frame.Release();
    }

    [Fact]
    public void Commit_makes_the_frame_read_only()
    {
        using var pool = NewPool();
        var frame = pool.Rent();
        frame.WritableLine(0, 0)[0] = 7;
        frame.Metadata = new FrameMetadata(11);
        frame.Commit();

        Assert.True(frame.IsCommitted);
        Assert.Throws<InvalidOperationException>(() => frame.WritablePlane(0));
        Assert.Throws<InvalidOperationException>(() => frame.WritableLine(0, 0));
        Assert.Throws<InvalidOperationException>(() => frame.Metadata = new FrameMetadata(12));
        Assert.Throws<InvalidOperationException>(frame.Commit);
        Assert.Equal(7, frame.Line(0, 0)[0]);
        Assert.Equal(11, frame.Metadata.Sequence);
        frame.Release();
    }

    [Fact]
    public void Only_committed_frames_can_be_shared()
    {
        using var pool = NewPool();
        var frame = pool.Rent();
        Assert.Throws<InvalidOperationException>(frame.AddRef);
        frame.Commit();
        Assert.Same(frame, frame.AddRef());
        Assert.Equal(2, frame.References);
        frame.Release();
        frame.Release();
    }

    [Fact]
    public void The_last_release_returns_the_buffer_to_the_pool()
    {
        using var pool = NewPool();
        var frame = pool.Rent();
        frame.Commit();
        frame.AddRef().AddRef();

        frame.Release();
        frame.Release();
        Assert.Equal(1, pool.Outstanding);
        frame.Release();
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(0, frame.References);
        Assert.Throws<InvalidOperationException>(() => frame.Plane(0));
        Assert.Throws<InvalidOperationException>(frame.AddRef);

        var next = pool.Rent();
        Assert.Same(frame, next);
        Assert.False(next.IsCommitted);
        Assert.Equal(default, next.Metadata);
        next.Release();
    }

    [Fact]
    public void Over_release_names_the_frame()
    {
        using var pool = NewPool();
        var frame = pool.Rent();
        frame.Metadata = new FrameMetadata(99);
        frame.Release();

        var error = Assert.Throws<InvalidOperationException>(frame.Release);
        Assert.Contains(frame.ToString(), error.Message);
        Assert.Contains($"frame {frame.Id}", error.Message);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Make_writable_reopens_a_frame_held_only_by_the_caller_without_copying()
    {
        using var pool = NewPool();
        var frame = pool.Rent();
        Fill(frame, seed: 5);
        frame.Commit();
        var before = frame.Plane(0).ToArray();

        var writable = frame.MakeWritable();

        Assert.Same(frame, writable);
        Assert.False(writable.IsCommitted);
        Assert.Equal(before, writable.Plane(0).ToArray());
        writable.WritableLine(0, 0)[0] ^= 0xFF;
        Assert.Equal(0, pool.CopiesMade);
        Assert.Equal(1, pool.Outstanding);
        writable.Release();
    }

    [Fact]
    public void Make_writable_copies_a_shared_frame_and_leaves_the_original_untouched()
    {
        using var pool = NewPool();
        var original = pool.Rent();
        Fill(original, seed: 9);
        original.Metadata = new FrameMetadata(1234);
        original.Commit();
        original.AddRef();

        var copy = original.MakeWritable();

        Assert.NotSame(original, copy);
        Assert.Equal(1, pool.CopiesMade);
        Assert.Equal(1, original.References);
        Assert.True(original.IsCommitted);
        Assert.False(copy.IsCommitted);
        Assert.Equal(original.Metadata, copy.Metadata);
        for (var plane = 0; plane < original.Layout.Planes.Count; plane++)
            Assert.True(original.Plane(plane).SequenceEqual(copy.Plane(plane)));

        var firstByte = original.Line(2, 3)[0];
        copy.WritableLine(2, 3)[0] = (byte)~firstByte;
        Assert.Equal(firstByte, original.Line(2, 3)[0]);

        copy.Release();
        original.Release();
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Make_writable_keeps_the_callers_reference_when_no_copy_can_be_rented()
    {
        using var pool = NewPool(capacity: 1);
        var frame = pool.Rent();
        frame.Commit();
        frame.AddRef();

        Assert.Throws<FramePoolExhaustedException>(frame.MakeWritable);
        Assert.Equal(2, frame.References);
        frame.Release();
        frame.Release();
    }
}
