using Playout.Media.Formats;

namespace Playout.Media.Tests.Formats;

public class RationalTests
{
    [Fact]
    public void Reduces_to_lowest_terms_with_the_sign_on_the_numerator()
    {
        var r = new Rational(60000, -2002);
        Assert.Equal(-30000, r.Numerator);
        Assert.Equal(1001, r.Denominator);
        Assert.Equal(new Rational(-30000, 1001), r);
    }

    [Fact]
    public void Default_is_zero_over_one()
    {
        Assert.Equal(1, default(Rational).Denominator);
        Assert.Equal(new Rational(0, 7), default);
    }

    [Fact]
    public void Zero_denominator_is_rejected() =>
        Assert.Throws<DivideByZeroException>(() => new Rational(1, 0));

    [Theory]
    [InlineData(30000, 1001, "30000/1001")]
    [InlineData(50, 2, "25")]
    [InlineData(-1, 2, "-1/2")]
    public void Formats_as_a_fraction_or_a_whole_number(long numerator, long denominator, string expected) =>
        Assert.Equal(expected, new Rational(numerator, denominator).ToString());

    [Theory]
    [InlineData("30000/1001", 30000, 1001)]
    [InlineData("25", 25, 1)]
    [InlineData("48000/1920", 25, 1)]
    [InlineData("-3/6", -1, 2)]
    public void Parses_fractions_and_whole_numbers(string text, long numerator, long denominator) =>
        Assert.Equal(new Rational(numerator, denominator), Rational.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("29.97")]
    [InlineData("1/0")]
    [InlineData("1/")]
    [InlineData("/2")]
    [InlineData("1/-2")]
    [InlineData("a/b")]
    public void Rejects_malformed_text(string text)
    {
        Assert.False(Rational.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Rational.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void Arithmetic_is_exact()
    {
        var ntsc = new Rational(30000, 1001);
        Assert.Equal(new Rational(60000, 1001), ntsc * new Rational(2));
        // 48 kHz over 29.97 Hz is 1601.6 samples a frame.
        Assert.Equal(new Rational(16016, 10), new Rational(48000) / ntsc);
        Assert.Equal(30000.0 / 1001.0, ntsc.ToDouble());
    }
}
