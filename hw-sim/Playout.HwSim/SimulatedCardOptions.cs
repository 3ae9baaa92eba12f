namespace Playout.HwSim;

public enum CardTiming
{
    /// <summary>The card's own frame clock: a vertical sync every frame period (plus jitter) on its own thread; outputs scan out on each sync.</summary>
    Realtime,

    /// <summary>No clock of its own: each frame sent is scanned out at once. For tests and benchmarks that run the channel unthrottled.</summary>
    OnSend,
}

/// <summary>How a simulated card is built.</summary>
/// <param name="JitterMicroseconds">Each vertical sync fires up to this much early or late (uniformly), as a real card's interrupt does.</param>
/// <param name="Checksums">Record a checksum of every frame scanned out (costs a read of the frame; off for benchmarks).</param>
/// <param name="History">Scanned-out frames remembered for <see cref="SimulatedOutput.Played"/> (a ring: older entries are overwritten).</param>
public sealed record SimulatedCardOptions(
    int Inputs = 1, int Outputs = 1, CardTiming Timing = CardTiming.Realtime, double JitterMicroseconds = 0,
    bool Checksums = true, int History = 4096, int Seed = 1, int Index = 0);
