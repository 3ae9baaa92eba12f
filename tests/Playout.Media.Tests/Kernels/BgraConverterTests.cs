using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>BGRA → 10-bit 4:2:2 + key: every vector path gives the scalar reference's bits.</summary>
[Trait("Category", "Simd")]
public class BgraConverterTests
{
    private static readonly ColorMatrix[] Matrices = [ColorMatrix.Bt601, ColorMatrix.Bt709, ColorMatrix.Bt2020];

    /// <summary>Every even width to 130 (tails short of a step, a step and a tail, two steps), then 720, 1280, 1920, 3840 and 7680.</summary>
    public static IEnumerable<object[]> Widths() =>
        Enumerable.Range(1, 65).Select(i => 2 * i).Concat([720, 1280, 1920, 3840, 7680]).Select(w => new object[] { w });

    public static IEnumerable<object[]> Modes() =>
        from path in SimdPaths.Explicit.Skip(1)
        from matrix in Matrices
        select new object[] { path, matrix.Name };

    [Fact]
    public void The_vbmi_kernel_takes_every_matrix_the_pipeline_has()
    {
        // It puts the luma wraps back with adds that hold for these matrices only; one it did not take would run the slower
        // generic kernel without anyone noticing.
        var matrices = typeof(ColorMatrix).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ColorMatrix)).Select(p => (ColorMatrix)p.GetValue(null)!).ToArray();
        Assert.Equal(Matrices.Length, matrices.Length);
        Assert.All(matrices, m => Assert.True(BgraVbmi.Handles(m), m.Name));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_channel_value_under_every_alpha_matches_scalar(SimdPath path, string matrixName)
    {
        // Pixel a·256 + c: blue c, green 255 − c, red c xor 0x5A under alpha a, so each channel takes all 256 values under every alpha.
        var bgra = new byte[256 * 256 * 4];
        for (int pixel = 0; pixel < 256 * 256; pixel++)
        {
            int a = pixel / 256, c = pixel % 256;
            bgra[4 * pixel] = (byte)c;
            bgra[4 * pixel + 1] = (byte)(255 - c);
            bgra[4 * pixel + 2] = (byte)(c ^ 0x5A);
            bgra[4 * pixel + 3] = (byte)a;
        }
        var matrix = Matrices.Single(m => m.Name == matrixName);
        var input = KernelInputs.Misaligned(bgra);
        var expected = Convert(input.Span, matrix, 256 * 256, SimdPath.Scalar);
        var actual = Convert(input.Span, matrix, 256 * 256, path);
        int first = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(first == expected.Length, $"{path}, {matrix}: first difference at output sample {first}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_path_matches_scalar_at_every_width(int width)
    {
        var bgra = KernelInputs.Misaligned(GraphicsEquivalenceTests.Bgra(width, width));
        foreach (var matrix in Matrices)
        {
            var expected = Convert(bgra.Span, matrix, width, SimdPath.Scalar);
            foreach (var path in SimdPaths.Explicit.Skip(1))
                Assert.True(expected.AsSpan().SequenceEqual(Convert(bgra.Span, matrix, width, path)), $"{path}, {matrix}, width {width}");
        }
    }

    [Theory]
    [InlineData(130)]
    [InlineData(1920)]
    public void Without_key_planes_the_fill_is_the_same_and_no_key_is_written(int width)
    {
        var bgra = GraphicsEquivalenceTests.Bgra(width, 7);
        int half = width / 2;
        foreach (var path in SimdPaths.Explicit)
        {
            var keyed = Convert(bgra, ColorMatrix.Bt709, width, path);
            var fill = new ushort[2 * width];
            BgraConverter.Convert(bgra, ColorMatrix.Bt709, fill.AsSpan(0, width), fill.AsSpan(width, half), fill.AsSpan(width + half, half),
                [], [], width, path);
            Assert.True(keyed.AsSpan(0, 2 * width).SequenceEqual(fill), $"{path}, width {width}");
        }
    }

    [Fact]
    public void A_key_plane_too_short_is_named()
    {
        var (y, cb, cr) = (new ushort[64], new ushort[32], new ushort[32]);
        var error = Assert.Throws<ArgumentException>(() =>
            BgraConverter.Convert(new byte[256], ColorMatrix.Bt709, y, cb, cr, new ushort[64], new ushort[31], 64));
        Assert.Equal("chromaKey", error.ParamName);
        Assert.Contains("31", error.Message);
    }

    /// <summary>Where VBMI is present Vector512 takes the byte-permute kernel; the generic 512-bit one must still be exact.</summary>
    [Fact]
    public void The_generic_512_bit_kernel_matches_scalar_too()
    {
        const int width = 256 * 256;
        var bgra = GraphicsEquivalenceTests.Bgra(width, 3);
        foreach (var matrix in Matrices)
        {
            var expected = Convert(bgra, matrix, width, SimdPath.Scalar);
            var actual = new ushort[expected.Length];
            var all = actual.AsSpan();
            int half = width / 2;
            int done = BgraVectors<Lanes512, System.Runtime.Intrinsics.Vector512<byte>>.Convert(bgra, matrix, all[..width],
                all.Slice(width, half), all.Slice(width + half, half), all.Slice(2 * width, width), all.Slice(3 * width, half), width,
                keyed: true, streamed: false);
            Assert.Equal(width, done);
            Assert.True(expected.AsSpan().SequenceEqual(actual), matrix.Name);
        }
    }

    /// <summary>
    /// Premultiplied and straight bytes convert alike: premultiplied colour is the picture over black, a shaped fill, which is
    /// what FFmpeg's conversion of the same bytes gives too (bench and <see cref="ColorConversionTests"/> check the values).
    /// </summary>
    [Fact]
    public void Premultiplied_and_straight_frames_convert_to_the_same_samples()
    {
        const int width = 1920, height = 2;
        var bgra = GraphicsEquivalenceTests.Bgra(width * height, 9);
        var planar = PixelFormat.Yuv422P10.Layout(width, height);
        var (straight, shaped) = (new byte[planar.TotalBytes], new byte[planar.TotalBytes]);
        new FrameConverter(PixelFormat.Bgra.Layout(width, height), planar).Convert(bgra, straight);
        new FrameConverter(PixelFormat.BgraPremultiplied.Layout(width, height), planar).Convert(bgra, shaped);
        Assert.Equal(straight, shaped);
        Assert.Contains(straight, b => b != 0);
    }

    public static IEnumerable<object[]> Frames() =>
        from width in new[] { 720, 1280, 1920, 7680 }
        from format in new[] { "bgra", "bgra-premultiplied" }
        from streamed in new[] { true, false }
        from graphics in new[] { false, true }
        select new object[] { format, width, streamed, graphics };

    /// <param name="graphics">Lines of clear, opaque and mixed steps (<see cref="BgraUniformStepTests.Graphics"/>), not random bytes.</param>
    [Theory]
    [MemberData(nameof(Frames))]
    public unsafe void Frames_into_pool_frames_match_scalar_on_every_path_streamed_or_not(string format, int width, bool streamed, bool graphics)
    {
        const int height = 3;
        using var sourcePool = new FramePool(PixelFormat.Parse(format), width, height, 1);
        using var targetPool = new FramePool(PixelFormat.Yuv422P10, width, height, 1);
        var input = sourcePool.Rent();
        var output = targetPool.Rent();
        var source = new Span<byte>((void*)input.PlanePointer(0), sourcePool.Layout.TotalBytes);
        var target = new Span<byte>((void*)output.PlanePointer(0), targetPool.Layout.TotalBytes);
        var plane = sourcePool.Layout.Planes[0];
        if (graphics)
            for (int line = 0; line < height; line++)
                BgraUniformStepTests.Graphics(width + line).AsSpan(4 * line, 4 * width).CopyTo(source[(plane.Offset + line * plane.Stride)..]);
        else
            new Random(width).NextBytes(source);
        var expected = new byte[target.Length];
        new FrameConverter(sourcePool.Layout, targetPool.Layout, path: SimdPath.Scalar).Convert(source, expected);
        var mismatches = new List<SimdPath>();
        foreach (var path in SimdPaths.Explicit.Skip(1).Prepend(SimdPath.Auto))
        {
            target.Clear();
            new FrameConverter(sourcePool.Layout, targetPool.Layout, path: path, streamed: streamed).Convert(source, target);
            if (!target.SequenceEqual(expected))
                mismatches.Add(path);
        }
        input.Release();
        output.Release();
        Assert.Empty(mismatches);
    }

    /// <summary>Luma, Cb, Cr, then (when keyed) luma key and chroma key of one line, one after another.</summary>
    internal static ushort[] Convert(ReadOnlySpan<byte> bgra, ColorMatrix matrix, int width, SimdPath path, bool keyed = true)
    {
        int half = width / 2;
        var planes = new ushort[keyed ? 3 * width + half : 2 * width];
        var all = planes.AsSpan();
        BgraConverter.Convert(bgra, matrix, all[..width], all.Slice(width, half), all.Slice(width + half, half),
            keyed ? all.Slice(2 * width, width) : [], keyed ? all.Slice(3 * width, half) : [], width, path);
        return planes;
    }
}
