namespace Playout.Devices;

/// <summary>A device with GPI inputs: an input's edge (its number from 1, and closed or open) as the device reports it.</summary>
public interface IGpiInputs
{
    /// <summary>How many inputs it has: they are numbered 1 to this.</summary>
    int InputCount { get; }

    /// <summary>Raised on the device's own thread; a handler must not block it.</summary>
    event Action<int, bool>? InputChanged;
}
