using System.Diagnostics;

namespace Playout.Engine.Channels;

/// <summary>How long each step of one tick took, in microseconds.</summary>
public readonly record struct TickTiming(double Produce, double Mix, double Consume)
{
    public double Total => Produce + Mix + Consume;
}

/// <summary>The last <see cref="Window"/> tick timings in a ring the tick thread writes without allocating; readers take snapshots.</summary>
public sealed class TickTimings
{
    public const int Window = 1024;
    private readonly TickTiming[] _ring = new TickTiming[Window];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    internal void Record(long start, long produced, long mixed, long consumed)
    {
        _ring[_count % Window] = new TickTiming(Micros(produced - start), Micros(mixed - produced), Micros(consumed - mixed));
        Interlocked.Increment(ref _count);
    }

    /// <summary>The recorded window, oldest first (a reader may see one entry being overwritten; it is only statistics).</summary>
    public TickTiming[] Snapshot()
    {
        long count = Count;
        int size = (int)Math.Min(count, Window);
        var copy = new TickTiming[size];
        for (int i = 0; i < size; i++)
            copy[i] = _ring[(count - size + i) % Window];
        return copy;
    }

    /// <summary>
    /// Percentiles (0..100) of total tick time over the window, or over its newest <paramref name="newest"/> ticks (a
    /// benchmark's measured ticks, not its warm-up), in microseconds; 0 when nothing is recorded yet.
    /// </summary>
    public TimingSummary Summarize(int newest = Window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newest);
        var snapshot = Snapshot();
        snapshot = snapshot[Math.Max(0, snapshot.Length - newest)..];
        if (snapshot.Length == 0)
            return default;
        var totals = snapshot.Select(t => t.Total).Order().ToArray();
        var last = snapshot[^1];
        return new TimingSummary(last, Percentile(totals, 50), Percentile(totals, 99), totals[^1]);
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];

    private static double Micros(long stopwatchTicks) => stopwatchTicks * 1e6 / Stopwatch.Frequency;
}

/// <param name="Last">The latest tick's steps.</param>
public readonly record struct TimingSummary(TickTiming Last, double P50, double P99, double Max);
