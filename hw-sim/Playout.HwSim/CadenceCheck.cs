namespace Playout.HwSim;

/// <summary>
/// Checks that the sound arriving with each frame follows the format's 48 kHz cadence: every count is one the
/// cadence has, and every run of a whole cycle adds up to the cycle's samples (1601/1602 at 29.97 must alternate
/// in the ST 299 pattern, not drift).
/// </summary>
internal sealed class CadenceCheck(IReadOnlyList<int> cadence)
{
    // An array, not the list: enumerating an interface would allocate on every frame.
    private readonly int[] _cadence = [.. cadence];
    private readonly int[] _recent = new int[cadence.Count];
    private readonly int _cycleSamples = cadence.Sum();
    private long _frames;

    public long Errors { get; private set; }

    public void Add(int samples)
    {
        bool known = false;
        foreach (var count in _cadence)
            known |= count == samples;
        _recent[_frames % _recent.Length] = samples;
        _frames++;
        if (!known || (_frames >= _recent.Length && _recent.Sum() != _cycleSamples))
            Errors++;
    }
}
