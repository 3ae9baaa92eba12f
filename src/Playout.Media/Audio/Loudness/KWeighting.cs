namespace Playout.Media.Audio.Loudness;

/// <summary>
/// The K-weighting of ITU-R BS.1770-4 for one channel at 48 kHz: its high-shelf pre-filter then its RLB high-pass,
/// with the standard's own coefficients, in double precision (the recursion is sequential per channel).
/// </summary>
internal struct KWeighting
{
    // BS.1770-4 Table 1 (stage 1, pre-filter) and Table 2 (stage 2, RLB weighting), 48 kHz.
    private const double ShelfB0 = 1.53512485958697, ShelfB1 = -2.69169618940638, ShelfB2 = 1.19839281085285;
    private const double ShelfA1 = -1.69065929318241, ShelfA2 = 0.73248077421585;
    private const double HighPassA1 = -1.99004745483398, HighPassA2 = 0.99007225036621;

    // Below this a state only decays towards denormals, which are slow on x86; its energy is far below any gate.
    private const double Negligible = 1e-25;

    private double _shelf1, _shelf2, _highPass1, _highPass2, _sum;

    /// <summary>Filters <paramref name="samples"/> in sequence, adding their squared outputs to the sum <see cref="TakeSum"/> returns.</summary>
    /// <remarks>One running sum however the samples are split, so any chunking gives the same bits.</remarks>
    public void Add(ReadOnlySpan<float> samples)
    {
        double shelf1 = _shelf1, shelf2 = _shelf2, highPass1 = _highPass1, highPass2 = _highPass2, sum = _sum;
        foreach (float sample in samples)
        {
            // Transposed direct form II, one stage after the other; the high-pass numerator is 1, -2, 1.
            double x = sample;
            double shelved = ShelfB0 * x + shelf1;
            shelf1 = ShelfB1 * x - ShelfA1 * shelved + shelf2;
            shelf2 = ShelfB2 * x - ShelfA2 * shelved;
            double weighted = shelved + highPass1;
            highPass1 = -2.0 * shelved - HighPassA1 * weighted + highPass2;
            highPass2 = shelved - HighPassA2 * weighted;
            sum += weighted * weighted;
        }
        _shelf1 = Flush(shelf1);
        _shelf2 = Flush(shelf2);
        _highPass1 = Flush(highPass1);
        _highPass2 = Flush(highPass2);
        _sum = sum;
    }

    /// <summary>The sum of squared outputs since the last take.</summary>
    public double TakeSum()
    {
        double sum = _sum;
        _sum = 0;
        return sum;
    }

    private static double Flush(double state) => Math.Abs(state) < Negligible ? 0 : state;
}
