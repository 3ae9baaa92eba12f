using System.Diagnostics;
using Playout.Engine.Channels;

namespace Playout.Engine.Tests;

public class TickTimingsTests
{
    /// <summary>Records a tick whose mix took <paramref name="micros"/> µs.</summary>
    private static void Tick(TickTimings timings, double micros)
    {
        long ticks = (long)(micros * Stopwatch.Frequency / 1e6);
        timings.Record(0, 0, ticks, ticks);
    }

    [Fact]
    public void The_newest_ticks_are_summarised_without_the_slow_ones_before_them()
    {
        var timings = new TickTimings();
        for (int i = 0; i < 25; i++)
            Tick(timings, 40_000);
        for (int i = 1; i <= 100; i++)
            Tick(timings, 1000 + i);

        var measured = timings.Summarize(newest: 100);
        Assert.Equal(1050, measured.P50, 0.5);
        Assert.Equal(1099, measured.P99, 0.5);
        Assert.Equal(1100, measured.Max, 0.5);
        // The whole window holds the 25 slow ticks too: its p99 is one of them.
        var window = timings.Summarize();
        Assert.Equal(40_000, window.P99, 0.5);
        Assert.Equal(window.Last, measured.Last);
    }

    [Fact]
    public void Asking_for_more_ticks_than_were_recorded_or_the_window_holds_summarises_what_there_is()
    {
        var timings = new TickTimings();
        Assert.Equal(default, timings.Summarize(newest: 10));
        for (int i = 0; i < TickTimings.Window + 10; i++)
            Tick(timings, i < 10 ? 50_000 : 1000);
        // The ten slow ticks have left the ring.
        Assert.Equal(1000, timings.Summarize(newest: int.MaxValue).Max, 0.5);
        Assert.Equal(1000, timings.Summarize().Max, 0.5);
        Assert.Equal("newest", Assert.Throws<ArgumentOutOfRangeException>(() => timings.Summarize(newest: -1)).ParamName);
    }
}
