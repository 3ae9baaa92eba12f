namespace Playout.Engine.Clocks;

/// <summary>The monotonic timer and the UTC clock read at (nearly) the same moment.</summary>
internal readonly record struct TimePair(long Timestamp, DateTimeOffset Utc)
{
    // A read pair whose two timer readings are further apart than this was preempted between them: read again.
    private const long TightNanoseconds = 100_000;

    /// <summary>Reads both, retrying a few times when preempted between the readings, and keeps the tightest pair.</summary>
    public static TimePair Read(ITimeSource time)
    {
        long tight = TightNanoseconds * System.Diagnostics.Stopwatch.Frequency / 1_000_000_000;
        TimePair best = default;
        long bestSpread = long.MaxValue;
        for (int attempt = 0; attempt < 5 && bestSpread > tight; attempt++)
        {
            long before = time.Timestamp();
            var utc = time.UtcNow();
            long after = time.Timestamp();
            if (after - before < bestSpread)
            {
                bestSpread = after - before;
                best = new TimePair(before + (after - before) / 2, utc);
            }
        }
        return best;
    }
}
