using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Probes;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.HwSim;
using Playout.Media.Formats;

namespace Playout.Benchmarks;

/// <summary>
/// Channel density: N 1080i50 channels, each as the service runs one (genlocked to its own simulated card with
/// 200 µs of sync jitter, the probes and loudness meter on, a looping 1080i50 H.264 clip decoded by FFmpeg with a
/// logo keyed over it, out to the card), optionally each with an x264 MPEG-TS output to loopback UDP as the demo's, or
/// with an HLS output of the default ladder (1080, 720 and 480 lines, libx264 superfast: the ladder beside its channel).
/// A run counts what would be seen on air after a warm-up: late ticks, slipped frames, filler ticks on the clip's
/// layer (decoding fell behind), frames the card repeated or played a slot late and frames an encoder dropped; where the
/// CPU went, by thread; and what could have held a tick up: the phase of the longest tick, the garbage collections, and
/// (a Linux guest) the time the host gave other guests beside each late tick.
/// `./playout bench density [--channels N] [--up-to M] [--seconds S] [--encode | --hls]`: with --up-to, N, N+1 … M run in
/// turn and the largest N with nothing late is reported.
/// </summary>
public static class DensityBenchmark
{
    private static readonly VideoFormat Format = VideoFormats.Parse("1080i50");
    private const int ClipLayer = 10, LogoLayer = 20;

