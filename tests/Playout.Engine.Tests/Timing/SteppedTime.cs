using System.Diagnostics;
using Playout.Engine.Clocks;

namespace Playout.Engine.Tests.Timing;

/// <summary>
/// Time a test moves: waiting jumps straight to the deadline, <see cref="Stall"/> stands for a tick thread that got no CPU,
/// <see cref="StepUtc"/> for a system clock stepped by NTP or an operator, and <see cref="UtcDriftPpm"/> for a UTC clock whose
/// rate differs from the monotonic timer's.
/// </summary>
internal sealed class SteppedTime : ITimeSource
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private long _now = 1_000 * Stopwatch.Frequency;
    private readonly long _origin;
    private TimeSpan _utcStep;

    public SteppedTime() => _origin = _now;

    /// <summary>Parts per million the UTC clock runs fast (negative: slow) against the monotonic timer.</summary>
    public double UtcDriftPpm { get; set; }

    public long Timestamp() => _now;

    public DateTimeOffset UtcNow()
    {
        double elapsed = (double)(_now - _origin) / Stopwatch.Frequency;
        return Start + TimeSpan.FromSeconds(elapsed * (1 + UtcDriftPpm / 1e6)) + _utcStep;
    }

    public void WaitUntil(long timestamp) => _now = Math.Max(_now, timestamp);

    public void Stall(TimeSpan time) => _now += (long)(time.TotalSeconds * Stopwatch.Frequency);

    public void StepUtc(TimeSpan step) => _utcStep += step;
}
