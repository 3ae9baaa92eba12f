using System.Diagnostics;
using Playout.Media.Formats;

namespace Playout.Engine.Clocks;

/// <summary>
/// Ticks as fast as the channel can go: for accelerated soak runs, tests and benchmarks. Frames are consecutive (never
/// skipped), placed on a timeline that starts when the clock is made. Each tick's deadline leaves producers one frame
/// period, so a decoder that keeps up never looks late — or, with <paramref name="patience"/>, as long as that: accelerated
/// time has no real deadline, and a test that checks frame accuracy must not turn a busy machine's decode time into filler.
/// </summary>
public sealed class UnthrottledClock(Rational frameRate, TimeSpan? patience = null) : IChannelClock
{
    private readonly long _wait = patience is { } time
        ? (long)(time.TotalSeconds * Stopwatch.Frequency)
        : (long)(Stopwatch.Frequency * frameRate.Denominator / frameRate.Numerator);

    public string Source => "unthrottled clock";
    public bool IsLocked => false;
    public bool RealTime => false;
    public long LateTicks => 0;
    public DateTimeOffset Epoch { get; } = DateTimeOffset.UtcNow;

    private long _frame;

    public ClockTick WaitNextTick() => new(_frame++, Stopwatch.GetTimestamp() + _wait);

    public void Dispose()
    {
    }
}
