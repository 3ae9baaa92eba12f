using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

[Trait("Category", "Simd")]
public class KeyBlendTests
{
    [Fact]
    public void Full_key_gives_fill_zero_key_gives_background_and_half_blends_to_10_bit_precision()
    {
        ushort[] background = [64, 940, 100, 1000];
        ushort[] fill = [940, 64, 900, 10];
        var full = new ushort[4];
        Keyer.KeyLine(background, fill, [1023, 1023, 1023, 1023], full, 1.0);
        Assert.Equal(fill, full);
        var none = new ushort[4];
        Keyer.KeyLine(background, fill, [0, 0, 0, 0], none, 1.0);
        Assert.Equal(background, none);
        var half = new ushort[4];
        Keyer.KeyLine(background, fill, [512, 512, 512, 512], half, 1.0);
        for (int i = 0; i < 4; i++)
            Assert.InRange(half[i] - (background[i] + (fill[i] - background[i]) * 513.0 / 1024), -0.5, 0.5);
    }

    [Fact]
    public void Opacity_scales_the_key_and_zero_opacity_shows_background()
    {
        ushort[] background = [100];
        ushort[] fill = [900];
        var quarter = new ushort[1];
        Keyer.KeyLine(background, fill, [1023], quarter, 0.25);
        Assert.Equal(300, quarter[0]);
        var off = new ushort[1];
        Keyer.KeyLine(background, fill, [1023], off, 0);
        Assert.Equal(100, off[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Keyer.KeyLine(background, fill, [1023], off, 1.5));
    }

    /// <summary>
    /// The shaped blend on every lane width against its scalar form, for random samples, keys and fills of any value (colour
    /// above its key included) at full, partial and no opacity, against both blacks.
    /// </summary>
    [Fact]
    public void Shaped_blend_vectors_match_the_scalar_form_for_any_samples()
    {
        ShapedMatchesScalar<Lanes128, Vector128<byte>>();
        ShapedMatchesScalar<Lanes256, Vector256<byte>>();
        ShapedMatchesScalar<Lanes512, Vector512<byte>>();
    }

    [Theory]
    [InlineData(64)]
    [InlineData(512)]
    public void A_shaped_fill_under_a_full_key_is_the_output_and_black_under_no_key_leaves_the_background(int black)
    {
        for (int background = 0; background < 1024; background += 7)
        {
            Assert.Equal(background, KeyBlend.ShapedSample(background, black, black, 0, KeyBlend.FullOpacity));
            Assert.Equal(900, KeyBlend.ShapedSample(background, 900, black, 1023, KeyBlend.FullOpacity));
            Assert.Equal(background, KeyBlend.ShapedSample(background, 900, black, 1023, 0));
        }
    }

    private static void ShapedMatchesScalar<TOps, TV>() where TOps : ILaneOps<TV> where TV : struct
    {
        var random = new Random(TOps.Lanes);
        int count = 8 * TOps.Lanes;
        var (background, fill, key, blended) = (new ushort[count], new ushort[count], new ushort[count], new ushort[count]);
        foreach (int black in new[] { 64, 512 })
            foreach (int opacity in new[] { KeyBlend.FullOpacity, 1023, 512, 1, 0 })
                for (int round = 0; round < 2000; round++)
                {
                    for (int i = 0; i < count; i++)
                        (background[i], fill[i], key[i]) = ((ushort)random.Next(1024), (ushort)random.Next(1024), (ushort)random.Next(1024));
                    TV result = KeyBlend.ShapedVector<TOps, TV>(Load<TOps, TV>(background), Load<TOps, TV>(fill),
                        LaneShuffle.Splat16<TOps, TV>((ushort)black), Load<TOps, TV>(key), LaneShuffle.Splat16<TOps, TV>((ushort)(opacity * 32)),
                        opacity < KeyBlend.FullOpacity, LaneShuffle.Splat16<TOps, TV>(1023));
                    TOps.Store(result, ref MemoryMarshal.AsBytes(blended.AsSpan())[0]);
                    for (int i = 0; i < count; i++)
                        Assert.True(KeyBlend.ShapedSample(background[i], fill[i], black, key[i], opacity) == blended[i],
                            $"{typeof(TOps).Name}: bg {background[i]}, fill {fill[i]}, black {black}, key {key[i]}, opacity {opacity}");
                }
    }

    private static TV Load<TOps, TV>(ushort[] samples) where TOps : ILaneOps<TV> where TV : struct =>
        TOps.Load(ref MemoryMarshal.AsBytes(samples.AsSpan())[0]);
}
