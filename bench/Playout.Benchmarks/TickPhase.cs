using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Probes;
using Playout.Engine.Producers;
using Playout.Media.Formats;

namespace Playout.Benchmarks;

/// <summary>One phase of an on-air benchmark: the tick's times over it (p50, p99, max, late ticks) and what was done per second meanwhile.</summary>
public readonly record struct TickPhase(double PerSecond, double P50, double P99, double Max, long LateTicks)
{
    public string Row(string name) => $"| {name} | {PerSecond:N0} | {P50:0.00} | {P99:0.00} | {Max:0.00} | {LateTicks} |";

    /// <summary>A 1080i50 channel on the system clock as the service runs one: bars, the probes and the loudness meter; started.</summary>
    public static Channel OnAir(AlarmBoard alarms, out ChannelContext context)
    {
        var format = VideoFormats.Parse("1080i50");
        context = new ChannelContext("bench", format, 32, 64, NullLogger.Instance, alarms);
        var channel = new Channel(context, new SystemClock(format.FrameRate), SyntheticProducers.Color(context, "black"));
        channel.AddConsumer(new ProbeConsumer(context,
            [new ProgrammeProbes(context, new ProbeSettings(), channel.AirTime), new LoudnessProbe(context, LoudnessSettings.Default)]));
        channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(context, BarsStandard.Ebu)));
        channel.Start();
        return channel;
    }

    /// <summary>Runs <paramref name="load"/> (which returns how many things it did) for <paramref name="duration"/> and measures the ticks meanwhile.</summary>
    public static TickPhase Measure(Channel channel, TimeSpan duration, Func<TimeSpan, long> load)
    {
        long firstTick = channel.Timings.Count, lateBefore = channel.Status().LateTicks;
        var clock = Stopwatch.StartNew();
        long done = load(duration);
        while (clock.Elapsed < duration)
            Thread.Sleep(50);
        double elapsed = clock.Elapsed.TotalSeconds;
        int ticks = (int)Math.Min(channel.Timings.Count - firstTick, TickTimings.Window);
        var totals = channel.Timings.Snapshot()[^ticks..].Select(t => t.Total / 1000).Order().ToArray();
        return new TickPhase(done / elapsed, Percentile(totals, 50), Percentile(totals, 99), totals[^1], channel.Status().LateTicks - lateBefore);
    }

    /// <summary>The <paramref name="percent"/>th percentile of sorted values (0 when there are none).</summary>
    internal static double Percentile(double[] sorted, double percent) => sorted.Length == 0 ? 0 :
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
}
