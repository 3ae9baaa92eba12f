using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>
/// A frame whose lines lie back to back converts as one line of every pixel (<see cref="FrameLayout.JoinsLines"/>); that
/// must give, line for line, what converting each line alone gives, on every path and whether or not the frame joins.
/// </summary>
[Trait("Category", "Simd")]
public class JoinedLinesTests
{
    public static IEnumerable<object[]> Conversions() =>
        from width in new[] { 1920, 3840, 1280, 720, 1366, 88 }
        from alignment in new[] { 1, 64 }
        from pair in new[] { ("v210", "yuv422p10le"), ("yuv422p10le", "v210"), ("yuv422p10le", "uyvy422"), ("uyvy422", "yuv422p10le"),
            ("st2110-422-10", "yuv422p10le"), ("yuv422p10le", "st2110-422-10"), ("bgra-premultiplied", "yuv422p10le"), ("v210", "uyvy422") }
        select new object[] { pair.Item1, pair.Item2, width, alignment };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void A_frame_converts_as_its_lines_do_one_at_a_time(string from, string to, int width, int alignment)
    {
        const int height = 5;
        FrameLayout source = PixelFormat.Parse(from).Layout(width, height, alignment), target = PixelFormat.Parse(to).Layout(width, height, alignment);
        FrameLayout sourceLine = source.Format.Layout(width, 1, alignment), targetLine = target.Format.Layout(width, 1, alignment);
        byte[] input = Input(source);
        var expected = new byte[target.TotalBytes];
        var line = new byte[sourceLine.TotalBytes];
        var converted = new byte[targetLine.TotalBytes];
        var single = new FrameConverter(sourceLine, targetLine, path: SimdPath.Scalar);
        for (int y = 0; y < height; y++)
        {
            Move(input, source, y, line, sourceLine, 0);
            single.Convert(line, converted);
            Move(converted, targetLine, 0, expected, target, y);
        }
        var mismatches = new List<SimdPath>();
        foreach (var path in SimdPaths.Explicit.Prepend(SimdPath.Auto))
        {
            foreach (bool streamed in new[] { false, true })
            {
                // Padding is not picture; compare pictures only.
                var output = new byte[target.TotalBytes];
                new FrameConverter(source, target, path: path, streamed: streamed).Convert(input, output);
                if (!Pictures(output, target).SequenceEqual(Pictures(expected, target)))
                    mismatches.Add(path);
            }
        }
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("v210", 1920, 64, true)]
    [InlineData("v210", 7680, 1, true)]
    [InlineData("v210", 720, 1, true)]
    [InlineData("v210", 1280, 64, false)] // a v210 line is whole 48-pixel blocks: 1280 pads each line
    [InlineData("v210", 88, 1, false)] // four lines are as many bytes as one of 352 pixels, but each ends in a partial group
    [InlineData("yuv422p10le", 1280, 64, true)]
    [InlineData("yuv422p10le", 1366, 64, false)] // 2732-byte luma lines padded to 2752
    [InlineData("yuv422p10le", 1366, 1, true)]
    [InlineData("st2110-422-10", 1280, 64, true)]
    [InlineData("st2110-422-10", 1366, 64, false)]
    [InlineData("uyvy422", 1366, 64, false)]
    [InlineData("bgra", 1280, 64, true)]
    [InlineData("bgra", 1366, 64, false)]
    public void Frames_join_exactly_where_no_line_is_padded(string format, int width, int alignment, bool joins)
    {
        var layout = PixelFormat.Parse(format).Layout(width, 4, alignment);
        Assert.Equal(joins, layout.JoinsLines);
        if (!joins)
        {
            Assert.Throws<InvalidOperationException>(() => layout.Joined());
            return;
        }
        var joined = layout.Joined();
        Assert.Equal((width * 4, 1, layout.TotalBytes), (joined.Width, joined.Height, joined.TotalBytes));
        Assert.Equal(layout.Planes.Select(p => p.Offset), joined.Planes.Select(p => p.Offset));
    }

    [Fact]
    public void A_frame_too_large_to_be_one_line_does_not_join()
    {
        var layout = PixelFormat.Bgra.Layout(32768, 8192);
        Assert.False(layout.JoinsLines);
    }

    private static byte[] Input(FrameLayout layout)
    {
        if (layout.Format != PixelFormat.Yuv422P10)
            return layout.Format == PixelFormat.V210 || layout.Format == PixelFormat.St2110Yuv422P10 ? Packed(layout) : KernelInputs.Bytes(layout.TotalBytes, 11);
        var samples = KernelInputs.Samples(layout.TotalBytes / 2, 11);
        return System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()).ToArray();
    }

    /// <summary>Legal packed 10-bit content (its padding zero), made from random samples by the scalar packer.</summary>
    private static byte[] Packed(FrameLayout layout)
    {
        var planar = Input(PixelFormat.Yuv422P10.Layout(layout.Width, layout.Height));
        var packed = new byte[layout.TotalBytes];
        new FrameConverter(PixelFormat.Yuv422P10.Layout(layout.Width, layout.Height), layout, path: SimdPath.Scalar).Convert(planar, packed);
        return packed;
    }

    /// <summary>Copies line <paramref name="fromLine"/> of every plane to line <paramref name="toLine"/> of the other frame.</summary>
    private static void Move(byte[] from, FrameLayout fromLayout, int fromLine, byte[] to, FrameLayout toLayout, int toLine)
    {
        for (int p = 0; p < fromLayout.Planes.Count; p++)
        {
            PlaneLayout a = fromLayout.Planes[p], b = toLayout.Planes[p];
            from.AsSpan(a.Offset + fromLine * a.Stride, a.LineBytes).CopyTo(to.AsSpan(b.Offset + toLine * b.Stride, b.LineBytes));
        }
    }

    private static byte[] Pictures(byte[] frame, FrameLayout layout) =>
        layout.Planes.SelectMany(p => Enumerable.Range(0, p.Lines).SelectMany(y => frame.AsSpan(p.Offset + y * p.Stride, p.LineBytes).ToArray())).ToArray();
}
