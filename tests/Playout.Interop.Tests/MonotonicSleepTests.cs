using System.Diagnostics;
using Playout.TestSupport;

namespace Playout.Interop.Tests;

/// <summary>clock_nanosleep on CLOCK_MONOTONIC, to a Stopwatch timestamp: never early, and (measured, so among the real-time tests) to the microsecond, not the millisecond.</summary>
[Trait(RealTime.Trait, RealTime.Value)]
public sealed class MonotonicSleepTests
{
    [Fact]
    public void The_kernel_timer_sleeps_to_an_absolute_timestamp_and_never_returns_early()
    {
        Assert.Equal(OperatingSystem.IsLinux(), MonotonicSleep.IsAvailable);
        if (!MonotonicSleep.IsAvailable)
            return;
        var late = new List<double>();
        for (int i = 0; i < 40; i++)
        {
            long due = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 1000 * (1 + i % 5);
            MonotonicSleep.Until(due);
            long now = Stopwatch.GetTimestamp();
            Assert.True(now >= due, $"sleep {i} returned {(due - now) / 1000.0:0} µs early");
            late.Add((now - due) / 1000.0);
        }
        // A millisecond-rounding sleep would be up to 1000 µs late at the median; the kernel's timer slack is 50 µs.
        late.Sort();
        Assert.True(late[late.Count / 2] < 500, $"median lateness {late[late.Count / 2]:0} µs");
        // A deadline already past returns at once.
        var clock = Stopwatch.StartNew();
        MonotonicSleep.Until(Stopwatch.GetTimestamp() - Stopwatch.Frequency);
        Assert.True(clock.ElapsedMilliseconds < 50);
    }
}
