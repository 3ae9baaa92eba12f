using System.Runtime.Intrinsics;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>
/// The BGRA kernels' shortcut for steps that are all clear (every byte 0): on every path, the generic 512-bit kernel included,
/// the output is the scalar reference's among opaque and mixed steps, and one byte out of place anywhere in a step sends it
/// down the general path.
/// </summary>
[Trait("Category", "Simd")]
public class BgraUniformStepTests
{
    private const int Block = 64;

    private static readonly ColorMatrix[] Matrices = [ColorMatrix.Bt601, ColorMatrix.Bt709, ColorMatrix.Bt2020];

    /// <summary>
    /// Tails short of every step size (16, 32 and 64 pixels), a step and a tail, every kind of block, 720p (not a multiple of 48)
    /// with and without a tail, HD, UHD plus a tail.
    /// </summary>
    public static IEnumerable<object[]> Widths() =>
        new[] { 2, 14, 16, 18, 30, 32, 34, 62, 64, 66, 126, 128, 130, 446, 448, 450, 720, 1280, 1282, 1920, 3842 }.Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(Widths))]
    public void Clear_opaque_and_mixed_steps_match_scalar_on_every_path(int width)
    {
        var bgra = KernelInputs.Misaligned(Graphics(width));
        AssertEveryPathMatchesScalar(bgra.Span, width, $"width {width}");
    }

    /// <summary>Block j is clear but for byte j: its colour or its alpha (a key) out of the clear result.</summary>
    [Fact]
    public void One_byte_anywhere_in_a_step_takes_it_off_the_shortcut()
    {
        const int width = 4 * Block * Block;
        var bgra = new byte[4 * width];
        var random = new Random(15);
        for (int j = 0; j < 4 * Block; j++)
            bgra[4 * Block * j + j] = (byte)random.Next(1, 256);
        AssertEveryPathMatchesScalar(bgra, width, "one byte out of place");
    }

    private static void AssertEveryPathMatchesScalar(ReadOnlySpan<byte> bgra, int width, string what)
    {
        int whole = width / Block * Block;
        foreach (var keyed in new[] { true, false })
            foreach (var matrix in Matrices)
            {
                string mode = $"{what}, keyed {keyed}, {matrix}";
                var expected = BgraConverterTests.Convert(bgra, matrix, width, SimdPath.Scalar, keyed);
                foreach (var path in SimdPaths.Explicit.Skip(1))
                    Assert.True(expected.AsSpan().SequenceEqual(BgraConverterTests.Convert(bgra, matrix, width, path, keyed)), $"{path}, {mode}");
                if (whole == 0)
                    continue;
                var wholeExpected = BgraConverterTests.Convert(bgra[..(4 * whole)], matrix, whole, SimdPath.Scalar, keyed);
                Assert.True(wholeExpected.AsSpan().SequenceEqual(Generic512(bgra[..(4 * whole)], matrix, whole, keyed)),
                    $"generic 512-bit kernel, {mode}");
            }
    }

    /// <summary>The generic 512-bit kernel, which Vector512 does not take where VBMI is present, over whole steps.</summary>
    private static ushort[] Generic512(ReadOnlySpan<byte> bgra, ColorMatrix matrix, int width, bool keyed)
    {
        int half = width / 2;
        var planes = new ushort[keyed ? 3 * width + half : 2 * width];
        var all = planes.AsSpan();
        int done = BgraVectors<Lanes512, Vector512<byte>>.Convert(bgra, matrix, all[..width], all.Slice(width, half),
            all.Slice(width + half, half), keyed ? all.Slice(2 * width, width) : [], keyed ? all.Slice(3 * width, half) : [], width, keyed,
            streamed: false);
        Assert.Equal(width, done);
        return planes;
    }

    /// <summary>
    /// 64-pixel blocks in turn: clear; opaque; clear but one byte; opaque but one alpha; valid premultiplied with alpha 0 and 255
    /// frequent; colour under alpha 0 (invalid premultiplied); random bytes (colour mostly above alpha).
    /// </summary>
    internal static byte[] Graphics(int width)
    {
        var random = new Random(width);
        var bgra = new byte[4 * width];
        for (int pixel = 0; pixel < width; pixel++)
        {
            int block = pixel / Block, at = pixel % Block;
            var p = bgra.AsSpan(4 * pixel, 4);
            switch (block % 7)
            {
                case 0:
                    break;
                case 1:
                    random.NextBytes(p[..3]);
                    p[3] = 255;
                    break;
                case 2:
                    if (at == block * 5 % Block)
                        p[block % 4] = (byte)random.Next(1, 256);
                    break;
                case 3:
                    random.NextBytes(p[..3]);
                    p[3] = (byte)(at == block * 3 % Block ? random.Next(255) : 255);
                    break;
                case 4:
                    int alpha = random.Next(3) switch { 0 => 0, 1 => 255, _ => random.Next(256) };
                    for (int c = 0; c < 3; c++)
                        p[c] = (byte)random.Next(alpha + 1);
                    p[3] = (byte)alpha;
                    break;
                case 5:
                    p[at % 3] = (byte)random.Next(256);
                    break;
                default:
                    random.NextBytes(p);
                    break;
            }
        }
        return bgra;
    }
}
