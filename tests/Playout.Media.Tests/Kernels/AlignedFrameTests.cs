using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>
/// On 64-byte aligned pool frames the kernels take their whole-vector block paths, with non-temporal stores when the frame
/// is streamed past the cache and ordinary ones when it is not; each must give the scalar reference's bits like every other path.
/// </summary>
[Trait("Category", "Simd")]
public class AlignedFrameTests
{
    public static IEnumerable<object[]> Conversions() =>
        from width in new[] { 1920, 7680, 1280, 720 }
        from pair in new[] { ("v210", "yuv422p10le"), ("yuv422p10le", "v210"), ("yuv422p10le", "uyvy422"), ("uyvy422", "yuv422p10le"),
            ("st2110-422-10", "yuv422p10le"), ("yuv422p10le", "st2110-422-10") }
        from streamed in new[] { true, false }
        select new object[] { pair.Item1, pair.Item2, width, streamed };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Conversions_into_pool_frames_match_scalar_on_every_path(string from, string to, int width, bool streamed)
    {
        const int height = 3;
        PixelFormat source = PixelFormat.Parse(from), target = PixelFormat.Parse(to);
        using var sourcePool = new FramePool(source, width, height, 1);
        using var targetPool = new FramePool(target, width, height, 1);
        var input = sourcePool.Rent();
        var output = targetPool.Rent();
        Fill(input);
        var expected = new byte[targetPool.Layout.TotalBytes];
        new FrameConverter(sourcePool.Layout, targetPool.Layout, path: SimdPath.Scalar).Convert(Whole(input), expected);
        var mismatches = new List<SimdPath>();
        foreach (var path in SimdPaths.Explicit.Skip(1).Prepend(SimdPath.Auto))
        {
            // Line padding of 64-byte aligned layouts is not picture: converters leave it as it was.
            Whole(output).Clear();
            new FrameConverter(sourcePool.Layout, targetPool.Layout, path: path, streamed: streamed).Convert(Whole(input), Whole(output));
            if (!Whole(output).SequenceEqual(expected))
                mismatches.Add(path);
        }
        input.Release();
        output.Release();
        Assert.Empty(mismatches);
        Assert.Equal(0, sourcePool.Outstanding + targetPool.Outstanding);
    }

    [Theory]
    [InlineData(1920)]
    [InlineData(7680)]
    public void Fused_keying_into_a_pool_frame_matches_scalar(int width)
    {
        const int height = 6;
        using var pool = new FramePool(PixelFormat.V210, width, height, 2);
        var video = pool.Rent();
        var keyed = pool.Rent();
        Fill(video);
        var overlay = KeyedOverlay.FromBgra(GraphicsEquivalenceTests.LowerThird(width, height), width, height, true, ColorMatrix.Bt2020);
        int stride = pool.Layout.Planes[0].Stride;
        var expected = new byte[pool.Layout.TotalBytes];
        FusedV210Keyer.KeyFrame(Whole(video), stride, overlay, expected, stride, 0.9, SimdPath.Scalar);
        var mismatches = new List<SimdPath>();
        foreach (var path in SimdPaths.Explicit.Skip(1).Prepend(SimdPath.Auto))
        {
            Whole(keyed).Clear();
            FusedV210Keyer.KeyFrame(Whole(video), stride, overlay, Whole(keyed), stride, 0.9, path);
            if (!Whole(keyed).SequenceEqual(expected))
                mismatches.Add(path);
        }
        video.Release();
        keyed.Release();
        Assert.Empty(mismatches);
    }

    /// <summary>Legal random content in the frame's own format, made through the scalar packers.</summary>
    private static void Fill(Frame frame)
    {
        var layout = frame.Layout;
        var planar = PixelFormat.Yuv422P10.Layout(layout.Width, layout.Height);
        var samples = KernelInputs.Samples(planar.TotalBytes / 2, layout.Width);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan());
        new FrameConverter(planar, layout, path: SimdPath.Scalar)
            .Convert(bytes, Whole(frame));
    }

    private static unsafe Span<byte> Whole(Frame frame) => new((void*)frame.PlanePointer(0), frame.Layout.TotalBytes);
}
