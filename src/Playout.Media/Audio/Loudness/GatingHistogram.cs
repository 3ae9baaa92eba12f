namespace Playout.Media.Audio.Loudness;

/// <summary>
/// Gated block loudness in constant memory however long a programme runs: blocks above the absolute gate are
/// counted in bins of 0.01 LU from −70 to +10 LUFS (louder ones in the top bin), each bin keeping the exact sum of
/// its blocks' energies, so a gated mean is exact but for which side of the relative gate a block within 0.01 LU
/// of it falls.
/// </summary>
internal sealed class GatingHistogram
{
    public const double AbsoluteGate = -70;
    private const double Top = 10;
    private const int BinsPerLu = 100;
    private const int Bins = (int)((Top - AbsoluteGate) * BinsPerLu);

    private readonly long[] _counts = new long[Bins];
    private readonly double[] _energies = new double[Bins];
    private long _count;
    private double _energy;

    /// <summary>Blocks above the absolute gate.</summary>
    public long Count => _count;

    /// <summary>Adds a block of mean square <paramref name="energy"/>; one at or below the absolute gate is dropped.</summary>
    public void Add(double energy)
    {
        double lufs = Lufs.FromEnergy(energy);
        if (!(lufs > AbsoluteGate))
            return;
        int bin = Bin(lufs);
        _counts[bin]++;
        _energies[bin] += energy;
        _count++;
        _energy += energy;
    }

    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_energies);
        _count = 0;
        _energy = 0;
    }

    /// <summary>The relative gate: the loudness of all blocks above the absolute gate, less <paramref name="lu"/>; −∞ when there are none.</summary>
    public double RelativeGate(double lu) => _count == 0 ? double.NegativeInfinity : Lufs.FromEnergy(_energy / _count) - lu;

    /// <summary>The loudness of the blocks above <paramref name="gate"/> (BS.1770-4's gated loudness); −∞ when none is.</summary>
    public double GatedLoudness(double gate)
    {
        long count = 0;
        double energy = 0;
        for (int bin = FirstAbove(gate); bin < Bins; bin++)
        {
            count += _counts[bin];
            energy += _energies[bin];
        }
        return count == 0 ? double.NegativeInfinity : Lufs.FromEnergy(energy / count);
    }

    /// <summary>
    /// The spread between the <paramref name="low"/> and <paramref name="high"/> fractiles of the blocks above
    /// <paramref name="gate"/> (EBU Tech 3342's loudness range); NaN when none is.
    /// </summary>
    public double Range(double gate, double low, double high)
    {
        int first = FirstAbove(gate);
        long count = 0;
        for (int bin = first; bin < Bins; bin++)
            count += _counts[bin];
        if (count == 0)
            return double.NaN;
        // The fractile's rank among the sorted values, rounded (as Tech 3342's reference code does).
        return Level(first, (long)Math.Round((count - 1) * high)) - Level(first, (long)Math.Round((count - 1) * low));
    }

    /// <summary>The loudness (bin centre) of the value of 0-based <paramref name="rank"/> counting up from bin <paramref name="first"/>.</summary>
    private double Level(int first, long rank)
    {
        long seen = 0;
        for (int bin = first; bin < Bins; bin++)
        {
            seen += _counts[bin];
            if (seen > rank)
                return AbsoluteGate + (bin + 0.5) / BinsPerLu;
        }
        throw new InvalidOperationException($"rank {rank} is beyond the {seen} values counted");
    }

    private static int Bin(double lufs) => Math.Min(Bins - 1, (int)((lufs - AbsoluteGate) * BinsPerLu));

    private static int FirstAbove(double gate) => gate <= AbsoluteGate ? 0 : gate >= Top ? Bins : Bin(gate);
}
