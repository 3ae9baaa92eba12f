using Playout.Media.Kernels;

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
}
