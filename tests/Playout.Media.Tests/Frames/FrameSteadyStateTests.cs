using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.TestSupport;

namespace Playout.Media.Tests.Frames;

public class FrameSteadyStateTests
{
    [Fact]
    public void Renting_sharing_and_releasing_allocates_nothing_once_warm()
    {
        using var pool = new FramePool(PixelFormat.V210, 1920, 1080, capacity: 3);
        Assert.Equal(0, Allocations.LeastOf(() => Cycle(pool, 10_000)));
        Assert.Equal(0, pool.CopiesMade);
        Assert.Equal(0, pool.Outstanding);
    }

    private static void Cycle(FramePool pool, int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            var frame = pool.Rent();
            frame.WritableLine(0, i % 1080)[0] = (byte)i;
            frame.Metadata = new FrameMetadata(i);
            frame.Commit();
            var reader = frame.AddRef();
            _ = reader.Line(0, i % 1080)[0] + reader.PlanePointer(0);
            reader.Release();
            frame = frame.MakeWritable();
            frame.Commit();
            frame.Release();
        }
    }
}
