using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Engine.Stage;
using Playout.HwSim;
using Playout.Media.Formats;
using Playout.Media.Kernels;

namespace Playout.Benchmarks;

/// <summary>
/// The worst single ticks of a channel's life: the first logo cue and the first dissolve after it went on air with one
/// full-frame source (which goes out as its own frame, so until then the mixer has rented nothing). Each is the first
/// time the tick needs a programme frame or a transition frame, and the pool may still have to allocate it. Reports
/// those ticks against the frame budget. `./playout bench channel --first-use [formats...]` (default 4320p50).
/// </summary>
public static class FirstUseBenchmark
{
    public static int Run(IReadOnlyList<string> formats, TextWriter output)
    {
        output.WriteLine("first-use ticks: bars on air, then the first logo cue, then the first dissolve (25 frames) under it");
        output.WriteLine($"{"format",-10} {"steady ms",10} {"logo ms",9} {"dissolve ms",12} {"budget ms",10} {"within",7} {"pool frames",12}");
        foreach (var name in formats.Count == 0 ? ["4320p50"] : formats)
            output.WriteLine(Measure(VideoFormats.Parse(name)));
        return 0;
    }

    private static string Measure(VideoFormat format)
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        using var context = new ChannelContext("bench", format, 16, 32, NullLogger.Instance, alarms);
        using var card = new SimulatedCard(format, new SimulatedCardOptions(Timing: CardTiming.OnSend, Checksums: false));
        using var channel = new Channel(context, new UnthrottledClock(format.FrameRate), SyntheticProducers.Color(context, "black"));
        channel.AddConsumer(new CardConsumer(card, 0));
        channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(context, BarsStandard.Ebu)));
        channel.RunTicks(10);
        double steady = TimeTick(channel);

        // The cue's graphic is prepared off the tick (as automation pre-rolls it); the tick only keys it.
        var logo = Logo(format, context.Matrix);
        channel.Execute(StageCommands.Load(2, new StillProducer("logo", null, logo)));
        double firstLogo = TimeTick(channel);
        channel.RunTicks(5);

        channel.Execute(StageCommands.LoadBackground(1, SyntheticProducers.Color(context, "blue")));
        channel.Execute(StageCommands.Take(1, new Transition(TransitionKind.Mix, 25)));
        double firstDissolve = TimeTick(channel);

        double budget = format.FrameDuration.ToDouble() * 1000;
        bool within = firstLogo < budget && firstDissolve < budget;
        return $"{format.Name,-10} {steady,10:0.00} {firstLogo,9:0.00} {firstDissolve,12:0.00} {budget,10:0.00} {(within ? "yes" : "no"),7} {context.VideoPool.Allocated,12}";
    }

    private static double TimeTick(Channel channel)
    {
        long start = Stopwatch.GetTimestamp();
        channel.RunTicks(1);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>A 400x160 bug with soft edges near the top right corner, at an odd position.</summary>
    private static KeyedOverlay Logo(VideoFormat format, ColorMatrix matrix)
    {
        const int width = 400, height = 160;
        var bgra = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int edge = Math.Min(Math.Min(x, width - 1 - x), Math.Min(y, height - 1 - y));
                bgra.AsSpan((y * width + x) * 4, 4).Fill((byte)Math.Min(255, 40 + edge * 8));
            }
        int left = Math.Max(0, format.Width - width - format.Width / 20 - 1), top = format.Height / 20 + 1;
        return KeyedOverlay.Place(bgra, width, height, premultiplied: false, matrix, left, top, format.Width, format.Height);
    }
}
