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
        from premultiplied in new[] { false, true }
        from matrix in Matrices
        select new object[] { path, premultiplied, matrix.Name };

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
    public void Every_channel_value_under_every_alpha_matches_scalar(SimdPath path, bool premultiplied, string matrixName)
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
        var expected = Convert(input.Span, premultiplied, matrix, 256 * 256, SimdPath.Scalar);
        var actual = Convert(input.Span, premultiplied, matrix, 256 * 256, path);
        int first = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(first == expected.Length, $"{path}, premultiplied {premultiplied}, {matrix}: first difference at output sample {first}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_path_matches_scalar_at_every_width(int width)
    {
        var bgra = KernelInputs.Misaligned(GraphicsEquivalenceTests.Bgra(width, width));
        foreach (var premultiplied in new[] { false, true })
            foreach (var matrix in Matrices)
            {
                var expected = Convert(bgra.Span, premultiplied, matrix, width, SimdPath.Scalar);
                foreach (var path in SimdPaths.Explicit.Skip(1))
                    Assert.True(expected.AsSpan().SequenceEqual(Convert(bgra.Span, premultiplied, matrix, width, path)),
                        $"{path}, premultiplied {premultiplied}, {matrix}, width {width}");
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
            var keyed = Convert(bgra, premultiplied: true, ColorMatrix.Bt709, width, path);
            var fill = new ushort[2 * width];
            BgraConverter.Convert(bgra, true, ColorMatrix.Bt709, fill.AsSpan(0, width), fill.AsSpan(width, half), fill.AsSpan(width + half, half),
                [], [], width, path);
            Assert.True(keyed.AsSpan(0, 2 * width).SequenceEqual(fill), $"{path}, width {width}");
        }
    }

    [Fact]
    public void A_key_plane_too_short_is_named()
    {
        var (y, cb, cr) = (new ushort[64], new ushort[32], new ushort[32]);
        var error = Assert.Throws<ArgumentException>(() =>
            BgraConverter.Convert(new byte[256], false, ColorMatrix.Bt709, y, cb, cr, new ushort[64], new ushort[31], 64));
        Assert.Equal("chromaKey", error.ParamName);
        Assert.Contains("31", error.Message);
    }

    /// <summary>
    /// The vector paths un-premultiply from a reciprocal estimate refined once; this replays their arithmetic in scalar for every
    /// alpha and channel with estimates across the whole band an estimate instruction may return (the documented bound of rcpps
    /// and rcp14), and each must give the reference's exact quotient.
    /// </summary>
    [Fact]
    public void The_refined_reciprocal_gives_the_exact_quotient_for_any_estimate_within_its_bound()
    {
        const float bound = 1.5f / 4096;
        const int samples = 64;
        var wrong = new List<string>();
        for (int a = 0; a < 256; a++)
        {
            float alpha = Math.Max(a, 1);
            for (int s = 0; s <= samples; s++)
            {
                float estimate = 1 / alpha * (1 - bound + 2 * bound * s / samples);
                float reciprocal = estimate * MathF.FusedMultiplyAdd(-alpha, estimate, 2f);
                float scale = reciprocal * 255f, bias = MathF.FusedMultiplyAdd(a >> 1, reciprocal, BgraConverter.QuotientMargin);
                for (int c = 0; c < 256; c++)
                {
                    int quotient = Math.Min(255, (int)MathF.FusedMultiplyAdd(c, scale, bias));
                    if (quotient != BgraConverter.Unpremultiply(c, a))
                        wrong.Add($"c {c}, a {a}, estimate {estimate:R}: {quotient}, not {BgraConverter.Unpremultiply(c, a)}");
                }
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_16_bit_divisors_give_the_exact_quotient_for_every_numerator()
    {
        var wrong = new List<string>();
        for (int a = 0; a < 256; a++)
        {
            int multiplier = UnpremultiplyDivisors.MultiplierLow[a] | UnpremultiplyDivisors.MultiplierHigh[a] << 8, shift = UnpremultiplyDivisors.Shift[a];
            for (int c = 0; c < 256; c++)
            {
                int quotient = (int)Math.Min(255, ((long)UnpremultiplyDivisors.Numerator(c, a) * multiplier >> 16) >> shift);
                if (quotient != BgraConverter.Unpremultiply(c, a))
                    wrong.Add($"c {c}, a {a}: {quotient}, not {BgraConverter.Unpremultiply(c, a)}");
            }
        }
        Assert.Empty(wrong);
    }

    /// <summary>Where VBMI is present Vector512 takes the byte-permute kernel; the generic 512-bit one must still be exact.</summary>
    [Fact]
    public void The_generic_512_bit_kernel_matches_scalar_too()
    {
        const int width = 256 * 256;
        var bgra = GraphicsEquivalenceTests.Bgra(width, 3);
        foreach (var premultiplied in new[] { false, true })
            foreach (var matrix in Matrices)
            {
                var expected = Convert(bgra, premultiplied, matrix, width, SimdPath.Scalar);
                var actual = new ushort[expected.Length];
                var all = actual.AsSpan();
                int half = width / 2;
                int done = BgraVectors<Lanes512, System.Runtime.Intrinsics.Vector512<byte>>.Convert(bgra, premultiplied, matrix, all[..width],
                    all.Slice(width, half), all.Slice(width + half, half), all.Slice(2 * width, width), all.Slice(3 * width, half), width,
                    keyed: true, streamed: false);
                Assert.Equal(width, done);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"premultiplied {premultiplied}, {matrix}");
            }
    }

    [Fact]
    public void The_reference_rounds_half_up_and_saturates_colour_above_alpha()
    {
        for (int a = 1; a < 256; a++)
            for (int c = 0; c < 256; c++)
                Assert.Equal(Math.Min(255, (255 * c + a / 2) / a), BgraConverter.Unpremultiply(c, a));
        Assert.Equal(0, BgraConverter.Unpremultiply(0, 0));
        Assert.Equal(255, BgraConverter.Unpremultiply(1, 0));
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
    internal static ushort[] Convert(ReadOnlySpan<byte> bgra, bool premultiplied, ColorMatrix matrix, int width, SimdPath path, bool keyed = true)
    {
        int half = width / 2;
        var planes = new ushort[keyed ? 3 * width + half : 2 * width];
        var all = planes.AsSpan();
        BgraConverter.Convert(bgra, premultiplied, matrix, all[..width], all.Slice(width, half), all.Slice(width + half, half),
            keyed ? all.Slice(2 * width, width) : [], keyed ? all.Slice(3 * width, half) : [], width, path);
        return planes;
    }
}
