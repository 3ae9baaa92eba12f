using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.HwSim;
using Playout.Media.Formats;
using Playout.Media.Kernels;

namespace Playout.Benchmarks;

/// <summary>
/// The channel real-time benchmark: a channel on an unthrottled clock playing a video layer under a full-frame
/// keyed graphics layer (alpha varying across the whole picture, so every block blends) out to the simulated card,
/// ticked on the calling thread as fast as it goes. Reports frames/s, p50/p99 tick time, bytes allocated per tick
/// and cores used, against the format's real-time budget. `./playout bench channel [formats...] [--seconds N]`;
/// with `--first-use`, the first logo cue and first dissolve ticks instead (<see cref="FirstUseBenchmark"/>).
/// </summary>
public static class ChannelTickBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        var arguments = new BenchArguments("channel", args, "video formats, --seconds S, --first-use", ["--seconds"], ["--first-use"], words: true);
        double seconds = arguments.Number("--seconds", 10, 1);
        var formats = arguments.Words.ToList();
        foreach (string name in formats)
        {
            if (VideoFormats.Find(name) is null)
                throw arguments.Refused($"unknown video format '{name}' (`./playout formats` lists them)");
        }
        if (arguments.Has("--first-use"))
            return FirstUseBenchmark.Run(formats, output);
        if (formats.Count == 0)
            formats.AddRange(["1080i50", "2160p50", "4320p50", "4320p60"]);
        output.WriteLine($"channel tick benchmark: video + full-frame keyed graphics -> hw-sim card, unthrottled, {seconds} s per format");
        output.WriteLine($"{"format",-10} {"frames/s",9} {"real time",10} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"budget ms",10} {"bytes/tick",11} {"cores",6}");
        foreach (var name in formats)
            output.WriteLine(Measure(VideoFormats.Parse(name), seconds));
        return 0;
    }

    private static string Measure(VideoFormat format, double seconds)
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        using var context = new ChannelContext("bench", format, 16, 32, NullLogger.Instance, alarms);
        using var card = new SimulatedCard(format, new SimulatedCardOptions(Timing: CardTiming.OnSend, Checksums: false));
        using var channel = new Channel(context, new UnthrottledClock(format.FrameRate), SyntheticProducers.Color(context, "black"));
        channel.AddConsumer(new CardConsumer(card, 0));
        channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(context, BarsStandard.Ebu)));
        channel.Execute(StageCommands.Load(2, new StillProducer("graphics", null, Graphics(format, context.Matrix))));
        channel.RunTicks(25);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        long ticks = 0;
        while (clock.Elapsed.TotalSeconds < seconds || ticks < 50)
        {
            channel.RunTicks(1);
            ticks++;
        }
        double wall = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        double cores = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall;
        // The measured ticks only: the warm-up's first ticks (compilation, the pools' first frames) are not steady state.
        var timing = channel.Timings.Summarize((int)Math.Min(ticks, TickTimings.Window));
        double fps = ticks / wall, budget = format.FrameDuration.ToDouble() * 1000;
        bool realtime = fps >= format.FrameRate.ToDouble() && timing.P99 / 1000 < budget;
        return $"{format.Name,-10} {fps,9:0.0} {(realtime ? "yes" : "no"),10} {timing.P50 / 1000,8:0.00} {timing.P99 / 1000,8:0.00} {timing.Max / 1000,8:0.00} {budget,10:0.00} {allocated / (double)ticks,11:0.0} {cores,6:0.00}";
    }

    /// <summary>Full-raster graphics whose alpha ramps across the picture: every 48-pixel block blends.</summary>
    private static KeyedOverlay Graphics(VideoFormat format, ColorMatrix matrix)
    {
        int width = format.Width, height = format.Height;
        var bgra = new byte[width * 4 * height];
        var line = new byte[width * 4];
        for (int x = 0; x < width; x++)
        {
            line[x * 4] = 40;
            line[x * 4 + 1] = 160;
            line[x * 4 + 2] = 220;
            line[x * 4 + 3] = (byte)(16 + x * 223 / width);
        }
        for (int y = 0; y < height; y++)
            line.CopyTo(bgra, y * line.Length);
        return KeyedOverlay.FromBgra(bgra, width, height, premultiplied: false, matrix);
    }
}
