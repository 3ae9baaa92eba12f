using System.Diagnostics;
using Playout.Engine.Devices;
using Playout.Media.Formats;

namespace Playout.Engine.Tests.Timing;

/// <summary>
/// A card's vertical sync on <see cref="SteppedTime"/>: sync n fires n periods after it starts (<paramref name="phase"/> after
/// now), optionally off the nominal rate.
/// </summary>
internal sealed class SteppedReference(SteppedTime time, Rational rate, double ppmFast = 0, TimeSpan phase = default) : IReferenceClock
{
    private readonly long _start = time.Timestamp() + (long)(phase.TotalSeconds * Stopwatch.Frequency);
    private readonly double _period = Stopwatch.Frequency * (double)rate.Denominator / rate.Numerator / (1 + ppmFast / 1e6);

    public bool Lost { get; set; }

    public bool HasReference => !Lost;

    public bool WaitForSync(TimeSpan timeout, out long syncCount)
    {
        if (Lost)
        {
            time.Stall(timeout);
            syncCount = Count();
            return false;
        }
        long next = Count() + 1;
        time.WaitUntil(_start + (long)Math.Ceiling(next * _period));
        syncCount = Count();
        return true;
    }

    private long Count() => (long)Math.Floor((time.Timestamp() - _start) / _period);
}
