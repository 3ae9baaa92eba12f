namespace Playout.Engine.Devices;

/// <summary>A card's vertical sync, the clock a genlocked channel ticks on.</summary>
public interface IReferenceClock
{
    /// <summary>False while the card has lost its reference (no sync pulses arrive).</summary>
    bool HasReference { get; }

    /// <summary>
    /// Blocks until the next vertical sync and returns its running count (which skips numbers when syncs
    /// were missed), or returns false when none arrives within <paramref name="timeout"/>.
    /// </summary>
    bool WaitForSync(TimeSpan timeout, out long syncCount);
}
