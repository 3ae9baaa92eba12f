using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

[Trait("Category", "Simd")]
public class DownscalerTests
{
    public static IEnumerable<object[]> Widths() => KernelInputs.Widths();

    [Theory]
    [MemberData(nameof(Widths))]
    public void Paths_match_scalar_and_the_box_mean(int width)
    {
        var rows = Enumerable.Range(0, 4).Select(i => KernelInputs.Samples(width * 2, width + i)).ToArray();
        var half = new ushort[width];
        var quarter = new ushort[width / 2];
        Downscaler.Halve(rows[0], rows[1], half, SimdPath.Scalar);
        Downscaler.Quarter(rows[0], rows[1], rows[2], rows[3], quarter, SimdPath.Scalar);
        for (int x = 0; x < width; x++)
            Assert.Equal((int)Math.Floor((rows[0][2 * x] + rows[0][2 * x + 1] + rows[1][2 * x] + rows[1][2 * x + 1]) / 4.0 + 0.5), half[x]);
        for (int x = 0; x < width / 2; x++)
            Assert.Equal((int)Math.Floor(rows.Sum(r => r.Skip(4 * x).Take(4).Sum(s => (double)s)) / 16 + 0.5), quarter[x]);
        foreach (var path in SimdPaths.Explicit.Skip(1))
        {
            var actualHalf = new ushort[width];
            var actualQuarter = new ushort[width / 2];
            Downscaler.Halve(rows[0], rows[1], actualHalf, path);
            Downscaler.Quarter(rows[0], rows[1], rows[2], rows[3], actualQuarter, path);
            Assert.True(half.AsSpan().SequenceEqual(actualHalf), $"halve {path} width {width}");
            Assert.True(quarter.AsSpan().SequenceEqual(actualQuarter), $"quarter {path} width {width}");
        }
    }

    [Fact]
    public void Frame_8K_to_HD_keeps_flat_colour_and_4_2_2_planes()
    {
        var source = PixelFormat.Yuv422P10.Layout(7680, 8);
        var target = PixelFormat.Yuv422P10.Layout(1920, 2);
        var frame = new byte[source.TotalBytes];
        var samples = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(frame.AsSpan());
        int lumaSamples = 7680 * 8;
        samples[..lumaSamples].Fill(700);
        samples[lumaSamples..].Fill(300);
        var output = new byte[target.TotalBytes];
        Downscaler.DownscaleFrame(frame, source, output, target, 4);
        var result = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(output);
        Assert.All(result[..(1920 * 2)].ToArray(), s => Assert.Equal(700, s));
        Assert.All(result[(1920 * 2)..].ToArray(), s => Assert.Equal(300, s));
    }
}
