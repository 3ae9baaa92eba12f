using Playout.Media.Kernels;

namespace Playout.Media.Tests.Kernels;

/// <summary>BGRA → Y'CbCr against values computed from the BT.709/BT.2020 equations in double precision.</summary>
[Trait("Category", "Simd")]
public class ColorConversionTests
{
    [Theory]
    [InlineData(0.2126, 0.0722)]
    [InlineData(0.2627, 0.0593)]
    public void Colours_are_within_half_a_code_of_the_exact_equations(double kr, double kb)
    {
        var matrix = kr == 0.2126 ? ColorMatrix.Bt709 : ColorMatrix.Bt2020;
        var random = new Random(3);
        var bgra = new byte[2 * 4 * 500];
        random.NextBytes(bgra);
        for (int i = 0; i < 500; i++)
        {
            bgra[i * 8 + 3] = 255;
            bgra.AsSpan(i * 8, 4).CopyTo(bgra.AsSpan(i * 8 + 4, 4));
        }
        var (y, cb, cr, ky, kc) = (new ushort[1000], new ushort[500], new ushort[500], new ushort[1000], new ushort[500]);
        BgraConverter.Convert(bgra, matrix, y, cb, cr, ky, kc, 1000);
        double kg = 1 - kr - kb;
        for (int i = 0; i < 500; i++)
        {
            double b = bgra[i * 8] / 255.0, g = bgra[i * 8 + 1] / 255.0, r = bgra[i * 8 + 2] / 255.0;
            double luma = kr * r + kg * g + kb * b;
            Assert.InRange(y[2 * i] - (64 + 876 * luma), -0.51, 0.51);
            Assert.InRange(cb[i] - (512 + 896 * (b - luma) / (2 * (1 - kb))), -0.51, 0.51);
            Assert.InRange(cr[i] - (512 + 896 * (r - luma) / (2 * (1 - kr))), -0.51, 0.51);
            Assert.Equal(1023, ky[2 * i]);
        }
    }

    [Fact]
    public void White_black_and_grey_hit_the_nominal_codes_and_alpha_maps_to_1023()
    {
        byte[] bgra = [255, 255, 255, 255, 0, 0, 0, 0, 128, 128, 128, 128, 128, 128, 128, 128];
        var (y, cb, cr, ky, kc) = (new ushort[4], new ushort[2], new ushort[2], new ushort[4], new ushort[2]);
        BgraConverter.Convert(bgra, ColorMatrix.Bt709, y, cb, cr, ky, kc, 4);
        Assert.Equal(new ushort[] { 940, 64, 504, 504 }, y);
        Assert.Equal(new ushort[] { 512, 512 }, cb);
        Assert.Equal(new ushort[] { 512, 512 }, cr);
        Assert.Equal(new ushort[] { 1023, 0, 514, 514 }, ky);
        Assert.Equal(new ushort[] { 512, 514 }, kc);
    }

    /// <summary>Half-alpha white, premultiplied, is half-way grey over black: the shaped fill the keyer adds.</summary>
    [Fact]
    public void Premultiplied_half_alpha_white_is_the_picture_over_black()
    {
        byte[] bgra = [128, 128, 128, 128, 0, 0, 0, 0];
        var (y, cb, cr, ky, kc) = (new ushort[2], new ushort[1], new ushort[1], new ushort[2], new ushort[1]);
        BgraConverter.Convert(bgra, ColorMatrix.Bt709, y, cb, cr, ky, kc, 2);
        Assert.Equal((int)Math.Round(64 + 876 * 128 / 255.0), y[0]);
        Assert.Equal(64, y[1]);
        Assert.Equal(512, cb[0]);
        Assert.Equal(514, ky[0]);
    }

    [Fact]
    public void Key_is_alpha_scaled_to_1023_rounded_for_every_alpha()
    {
        var bgra = new byte[256 * 4];
        for (int a = 0; a < 256; a++)
            bgra[a * 4 + 3] = (byte)a;
        var (y, cb, cr, ky, kc) = (new ushort[256], new ushort[128], new ushort[128], new ushort[256], new ushort[128]);
        BgraConverter.Convert(bgra, ColorMatrix.Bt709, y, cb, cr, ky, kc, 256);
        for (int a = 0; a < 256; a++)
            Assert.Equal((int)Math.Floor(a * 1023 / 255.0 + 0.5), ky[a]);
    }
}
