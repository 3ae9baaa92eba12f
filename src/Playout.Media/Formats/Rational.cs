using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Playout.Media.Formats;

/// <summary>
/// An exact fraction, always in lowest terms with a positive denominator, so that 1001-based
/// broadcast rates (30000/1001) never drift the way a double would over a day of frames.
/// </summary>
public readonly struct Rational : IEquatable<Rational>
{
    // Stored less one so that default(Rational) is 0/1 rather than an invalid 0/0.
    private readonly long _denominatorMinusOne;

    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public Rational(long numerator, long denominator = 1)
    {
        if (denominator == 0)
            throw new DivideByZeroException($"rational {numerator}/0 has a zero denominator");
        if (denominator < 0)
        {
            numerator = checked(-numerator);
            denominator = checked(-denominator);
        }
        var gcd = Gcd(Math.Abs(numerator), denominator);
        Numerator = numerator / gcd;
        _denominatorMinusOne = denominator / gcd - 1;
    }

    public long Numerator { get; }
    public long Denominator => _denominatorMinusOne + 1;

    public double ToDouble() => (double)Numerator / Denominator;

    public static Rational operator *(Rational a, Rational b) =>
        new(checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));

    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public static Rational operator /(Rational a, Rational b) =>
        new(checked(a.Numerator * b.Denominator), checked(a.Denominator * b.Numerator));

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    // Lowest terms make equal values bit-identical.
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is Rational other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>"30000/1001", or just "25" for a whole number; <see cref="Parse"/> reads both back.</summary>
    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads "num/den" or a whole number such as "25".</summary>
    /// <exception cref="FormatException">The text is not of that form or the denominator is zero.</exception>
    public static Rational Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a rational such as 30000/1001 or 25");

    public static bool TryParse([NotNullWhen(true)] string? text, out Rational value)
    {
        value = default;
        if (text is null)
            return false;
        var slash = text.IndexOf('/');
        var numeratorText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        long denominator = 1;
        if (!long.TryParse(numeratorText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var numerator)
            || (slash >= 0 && !long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out denominator))
            || denominator == 0)
            return false;
        value = new Rational(numerator, denominator);
        return true;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
            (a, b) = (b, a % b);
        return a == 0 ? 1 : a;
    }
}
