using System.Diagnostics;
using Playout.Engine.Clocks;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// A clock the simulation moves by hand: each tick airs the frame <see cref="Next"/> names, so a channel runs only the
/// frames where something can happen and skips the rest (a simulated week is a few tens of thousands of ticks, not 15 million).
/// </summary>
internal sealed class SimClock(long first, DateTimeOffset epoch) : IChannelClock
{
    /// <summary>The frame the next tick airs; the simulation never sets it past a queued command's tick.</summary>
    public long Next { get; set; } = first;

    public string Source => "simulation clock";
    public bool IsLocked => false;
    public long LateTicks => 0;
    public DateTimeOffset Epoch => epoch;

    // Colour fields deliver at once: a second of patience costs nothing and never turns a slow tick into filler.
    public ClockTick WaitNextTick() => new(Next, Stopwatch.GetTimestamp() + Stopwatch.Frequency);

    public void Dispose()
    {
    }
}
