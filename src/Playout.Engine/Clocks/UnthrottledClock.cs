using System.Diagnostics;
using Playout.Media.Formats;

namespace Playout.Engine.Clocks;

/// <summary>
/// Ticks as fast as the channel can go: for accelerated soak runs, tests and benchmarks. Each tick's
/// deadline still leaves producers one frame period, so a decoder that keeps up never looks late.
/// </summary>
public sealed class UnthrottledClock(Rational frameRate) : IChannelClock
{
    private readonly long _period = (long)(Stopwatch.Frequency * frameRate.Denominator / frameRate.Numerator);

    public string Source => "unthrottled clock";
    public bool IsLocked => false;
    public long LateTicks => 0;

    public long WaitNextTick() => Stopwatch.GetTimestamp() + _period;

    public void Dispose()
    {
    }
}
