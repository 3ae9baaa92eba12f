using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>Every vector path of the packed 4:2:2 kernels gives the scalar reference's bits.</summary>
[Trait("Category", "Simd")]
public class Packed422EquivalenceTests
{
    public static IEnumerable<object[]> Widths() => KernelInputs.Widths();

    private delegate void PackLine(ReadOnlySpan<ushort> y, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> dst, int width, SimdPath path);

    private delegate void UnpackLine(ReadOnlySpan<byte> src, Span<ushort> y, Span<ushort> cb, Span<ushort> cr, int width, SimdPath path);

    private static readonly (string Name, Func<int, int> LineBytes, PackLine Pack, UnpackLine Unpack)[] Codecs =
    [
        ("v210", PixelFormat.V210Stride, (y, u, v, d, w, p) => V210.Pack(y, u, v, d, w, p), (s, y, u, v, w, p) => V210.Unpack(s, y, u, v, w, p)),
        ("st2110", St2110Pgroup.LineBytes, (y, u, v, d, w, p) => St2110Pgroup.Pack(y, u, v, d, w, p), (s, y, u, v, w, p) => St2110Pgroup.Unpack(s, y, u, v, w, p)),
        ("uyvy", w => 2 * w, (y, u, v, d, w, p) => Uyvy422.Pack(y, u, v, d, w, p), (s, y, u, v, w, p) => Uyvy422.Unpack(s, y, u, v, w, p)),
    ];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Pack_paths_match_scalar_on_random_and_edge_codes(int width)
    {
        foreach (var codec in Codecs)
        {
            var y = KernelInputs.Samples(width, width).AsMemory();
            var cb = KernelInputs.Misaligned(KernelInputs.Samples(width / 2, width + 1));
            var cr = KernelInputs.Misaligned(KernelInputs.Samples(width / 2, width + 2), 3);
            var expected = new byte[codec.LineBytes(width)];
            codec.Pack(y.Span, cb.Span, cr.Span, expected, width, SimdPath.Scalar);
            foreach (var path in SimdPaths.Explicit.Skip(1))
            {
                var actual = KernelInputs.Misaligned(Enumerable.Repeat((byte)0xAA, expected.Length).ToArray());
                codec.Pack(y.Span, cb.Span, cr.Span, actual.Span, width, path);
                Assert.True(expected.AsSpan().SequenceEqual(actual.Span), $"{codec.Name} pack, {path}, width {width}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Unpack_paths_match_scalar_on_random_bytes(int width)
    {
        foreach (var codec in Codecs)
        {
            var source = KernelInputs.Misaligned(KernelInputs.Bytes(codec.LineBytes(width), width));
            var expected = new ushort[2 * width];
            Unpack(codec.Unpack, source.Span, expected, width, SimdPath.Scalar);
            foreach (var path in SimdPaths.Explicit.Skip(1))
            {
                var actual = new ushort[2 * width];
                Unpack(codec.Unpack, source.Span, actual, width, path);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{codec.Name} unpack, {path}, width {width}");
            }
        }
    }

    [Fact]
    public void Uyvy_pack_rounds_and_saturates_every_16_bit_sample_on_every_path()
    {
        // Every 16-bit value once as luma and once as each chroma: out-of-range samples (above 1023) must saturate at 255 on
        // every path, as the scalar reference's min(255, (s + 2) >> 2) does, not wrap.
        const int width = 65536;
        var y = Enumerable.Range(0, width).Select(i => (ushort)i).ToArray();
        var cb = Enumerable.Range(0, width / 2).Select(i => (ushort)(2 * i + 1)).ToArray();
        var cr = Enumerable.Range(0, width / 2).Select(i => (ushort)(65535 - 2 * i)).ToArray();
        var expected = new byte[2 * width];
        Uyvy422.Pack(y, cb, cr, expected, width, SimdPath.Scalar);
        Assert.Equal(255, expected[2 * 1023 + 1]);
        Assert.Equal(255, expected[2 * 65535 + 1]);
        Assert.Equal(1, expected[2 * 3 + 1]);
        var wrong = new List<SimdPath>();
        foreach (var path in SimdPaths.Explicit.Skip(1))
        {
            var actual = new byte[2 * width];
            Uyvy422.Pack(y, cb, cr, actual, width, path);
            if (!actual.AsSpan().SequenceEqual(expected))
                wrong.Add(path);
        }
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(62)]
    [InlineData(1920)]
    public void V210_pack_clamps_to_legal_codes_and_round_trips_them(int width)
    {
        var y = KernelInputs.Samples(width, 7);
        var cb = KernelInputs.Samples(width / 2, 8);
        var cr = KernelInputs.Samples(width / 2, 9);
        var line = new byte[PixelFormat.V210Stride(width)];
        V210.Pack(y, cb, cr, line, width);
        var back = new ushort[2 * width];
        Unpack((s, yy, u, v, w, p) => V210.Unpack(s, yy, u, v, w, p), line, back, width, SimdPath.Auto);
        ushort Legal(ushort s) => Math.Clamp(s, V210.VideoMin, V210.VideoMax);
        Assert.Equal(y.Select(Legal), back.Take(width));
        Assert.Equal(cb.Select(Legal), back.Skip(width).Take(width / 2));
        Assert.Equal(cr.Select(Legal), back.Skip(width + width / 2));
    }

    [Fact]
    public void V210_pack_zeroes_the_line_padding()
    {
        const int width = 50;
        var line = Enumerable.Repeat((byte)0xFF, PixelFormat.V210Stride(width)).ToArray();
        var y = Enumerable.Repeat((ushort)500, width).ToArray();
        var c = Enumerable.Repeat((ushort)500, width / 2).ToArray();
        V210.Pack(y, c, c, line, width);
        int groups = width / 6;
        Assert.All(line[(groups * 16 + 8)..], b => Assert.Equal(0, b));
        Assert.NotEqual(0, line[groups * 16]);
    }

    [Fact]
    public void St2110_round_trips_every_code()
    {
        var y = Enumerable.Range(0, 1024).Select(i => (ushort)i).ToArray();
        var c = Enumerable.Range(0, 512).Select(i => (ushort)(1023 - i)).ToArray();
        var line = new byte[St2110Pgroup.LineBytes(1024)];
        St2110Pgroup.Pack(y, c, c, line, 1024);
        var back = new ushort[2048];
        Unpack((s, yy, u, v, w, p) => St2110Pgroup.Unpack(s, yy, u, v, w, p), line, back, 1024, SimdPath.Auto);
        Assert.Equal(y, back.Take(1024));
        Assert.Equal(c, back.Skip(1024).Take(512));
        // Cb0 = 1023, Y0 = 0: the first byte is Cb's top eight bits, the second Cb's low two then Y0's top six.
        Assert.Equal(0xFF, line[0]);
        Assert.Equal(0xC0, line[1]);
    }

    [Fact]
    public void Uyvy_maps_8_bit_codes_by_four_and_rounds_back()
    {
        byte[] uyvy = [16, 235, 240, 128];
        var back = new ushort[4];
        Unpack((s, y, u, v, w, p) => Uyvy422.Unpack(s, y, u, v, w, p), uyvy, back, 2, SimdPath.Auto);
        Assert.Equal(new ushort[] { 940, 512, 64, 960 }, back);
        var packed = new byte[4];
        Uyvy422.Pack([1021, 1023], [65], [66], packed, 2);
        Assert.Equal(new byte[] { 16, 255, 17, 255 }, packed);
    }

    [Fact]
    public void Odd_width_and_short_buffers_are_rejected_with_the_sizes()
    {
        var y = new ushort[7];
        var c = new ushort[4];
        Assert.Throws<ArgumentOutOfRangeException>(() => V210.Pack(y, c, c, new byte[128], 7));
        var error = Assert.Throws<ArgumentException>(() => V210.Pack(new ushort[6], c, c, new byte[8], 6));
        Assert.Contains("needs 16", error.Message);
    }

    private static void Unpack(UnpackLine unpack, ReadOnlySpan<byte> source, ushort[] planes, int width, SimdPath path) =>
        unpack(source, planes.AsSpan(0, width), planes.AsSpan(width, width / 2), planes.AsSpan(width + width / 2, width / 2), width, path);
}
