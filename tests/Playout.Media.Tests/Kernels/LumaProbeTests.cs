using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Simd;
using Playout.TestSupport;

namespace Playout.Media.Tests.Kernels;

/// <summary>
/// The probe's luma kernels: every vector path gives the scalar twin's numbers, and the scalar twin gives what a plain
/// unpack of the line says, on random and edge codes, at every kernel width, 1280 (not a multiple of 48) and the width
/// of every format in <see cref="VideoFormats"/>.
/// </summary>
[Trait("Category", "Simd")]
public class LumaProbeTests
{
    public static IEnumerable<object[]> Widths() =>
        KernelInputs.Widths().Select(w => (int)w[0]).Concat([1280]).Concat(VideoFormats.All.Select(f => f.Width))
            .Distinct().Select(w => new object[] { w });

    private static readonly int[] Steps = [1, 2, 3, 4, 7];
    private static readonly int[] Thresholds = [0, 4, 151, 600, 1019, 1023];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Black_counts_match_a_plain_unpack_on_every_path(int width)
    {
        var line = KernelInputs.Misaligned(Packed(width, width));
        var luma = Luma(line.Span, width);
        foreach (int step in Steps)
            foreach (int threshold in Thresholds)
            {
                int expected = Sampled(luma, width, step).Count(y => y <= threshold);
                foreach (var path in SimdPaths.Explicit)
                    Assert.True(expected == LumaProbe.CountAtOrBelow(line.Span, width, step, threshold, path),
                        $"width {width}, step {step}, threshold {threshold}, {path}");
            }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Differences_match_a_plain_unpack_on_every_path_and_keep_the_luma_for_the_next(int width)
    {
        var before = KernelInputs.Misaligned(Packed(width, width + 1));
        var now = KernelInputs.Misaligned(Packed(width, width + 2));
        var lumaBefore = Luma(before.Span, width);
        var lumaNow = Luma(now.Span, width);
        foreach (int step in Steps)
        {
            int words = LumaProbe.SampledGroups(width, step) * LumaProbe.WordsPerGroup;
            var expectedSum = Sampled(lumaNow, width, step).Zip(Sampled(lumaBefore, width, step)).Sum(p => (long)Math.Abs(p.First - p.Second));
            var reference = new uint[words];
            LumaProbe.Difference(before.Span, width, step, new uint[words], reference, SimdPath.Scalar);
            var expectedCurrent = new uint[words];
            LumaProbe.Difference(now.Span, width, step, reference, expectedCurrent, SimdPath.Scalar);
            foreach (var path in SimdPaths.Explicit)
            {
                var current = Enumerable.Repeat(0xDEADBEEFu, words).ToArray();
                Assert.True(expectedSum == LumaProbe.Difference(now.Span, width, step, reference, current, path), $"width {width}, step {step}, {path}");
                Assert.True(expectedCurrent.AsSpan().SequenceEqual(current), $"reference words, width {width}, step {step}, {path}");
                Assert.Equal(0, LumaProbe.Difference(now.Span, width, step, current, new uint[words], path));
            }
        }
    }

    [Fact]
    public void Chroma_never_counts_and_never_differs()
    {
        const int width = 1920;
        var y = Enumerable.Repeat((ushort)940, width).ToArray();
        var dark = Enumerable.Repeat((ushort)4, width / 2).ToArray();
        var light = Enumerable.Repeat((ushort)1019, width / 2).ToArray();
        var a = new byte[PixelFormat.V210Stride(width)];
        var b = new byte[a.Length];
        V210.Pack(y, dark, dark, a, width);
        V210.Pack(y, light, light, b, width);
        int words = LumaProbe.SampledGroups(width, 1) * LumaProbe.WordsPerGroup;
        var reference = new uint[words];
        LumaProbe.Difference(a, width, 1, new uint[words], reference);
        foreach (var path in SimdPaths.Explicit)
        {
            Assert.Equal(0, LumaProbe.CountAtOrBelow(a, width, 1, 151, path));
            Assert.Equal(0, LumaProbe.Difference(b, width, 1, reference, new uint[words], path));
        }
    }

    [Fact]
    public void Short_lines_and_buffers_are_rejected_with_the_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => LumaProbe.CountAtOrBelow(new byte[100], 48, 1, 151));
        Assert.Contains("needs 128 bytes", error.Message);
        error = Assert.Throws<ArgumentException>(() => LumaProbe.Difference(new byte[128], 48, 2, new uint[16], new uint[15]));
        Assert.Contains("16 words for 4 sampled groups", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LumaProbe.SampledGroups(48, 0));
    }

    [Fact]
    public void The_kernels_allocate_nothing()
    {
        const int width = 7680;
        var line = Packed(width, 3);
        int words = LumaProbe.SampledGroups(width, 1) * LumaProbe.WordsPerGroup;
        uint[] a = new uint[words], b = new uint[words];
        foreach (var path in SimdPaths.Explicit.Prepend(SimdPath.Auto))
        {
            Assert.Equal(0, Allocations.LeastOf(() =>
            {
                LumaProbe.CountAtOrBelow(line, width, 1, 151, path);
                LumaProbe.Difference(line, width, 1, a, b, path);
            }));
        }
    }

    /// <summary>A v210 line of random words: every 10-bit code, including 0–3 and 1020–1023, and junk in the top two bits.</summary>
    private static byte[] Packed(int width, int seed) => KernelInputs.Bytes(PixelFormat.V210Stride(width), seed);

    private static ushort[] Luma(ReadOnlySpan<byte> line, int width)
    {
        var y = new ushort[width];
        V210.Unpack(line, y, new ushort[width / 2], new ushort[width / 2], width, SimdPath.Scalar);
        return y;
    }

    private static IEnumerable<ushort> Sampled(ushort[] luma, int width, int step) =>
        Enumerable.Range(0, width / 6).Where(g => g % step == 0).SelectMany(g => luma.Skip(g * 6).Take(6));
}
