using Playout.TestSupport;

namespace Playout.Interop.Tests;

/// <summary>The wrappers run once per frame in the pipeline and in allocation-reporting benchmarks: calls must not allocate.</summary>
public sealed class NoAllocationTests
{
    private const int Width = 1920, Height = 8, Calls = 10;

    [Fact]
    public void EncodingDoesNotAllocate()
    {
        using var picture = TestPicture.Yuv422P10(Width, Height);
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, Width, Height);
        var roomy = new byte[encoder.FrameSize + FfmpegBuffers.Padding];
        var tight = new byte[encoder.FrameSize];

        Assert.Equal(0, AllocatedBy(() =>
        {
            encoder.Encode(picture, roomy);
            encoder.Encode(picture, tight);
        }));
    }

    [Fact]
    public void DecodingDoesNotAllocate()
    {
        using var picture = TestPicture.Yuv422P10(Width, Height);
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.V210, Width, Height);
        var roomy = new byte[decoder.FrameSize + FfmpegBuffers.Padding];
        var tight = new byte[decoder.FrameSize];

        Assert.Equal(0, AllocatedBy(() =>
        {
            decoder.Decode(roomy, picture);
            decoder.Decode(tight, picture);
        }));
    }

    [Fact]
    public void ScalingDoesNotAllocate()
    {
        using var source = TestPicture.Packed(Width * 2, Height);
        using var destination = TestPicture.Yuv422P10(Width, Height);
        using var scaler = new FfmpegScaler(Width, Height, "uyvy422", Width, Height, "yuv422p10le", FfmpegScalerFlags.Point);

        Assert.Equal(0, AllocatedBy(() => scaler.Scale(source.AsSource(), destination.AsDestination())));
    }

    /// <summary>Managed bytes allocated by <paramref name="call"/> repeated, once warm (JIT, first-use setup).</summary>
    private static long AllocatedBy(Action call) => Allocations.LeastOf(() =>
    {
        for (int i = 0; i < Calls; i++)
            call();
    });
}
