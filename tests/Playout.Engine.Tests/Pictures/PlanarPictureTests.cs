using System.Runtime.InteropServices;
using Playout.Engine.Pictures;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;
using Playout.Media.Simd;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Pictures;

/// <summary>
/// The decoders' working picture packs into and unpacks from v210 pool frames in one kernel call where both lie back to
/// back (1920, 3840: <see cref="FrameLayout.JoinsLines"/>) and line by line elsewhere (1280 pads its v210 lines); either
/// way each line must be what the scalar kernel makes of that line alone.
/// </summary>
public class PlanarPictureTests
{
    [Theory]
    [InlineData(1920, 6)]
    [InlineData(3840, 3)]
    [InlineData(1280, 6)]
    [InlineData(720, 5)]
    public void Packing_and_unpacking_the_picture_match_the_scalar_kernel_line_by_line(int width, int height)
    {
        using var picture = new PlanarPicture(width, height);
        var random = new Random(width);
        var region = picture.Region(0, 0);
        foreach (var (plane, stride, samples) in new[] { (0, region.Stride0, width), (1, region.Stride1, width / 2), (2, region.Stride2, width / 2) })
        {
            var bytes = plane == 0 ? region.Plane0 : plane == 1 ? region.Plane1 : region.Plane2;
            for (int y = 0; y < height; y++)
            {
                var line = MemoryMarshal.Cast<byte, ushort>(bytes.Slice(y * stride, samples * 2));
                for (int x = 0; x < line.Length; x++)
                    line[x] = (ushort)random.Next(1024);
            }
        }
        using var pool = new FramePool(PixelFormat.V210, width, height, 2);
        var packed = pool.Rent();
        picture.PackInto(packed);
        var planes = picture.Planes;
        var expected = new byte[pool.Layout.Planes[0].LineBytes];
        int mismatchedLines = 0;
        for (int y = 0; y < height; y++)
        {
            V210.Pack(Samples(planes.Plane0, planes.Stride0, y, width), Samples(planes.Plane1, planes.Stride1, y, width / 2),
                Samples(planes.Plane2, planes.Stride2, y, width / 2), expected, width, SimdPath.Scalar);
            if (!packed.Line(0, y).SequenceEqual(expected))
                mismatchedLines++;
        }
        Assert.Equal(0, mismatchedLines);

        packed.Commit();
        using var back = new PlanarPicture(width, height);
        back.UnpackFrom(packed);
        var legal = back.Planes;
        var luma = new ushort[width];
        var cb = new ushort[width / 2];
        var cr = new ushort[width / 2];
        for (int y = 0; y < height; y++)
        {
            V210.Unpack(packed.Line(0, y), luma, cb, cr, width, SimdPath.Scalar);
            if (!Samples(legal.Plane0, legal.Stride0, y, width).SequenceEqual(luma) || !Samples(legal.Plane1, legal.Stride1, y, width / 2).SequenceEqual(cb)
                || !Samples(legal.Plane2, legal.Stride2, y, width / 2).SequenceEqual(cr))
                mismatchedLines++;
        }
        packed.Release();
        Assert.Equal(0, mismatchedLines);
    }

    [Theory]
    [InlineData(1920, 8)]
    [InlineData(1280, 8)]
    public void Packing_and_unpacking_a_frame_allocate_nothing(int width, int height)
    {
        // Once a decoded frame: the decoder thread must not make garbage for every picture.
        using var picture = new PlanarPicture(width, height);
        using var pool = new FramePool(PixelFormat.V210, width, height, 1);
        var frame = pool.Rent();
        long least = Allocations.LeastOf(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                picture.PackInto(frame);
                picture.UnpackFrom(frame);
            }
        });
        frame.Release();
        Assert.Equal(0, least);
    }

    private static ReadOnlySpan<ushort> Samples(ReadOnlySpan<byte> plane, int stride, int line, int samples) =>
        MemoryMarshal.Cast<byte, ushort>(plane.Slice(line * stride, samples * 2));
}