    public static int Run(string[] args, TextWriter output)
    {
        var arguments = new BenchArguments("density", args, "--channels N, --up-to M, --seconds S, --warm-up S, --encode or --hls",
            ["--channels", "--up-to", "--seconds", "--warm-up"], ["--encode", "--hls"]);
        int channels = arguments.Whole("--channels", 4, 1), upTo = arguments.Whole("--up-to", 0, 1);
        double seconds = arguments.Number("--seconds", 300, 1), warmUp = arguments.Number("--warm-up", 10, 0);
        if (arguments.Has("--hls") && arguments.Has("--encode"))
            throw arguments.Refused("--encode and --hls are one output or the other");
        var encode = arguments.Has("--hls") ? DensityOutput.Hls : arguments.Has("--encode") ? DensityOutput.Ts : DensityOutput.None;
        string folder = Directory.CreateTempSubdirectory("playout-density-").FullName;
        try
        {
            var media = DensityMedia.Make(folder);
            output.WriteLine($"density: 1080i50 channels, H.264 1080i50 clip + logo -> hw-sim card{encode switch { DensityOutput.Ts => " + x264 TS to UDP", DensityOutput.Hls => " + HLS default ladder (superfast)", _ => "" }}, " +
                $"{warmUp} s warm-up then {seconds} s, {Environment.ProcessorCount} cores");
            int best = 0;
            for (int n = channels; n <= Math.Max(channels, upTo); n++)
            {
                bool clean = Measure(n, media, encode, folder, warmUp, seconds, output);
                if (!clean)
                    break;
                best = n;
            }
            output.WriteLine(best > 0 ? $"largest clean: {best} channel(s)" : "largest clean: none");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Measure(int count, (string Clip, string Logo) media, DensityOutput encode, string folder, double warmUp, double seconds, TextWriter output)
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        var built = new List<OnAirChannel>();
        try
        {
            // Built inside the try, so a channel that fails to build (ffmpeg's error) leaves none of the others running.
            for (int n = 1; n <= count; n++)
                built.Add(Build(n, media, encode, folder, alarms));
            foreach (var (_, _, channel) in built)
                channel.Start();
            Thread.Sleep(TimeSpan.FromSeconds(warmUp));
            var before = built.Select(b => Counts(b.Channel)).ToList();
            var ticksBefore = built.Select(b => b.Channel.Timings.Count).ToList();
            var threadsBefore = ThreadCpu.Snapshot();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var gcBefore = GcCounts.Now();
            using var steal = StealWatch.IsSupported ? new StealWatch(() => built.Sum(b => b.Channel.ClockState.LateTicks)) : null;
            var clock = Stopwatch.StartNew();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            double wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cores = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall;
            var threads = ThreadCpu.ByKind(threadsBefore, ThreadCpu.Snapshot(), wall);
            var lost = built.Select((b, i) => Counts(b.Channel) - before[i]).Aggregate((a, b) => a + b);
            // The measured window's ticks only (at most each channel's last Window): the warm-up's first ticks are not steady state.
            var ticks = built.SelectMany((b, i) => Newest(b.Channel.Timings.Snapshot(), b.Channel.Timings.Count - ticksBefore[i])).ToArray();
            double[] totals = [.. ticks.Select(t => t.Total / 1000).Order()];
            output.WriteLine($"{count,2} channel(s): late ticks {lost.Late}, slipped frames {lost.Slipped}, clip filler ticks {lost.Filler}, " +
                $"card repeated {lost.Repeated} late {lost.CardLate}{(encode != DensityOutput.None ? $", encoder dropped {lost.EncoderDropped}" : "")}; tick p99 {TickPhase.Percentile(totals, 99):0.00} max {(totals.Length == 0 ? 0 : totals[^1]):0.00} ms{Longest(ticks)} (produce {Mean(ticks, t => t.Produce):0.00}, " +
                $"mix {Mean(ticks, t => t.Mix):0.00}, consume {Mean(ticks, t => t.Consume):0.00} ms mean; the measured ticks, at most each channel's last {TickTimings.Window}); {cores:0.00} cores");
            output.WriteLine("    cores by thread: " + string.Join(", ", threads.Where(t => t.Cores >= 0.005).Select(t => $"{t.Kind} {t.Cores:0.00}")));
            output.WriteLine("    " + (GcCounts.Now() - gcBefore));
            if (steal is not null)
                output.WriteLine("    " + steal);
            return lost.IsClean;
        }
        finally
        {
            foreach (var channel in built)
                channel.Dispose();
            alarms.Dispose();
        }
    }

    private static OnAirChannel Build(int n, (string Clip, string Logo) media, DensityOutput encode, string folder, AlarmBoard alarms)
    {
        string name = $"c{n:00}";
        var context = new ChannelContext(name, Format, 64, 128, NullLogger.Instance, alarms);
        var card = new SimulatedCard(Format, new SimulatedCardOptions(JitterMicroseconds: 200, Checksums: false, History: 64, Seed: n, Index: n));
        var channel = new Channel(context, new GenlockClock(card.Reference, card.Name, Format.FrameRate, alarms, name), SyntheticProducers.Color(context, "black"));
        var built = new OnAirChannel(context, card, channel);
        try
        {
            channel.AddConsumer(new CardConsumer(card, 0));
            channel.AddConsumer(new ProbeConsumer(context,
                [new AudioMeters(), new ProgrammeProbes(context, new ProbeSettings(), channel.AirTime), new LoudnessProbe(context, LoudnessSettings.Default)]));
            if (encode == DensityOutput.Ts)
                channel.AddConsumer(new StreamConsumer(context, new StreamSettings($"udp://127.0.0.1:{40000 + n}?pkt_size=1316", "mpegts", "libx264", "aac",
                    "preset=ultrafast:tune=zerolatency", 6_000_000)));
            if (encode == DensityOutput.Hls)
                channel.AddConsumer(new HlsConsumer(context, new HlsSettings(Path.Combine(folder, $"hls-{n}-{Environment.TickCount64}"), HlsSettings.DefaultLadder(Format.Height))));
            channel.Execute(StageCommands.Load(ClipLayer, new ClipProducer(context, media.Clip, new ClipOptions(Loop: true))));
            channel.Execute(StageCommands.Load(LogoLayer, new StillProducer("logo", null, ImageFiles.Overlay(context, media.Logo, 1660, 60))));
        }
        catch
        {
            built.Dispose();
            throw;
        }
        return built;
    }

    private static Lost Counts(Channel channel)
    {
        var status = channel.Status();
        var card = status.Consumers.Single(c => c.Name.StartsWith("hw-sim", StringComparison.Ordinal)).Counters;
        // The card consumer counts frames that came after their slot began as dropped (the card played them a slot late);
        // a stream output drops the frames its encoder could not take in time.
        long encoderDropped = channel.Consumers.OfType<StreamConsumer>().Sum(s => s.Counters.Dropped)
            + channel.Consumers.OfType<HlsConsumer>().Sum(h => h.Counters.Dropped);
        return new Lost(status.LateTicks, status.SlippedFrames, status.Layers.Single(l => l.Number == ClipLayer).FillerTicks, card.Repeated, card.Dropped,
            encoderDropped);
    }

    /// <summary>The last <paramref name="count"/> of a channel's timings (all it kept, when it kept fewer).</summary>
    private static ArraySegment<TickTiming> Newest(TickTiming[] oldestFirst, long count) =>
        new(oldestFirst, (int)Math.Max(0, oldestFirst.Length - count), (int)Math.Min(oldestFirst.Length, count));

    /// <summary>Where the longest tick spent its time: a stall in one phase points at what it waited for.</summary>
    private static string Longest(TickTiming[] ticks)
    {
        if (ticks.Length == 0)
            return "";
        var longest = ticks.MaxBy(t => t.Total);
        return $" (it: produce {longest.Produce / 1000:0.00}, mix {longest.Mix / 1000:0.00}, consume {longest.Consume / 1000:0.00})";
    }

    private static double Mean(TickTiming[] ticks, Func<TickTiming, double> phase) => ticks.Length == 0 ? 0 : ticks.Average(phase) / 1000;

    /// <summary>A channel with its context and card, disposed in that order (the channel uses both).</summary>
    private sealed record OnAirChannel(ChannelContext Context, SimulatedCard Card, Channel Channel) : IDisposable
    {
        public void Dispose()
        {
            Channel.Dispose();
            Card.Dispose();
            Context.Dispose();
        }
    }

    private readonly record struct Lost(long Late, long Slipped, long Filler, long Repeated, long CardLate, long EncoderDropped)
    {
        public bool IsClean => Late == 0 && Slipped == 0 && Filler == 0 && Repeated == 0 && CardLate == 0 && EncoderDropped == 0;

        public static Lost operator +(Lost a, Lost b) => new(a.Late + b.Late, a.Slipped + b.Slipped, a.Filler + b.Filler, a.Repeated + b.Repeated, a.CardLate + b.CardLate, a.EncoderDropped + b.EncoderDropped);

        public static Lost operator -(Lost a, Lost b) => new(a.Late - b.Late, a.Slipped - b.Slipped, a.Filler - b.Filler, a.Repeated - b.Repeated, a.CardLate - b.CardLate, a.EncoderDropped - b.EncoderDropped);
    }
}

/// <summary>What each channel of the density run also encodes.</summary>
internal enum DensityOutput
{
    None,
    Ts,
    Hls,
}
