namespace Playout.Media.Kernels;

/// <summary>
/// Division by alpha in 16 bits, for the byte-permute BGRA kernel: for every alpha a and channel c ≤ a,
/// ⌊(256·c + ⌊a/2⌋ + 1)·<see cref="Multiplier"/>[a] / 2^16⌋ >> <see cref="Shift"/>[a] equals the reference's
/// ⌊(255·c + ⌊a/2⌋) / a⌋, and grows with c (so colour above alpha reaches 255 and is clamped there). Found once, at first
/// use, by intersecting for each alpha the multipliers every channel value allows, at the smallest shift that leaves one.
/// </summary>
internal static class UnpremultiplyDivisors
{
    /// <summary>Low and high bytes of each alpha's multiplier, and its shift; alpha 0 (taken as black or saturated) is 65535, 0.</summary>
    public static byte[] MultiplierLow { get; }
    public static byte[] MultiplierHigh { get; }
    public static byte[] Shift { get; }

    static UnpremultiplyDivisors()
    {
        MultiplierLow = new byte[256];
        MultiplierHigh = new byte[256];
        Shift = new byte[256];
        MultiplierLow[0] = MultiplierHigh[0] = 0xFF;
        for (int alpha = 1; alpha < 256; alpha++)
        {
            var (multiplier, shift) = Find(alpha);
            MultiplierLow[alpha] = (byte)multiplier;
            MultiplierHigh[alpha] = (byte)(multiplier >> 8);
            Shift[alpha] = (byte)shift;
        }
    }

    /// <summary>The numerator the kernel forms from a channel byte: the channel in the high byte, ⌊a/2⌋ + 1 in the low one.</summary>
    public static int Numerator(int channel, int alpha) => 256 * channel + (alpha >> 1) + 1;

    private static (int Multiplier, int Shift) Find(int alpha)
    {
        for (int shift = 0; shift < 16; shift++)
        {
            long scale = 1L << (16 + shift), low = 1, high = 65535;
            for (int channel = 0; channel <= alpha && low <= high; channel++)
            {
                long quotient = (255 * channel + (alpha >> 1)) / alpha, numerator = Numerator(channel, alpha);
                // quotient·scale ≤ numerator·m < (quotient + 1)·scale
                low = Math.Max(low, (quotient * scale + numerator - 1) / numerator);
                high = Math.Min(high, ((quotient + 1) * scale - 1) / numerator);
            }
            if (low <= high)
                return ((int)low, shift);
        }
        throw new InvalidOperationException($"no 16-bit divisor for alpha {alpha}");
    }
}
