using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>Planar keying and the fused v210 keyer (over converted BGRA graphics): vector paths equal scalar.</summary>
[Trait("Category", "Simd")]
public class GraphicsEquivalenceTests
{
    public static IEnumerable<object[]> Widths() => KernelInputs.Widths();

    /// <summary>Random BGRA with alpha 0 and 255 over-represented, including colour above alpha (invalid premultiplied).</summary>
    internal static byte[] Bgra(int width, int seed)
    {
        var bytes = KernelInputs.Bytes(width * 4, seed);
        var random = new Random(seed + 1);
        for (int i = 3; i < bytes.Length; i += 4)
            bytes[i] = random.Next(3) switch { 0 => 0, 1 => 255, _ => bytes[i] };
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Planar_keyer_paths_match_scalar(int width)
    {
        var background = KernelInputs.Samples(width, 1);
        var fill = KernelInputs.Misaligned(KernelInputs.Samples(width, 2));
        var key = KernelInputs.Samples(width, 3);
        foreach (var opacity in new[] { 1.0, 0.5, 0.0, 0.999 })
        {
            var expected = new ushort[width];
            Keyer.KeyLine(background, fill.Span, key, expected, opacity, SimdPath.Scalar);
            foreach (var path in SimdPaths.Explicit.Skip(1))
            {
                var actual = new ushort[width];
                Keyer.KeyLine(background, fill.Span, key, actual, opacity, path);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{path}, opacity {opacity}, width {width}");
            }
        }
    }

    public static IEnumerable<object[]> Frames() =>
        from size in new[] { (2, 3), (50, 5), (98, 1), (1920, 3), (7680, 2) }
        from premultiplied in new[] { false, true }
        select new object[] { size.Item1, size.Item2, premultiplied };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Fused_keyer_paths_match_scalar_and_in_place(int width, int height, bool premultiplied)
    {
        var overlay = KeyedOverlay.FromBgra(LowerThird(width, height), width, height, premultiplied, ColorMatrix.Bt709);
        Assert.Equal(premultiplied, overlay.Shaped);
        var video = VideoFrame(width, height, 11);
        int stride = overlay.Stride;
        foreach (var opacity in new[] { 1.0, 0.75 })
        {
            var expected = new byte[video.Length];
            FusedV210Keyer.KeyFrame(video, stride, overlay, expected, stride, opacity, SimdPath.Scalar);
            foreach (var path in SimdPaths.Explicit.Skip(1))
            {
                var actual = new byte[video.Length];
                FusedV210Keyer.KeyFrame(video, stride, overlay, actual, stride, opacity, path);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{path}, opacity {opacity}, {width}x{height}");
            }
            var inPlace = (byte[])video.Clone();
            FusedV210Keyer.KeyFrame(inPlace, stride, overlay, inPlace, stride, opacity);
            Assert.Equal(expected, inPlace);
            if (!premultiplied)
                Assert.Equal(expected, KeyThroughPlanes(video, overlay, LowerThird(width, height), opacity));
        }
    }

    /// <summary>
    /// A premultiplied picture keys as the "over" operator on samples above black: out = bg + o·(s − black) − (bg − black)·o·a/255
    /// with s the exact conversion of its colour, the pair's mean alpha for chroma; the kernel's keys and roundings stay within
    /// 2 codes of it.
    /// </summary>
    [Theory]
    [InlineData(1920, 3)]
    [InlineData(98, 4)]
    public void A_premultiplied_picture_keys_as_over_within_two_codes(int width, int height)
    {
        var bgra = LowerThird(width, height);
        var overlay = KeyedOverlay.FromBgra(bgra, width, height, premultiplied: true, ColorMatrix.Bt709);
        var video = VideoFrame(width, height, 12);
        int stride = overlay.Stride, half = width / 2;
        var (vy, vu, vv, oy, ou, ov) = (new ushort[width], new ushort[half], new ushort[half], new ushort[width], new ushort[half], new ushort[half]);
        foreach (var opacity in new[] { 1.0, 0.6 })
        {
            var keyed = new byte[video.Length];
            FusedV210Keyer.KeyFrame(video, stride, overlay, keyed, stride, opacity);
            double worst = 0;
            for (int line = 0; line < height; line++)
            {
                V210.Unpack(video.AsSpan(line * stride, stride), vy, vu, vv, width);
                V210.Unpack(keyed.AsSpan(line * stride, stride), oy, ou, ov, width);
                for (int x = 0; x < width; x++)
                {
                    var (y, _, _) = Exact(bgra, width, line, x, x);
                    worst = Math.Max(worst, Math.Abs(oy[x] - Over(vy[x], y, 64, Alpha(bgra, width, line, x, x), opacity)));
                }
                for (int pair = 0; pair < half; pair++)
                {
                    var (_, cb, cr) = Exact(bgra, width, line, 2 * pair, 2 * pair + 1);
                    double alpha = Alpha(bgra, width, line, 2 * pair, 2 * pair + 1);
                    worst = Math.Max(worst, Math.Abs(ou[pair] - Over(vu[pair], cb, 512, alpha, opacity)));
                    worst = Math.Max(worst, Math.Abs(ov[pair] - Over(vv[pair], cr, 512, alpha, opacity)));
                }
            }
            Assert.InRange(worst, 0, 2);
        }
    }

    /// <summary>A picture whose alphas are 0 and colour is not (not valid premultiplied) is blended, not skipped, and clamped.</summary>
    [Fact]
    public void Colour_under_alpha_0_is_added_and_clamped_on_every_path()
    {
        const int width = 96, height = 1;
        var bgra = new byte[width * 4];
        for (int x = 0; x < 48; x++)
            bgra.AsSpan(4 * x, 3).Fill(255);
        var overlay = KeyedOverlay.FromBgra(bgra, width, height, premultiplied: true, ColorMatrix.Bt709);
        Assert.Equal(0.5, overlay.MixedFraction);
        int stride = overlay.Stride;
        var video = new byte[stride];
        V210.Pack(Enumerable.Repeat((ushort)700, width).ToArray(), Enumerable.Repeat((ushort)512, width / 2).ToArray(),
            Enumerable.Repeat((ushort)512, width / 2).ToArray(), video, width);
        foreach (var path in SimdPaths.Explicit)
        {
            var keyed = new byte[stride];
            FusedV210Keyer.KeyFrame(video, stride, overlay, keyed, stride, 1.0, path);
            var (y, cb, _) = (new ushort[width], new ushort[width / 2], new ushort[width / 2]);
            V210.Unpack(keyed, y, cb, new ushort[width / 2], width);
            Assert.True(y.Take(48).All(v => v == 1023), $"{path}: white added to 700 clamps at 1023");
            Assert.True(y.Skip(48).All(v => v == 700), $"{path}: the clear block is the video");
            Assert.Equal(512, cb[0]);
        }
    }

    private static (double Y, double Cb, double Cr) Exact(byte[] bgra, int width, int line, int first, int last)
    {
        double y = 0, cb = 0, cr = 0;
        for (int x = first; x <= last; x++)
        {
            var p = bgra.AsSpan((line * width + x) * 4, 4);
            double r = p[2] / 255.0, g = p[1] / 255.0, b = p[0] / 255.0, kr = ColorMatrix.Bt709.Kr, kb = ColorMatrix.Bt709.Kb;
            double luma = kr * r + (1 - kr - kb) * g + kb * b;
            (y, cb, cr) = (y + 64 + 876 * luma, cb + 512 + 896 * (b - luma) / (2 * (1 - kb)), cr + 512 + 896 * (r - luma) / (2 * (1 - kr)));
        }
        int n = last - first + 1;
        return (y / n, cb / n, cr / n);
    }

    private static double Alpha(byte[] bgra, int width, int line, int first, int last) =>
        (bgra[(line * width + first) * 4 + 3] + bgra[(line * width + last) * 4 + 3]) / 510.0;

    private static double Over(double background, double shaped, double black, double alpha, double opacity) =>
        Math.Clamp(background + opacity * (shaped - black) - (background - black) * alpha * opacity, 0, 1023);

    [Theory]
    [InlineData(1280, 9, 150, 7, 1183, 3)]
    [InlineData(1280, 9, 61, 5, 1131, 4)]
    [InlineData(720, 6, 33, 6, 49, 0)]
    [InlineData(1920, 4, 98, 4, 0, 1)]
    public void A_placed_graphic_keys_like_the_same_graphic_laid_into_a_transparent_raster(int rasterWidth, int rasterHeight,
        int width, int height, int x, int y)
    {
        var bgra = Bgra(width * height, width + x);
        var placed = KeyedOverlay.Place(bgra, width, height, premultiplied: false, ColorMatrix.Bt709, x, y, rasterWidth, rasterHeight);
        var raster = new byte[rasterWidth * rasterHeight * 4];
        int columns = Math.Min(width, rasterWidth - x), lines = Math.Min(height, rasterHeight - y);
        for (int line = 0; line < lines; line++)
            bgra.AsSpan(line * width * 4, columns * 4).CopyTo(raster.AsSpan(((y + line) * rasterWidth + x) * 4));
        var full = KeyedOverlay.FromBgra(raster, rasterWidth, rasterHeight, premultiplied: false, ColorMatrix.Bt709);
        Assert.Equal((x / 48 * 48, y, lines), (placed.Left, placed.Top, placed.Height));
        Assert.True(placed.MemoryBytes < full.MemoryBytes);
        var video = VideoFrame(rasterWidth, rasterHeight, 21);
        int stride = full.Stride;
        foreach (var opacity in new[] { 1.0, 0.6 })
        {
            var expected = (byte[])video.Clone();
            FusedV210Keyer.KeyFrame(expected, stride, full, expected, stride, opacity, SimdPath.Scalar);
            foreach (var path in SimdPaths.Explicit)
            {
                var actual = (byte[])video.Clone();
                FusedV210Keyer.KeyFrame(actual, stride, placed, actual, stride, opacity, path);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{path}, opacity {opacity}, {width}x{height} at ({x}, {y}) on {rasterWidth}x{rasterHeight}");
            }
        }
    }

    [Fact]
    public void Fused_keyer_leaves_transparent_blocks_and_copies_opaque_fill()
    {
        const int width = 192, height = 2;
        var bgra = new byte[width * height * 4];
        for (int x = 96; x < 144; x++)
            bgra.AsSpan(x * 4, 4).Fill(255);
        var overlay = KeyedOverlay.FromBgra(bgra, width, height, premultiplied: false, ColorMatrix.Bt709);
        Assert.Equal(0, overlay.MixedFraction);
        var video = VideoFrame(width, height, 5);
        var keyed = new byte[video.Length];
        FusedV210Keyer.KeyFrame(video, overlay.Stride, overlay, keyed, overlay.Stride, 1.0);
        Assert.Equal(video.AsSpan(0, 256).ToArray(), keyed.AsSpan(0, 256).ToArray());
        var white = new byte[128];
        V210.Pack(Enumerable.Repeat((ushort)940, 48).ToArray(), Enumerable.Repeat((ushort)512, 24).ToArray(),
            Enumerable.Repeat((ushort)512, 24).ToArray(), white, 48);
        Assert.Equal(white, keyed.AsSpan(256, 128).ToArray());
    }

    /// <summary>
    /// Runs of every class after every other (clear, opaque and mixed blocks, and a last block cut short), at full, partial and
    /// no opacity, in place and out: the keyer takes each run whole and gives what the planar keyer gives sample by sample, so
    /// a run that reached into the next block of another class would show.
    /// </summary>
    [Theory]
    [InlineData("TOMOTMMTOOTMT", 20)]
    [InlineData("MOOTTMOTMMOT", 0)]
    public void Every_run_of_block_classes_keys_as_the_planar_keyer(string blocks, int tail)
    {
        int width = blocks.Length * 48 + tail, height = 2;
        var bgra = new byte[width * height * 4];
        var random = new Random(blocks.Length + tail);
        for (int line = 0; line < height; line++)
            for (int x = 0; x < width; x++)
            {
                // The second line has the runs in the reverse order.
                char kind = blocks[line == 0 ? Math.Min(x / 48, blocks.Length - 1) : blocks.Length - 1 - Math.Min(x / 48, blocks.Length - 1)];
                var pixel = bgra.AsSpan((line * width + x) * 4, 4);
                random.NextBytes(pixel[..3]);
                pixel[3] = kind switch { 'T' => 0, 'O' => 255, _ => (byte)random.Next(1, 255) };
            }
        var overlay = KeyedOverlay.FromBgra(bgra, width, height, premultiplied: false, ColorMatrix.Bt709);
        var video = VideoFrame(width, height, 9);
        int stride = overlay.Stride;
        foreach (var opacity in new[] { 1.0, 0.75, 0.0 })
        {
            var expected = KeyThroughPlanes(video, overlay, bgra, opacity);
            foreach (var path in SimdPaths.Explicit)
            {
                var actual = new byte[video.Length];
                FusedV210Keyer.KeyFrame(video, stride, overlay, actual, stride, opacity, path);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{path}, opacity {opacity}, out of place");
                var inPlace = (byte[])video.Clone();
                FusedV210Keyer.KeyFrame(inPlace, stride, overlay, inPlace, stride, opacity, path);
                Assert.True(expected.AsSpan().SequenceEqual(inPlace), $"{path}, opacity {opacity}, in place");
            }
        }
    }

    /// <summary>
    /// The reference composition of a straight picture as wide as the raster: unpack, key each plane with the planar keyer
    /// and the keys <see cref="BgraConverter"/> gives the picture (the chroma key for Cb and Cr), pack (no clamping).
    /// </summary>
    private static byte[] KeyThroughPlanes(byte[] video, KeyedOverlay overlay, byte[] bgra, double opacity)
    {
        int width = overlay.Width, half = width / 2, stride = overlay.Stride;
        var result = new byte[video.Length];
        var (vy, vu, vv) = (new ushort[width], new ushort[half], new ushort[half]);
        var (fy, fu, fv) = (new ushort[width], new ushort[half], new ushort[half]);
        var (ky, kc) = (new ushort[width], new ushort[half]);
        for (int line = 0; line < overlay.Height; line++)
        {
            V210.Unpack(video.AsSpan(line * stride, stride), vy, vu, vv, width);
            V210.Unpack(overlay.Fill.AsSpan(line * stride, stride), fy, fu, fv, width);
            BgraConverter.Convert(bgra.AsSpan(line * width * 4, width * 4), ColorMatrix.Bt709, new ushort[width], new ushort[half],
                new ushort[half], ky, kc, width);
            Keyer.KeyLine(vy, fy, ky, vy, opacity);
            Keyer.KeyLine(vu, fu, kc, vu, opacity);
            Keyer.KeyLine(vv, fv, kc, vv, opacity);
            V210.Pack(vy, vu, vv, result.AsSpan(line * stride, stride), width, 0, 1023);
        }
        return result;
    }

    /// <summary>A v210 frame of random legal samples.</summary>
    internal static byte[] VideoFrame(int width, int height, int seed)
    {
        int stride = PixelFormat.V210Stride(width);
        var frame = new byte[stride * height];
        for (int line = 0; line < height; line++)
            V210.Pack(KernelInputs.Samples(width, seed + line), KernelInputs.Samples(width / 2, seed + line + 100),
                KernelInputs.Samples(width / 2, seed + line + 200), frame.AsSpan(line * stride, stride), width);
        return frame;
    }

    /// <summary>Graphics, valid premultiplied (colour at most alpha): transparent top, an anti-aliased band, an opaque bar with random colour.</summary>
    internal static byte[] LowerThird(int width, int height)
    {
        var random = new Random(width);
        var bgra = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int alpha = y < height / 3 ? 0 : y == height / 3 ? random.Next(256) : x % 97 == 0 ? random.Next(256) : 255;
                var pixel = bgra.AsSpan((y * width + x) * 4, 4);
                for (int c = 0; c < 3; c++)
                    pixel[c] = (byte)random.Next(alpha + 1);
                pixel[3] = (byte)alpha;
            }
        return bgra;
    }
}
