using System.Diagnostics;
using Playout.Engine.Clocks;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Timing;

/// <summary>
/// The wait under every system clock and simulated card: never back before its timestamp, and (measured, so among the
/// real-time tests) close after it. On Linux it sleeps on the kernel's monotonic timer (MonotonicSleep) to the
/// microsecond, then spins the last 0.2 ms.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public sealed class PreciseWaitTests
{
    [Fact]
    public void Waits_of_every_length_end_at_or_just_after_their_timestamp()
    {
        var random = new Random(7);
        var late = new List<double>();
        for (int i = 0; i < 60; i++)
        {
            // From well under the spin to a few frame periods.
            long due = Stopwatch.GetTimestamp() + (long)(random.NextDouble() * 0.03 * Stopwatch.Frequency);
            PreciseWait.Until(due);
            long now = Stopwatch.GetTimestamp();
            Assert.True(now >= due, $"wait {i} returned {(due - now) * 1e6 / Stopwatch.Frequency:0} µs early");
            late.Add((now - due) * 1e6 / Stopwatch.Frequency);
        }
        late.Sort();
        Assert.True(late[late.Count / 2] < 200, $"median lateness {late[late.Count / 2]:0} µs (all: {string.Join(", ", late.Select(l => l.ToString("0")))})");
    }
}
