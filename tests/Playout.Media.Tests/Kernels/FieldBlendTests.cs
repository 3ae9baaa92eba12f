using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>
/// The deinterlacing blend: every path gives (above + 2·line + below + 2) / 4 on random and edge codes at every kernel
/// width, misaligned, written over its own line too; a picture of opposite fields comes out one flat level.
/// </summary>
[Trait("Category", "Simd")]
public class FieldBlendTests
{
    public static IEnumerable<object[]> Widths() => KernelInputs.Widths().Concat([[1], [3], [4095]]);

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_path_gives_the_quarter_half_quarter_blend_rounded(int width)
    {
        var above = KernelInputs.Misaligned(KernelInputs.Samples(width, 1));
        var line = KernelInputs.Misaligned(KernelInputs.Samples(width, 2));
        var below = KernelInputs.Misaligned(KernelInputs.Samples(width, 3), offset: 3);
        var expected = new ushort[width];
        for (int i = 0; i < width; i++)
            expected[i] = (ushort)((above.Span[i] + 2 * line.Span[i] + below.Span[i] + 2) / 4);
        foreach (var path in SimdPaths.Explicit)
        {
            var output = KernelInputs.Misaligned(new ushort[width], offset: 5);
            FieldBlend.Line(above.Span, line.Span, below.Span, output.Span, path);
            Assert.True(expected.AsSpan().SequenceEqual(output.Span), $"{path} at width {width}");
            // In place: the line itself is the output.
            var own = KernelInputs.Misaligned(line.ToArray());
            FieldBlend.Line(above.Span, own.Span, below.Span, own.Span, path);
            Assert.True(expected.AsSpan().SequenceEqual(own.Span), $"{path} in place at width {width}");
        }
    }

    [Fact]
    public void Opposite_fields_become_one_level_and_short_lines_are_refused()
    {
        // A white top field over a black bottom field: every blended line is the same grey.
        ushort[] white = [.. Enumerable.Repeat((ushort)940, 64)], black = [.. Enumerable.Repeat((ushort)64, 64)];
        var top = new ushort[64];
        var bottom = new ushort[64];
        FieldBlend.Line(black, white, black, top);
        FieldBlend.Line(white, black, white, bottom);
        Assert.All(top, s => Assert.Equal(502, s));
        Assert.Equal(top, bottom);
        Assert.Throws<ArgumentException>(() => FieldBlend.Line(white.AsSpan(1), white, white, top));
    }
}
