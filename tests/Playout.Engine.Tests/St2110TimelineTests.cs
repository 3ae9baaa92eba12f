using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Clocks.Ptp;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.Media.Rtp;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// On a clock that keeps the channel's timeline on the machine's timer, every ST 2110 flow puts a tick's frame in the frame
/// period after the tick's: stamped with that period's instant, and none of its packets leaves before the moment its
/// timestamp names (video: TRO into the field, less the sender's lead; sound: each packet's first sample; ancillary: the
/// period's start), which is what ST 2110-21 and an AES67 receiver's link offset read a flow by. Kernel arrival times over loopback.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
[Collection(nameof(RunsAlone))]
public class St2110TimelineTests
{
    /// <summary>How early a packet may seem: the kernel's clock and the monotonic one are read apart by a few microseconds.</summary>
    private static readonly long Tolerance = Stopwatch.Frequency / 20_000;

    [Theory]
    [InlineData("720p50", "system")]
    [InlineData("1080i50", "ptp")]
    [InlineData("1080p29.97", "system")]
    public void Video_leaves_in_the_period_after_its_tick_at_its_timestamps_instant(string formatName, string clockKind)
    {
        using var sent = Run(formatName, "st2110", clockKind);
        var model = ((St2110Consumer)sent.Output).Traffic;
        var rate = sent.Context.Format.FrameRate;
        uint half = (uint)(45_000 * rate.Denominator / rate.Numerator);
        // Every frame sent is stamped a frame after its tick, and nothing else is.
        var stamps = sent.Ticks.Select(sent.Stamp).SelectMany(stamp => sent.Context.Format.IsInterlaced ? new[] { stamp, stamp + half } : [stamp]).Order();
        Assert.Equal(stamps, sent.Datagrams.Select(d => d.Timestamp).Distinct().Order());
        foreach (long tick in sent.Ticks.Skip(1))
        {
            long start = sent.Start(tick);
            uint stamp = sent.Stamp(tick);
            var frame = sent.Datagrams.Where(d => d.Timestamp == stamp).ToList();
            Assert.Equal(model.Packets, frame.Count);
            // The field leads its read schedule by a few packets (a wide sender's 64).
            long first = frame.Min(d => d.At), tro = (long)((model.Tro - St2110Pacing.Wide.LeadPackets(model) * model.Trs) * Stopwatch.Frequency);
            Assert.True(first >= start + tro - Tolerance,
                $"tick {tick}'s first packet left {Micros(start + tro - first)} µs before TRO, less the lead, into its period");
            Assert.True(first < start + Stopwatch.Frequency * rate.Denominator / rate.Numerator,
                $"tick {tick}'s first packet left {Micros(first - start)} µs into its period, after it");
            if (sent.Context.Format.IsInterlaced)
            {
                long second = sent.Datagrams.Where(d => d.Timestamp == stamp + half).Min(d => d.At);
                Assert.True(second >= start + (long)(model.Period * Stopwatch.Frequency) + tro - Tolerance, $"tick {tick}'s second field left early");
            }
        }
    }

    /// <summary>
    /// A second and a half of 1080p50 handed over frame by frame keeps to its periods: a frame's conversion (0.8 ms, out of
    /// cache) overlaps the one before's sending, where on one thread each frame left a little later than the one before.
    /// The last five frames are measured, after the runtime has compiled the output's code again for speed (a stall that
    /// pushes frames late for a while).
    /// </summary>
    [Fact]
    public void A_1080p50_flow_keeps_to_its_periods_frame_after_frame()
    {
        using var sent = Run("1080p50", "st2110", "system", frames: 75);
        var model = ((St2110Consumer)sent.Output).Traffic;
        foreach (long tick in sent.Ticks[^5..])
        {
            long start = sent.Start(tick);
            long first = sent.Datagrams.Where(d => d.Timestamp == sent.Stamp(tick)).Min(d => d.At);
            Assert.True(first - start < (long)((model.Tro + 0.003) * Stopwatch.Frequency),
                $"tick {tick - sent.Ticks[0]}'s first packet left {Micros(first - start)} µs into its period (TRO {model.Tro * 1e6:F0} µs)");
        }
    }

    [Theory]
    [InlineData("720p50", "ptp")]
    [InlineData("720p59.94", "system")]
    public void Sound_leaves_at_its_samples_instants_a_frame_after_its_tick(string formatName, string clockKind)
    {
        using var sent = Run(formatName, "st2110-audio", clockKind);
        var format = sent.Context.Format;
        // The last frame's remainder short of a packet waits for a frame that never comes.
        foreach (long tick in sent.Ticks[1..^1])
        {
            long start = sent.Start(tick);
            // The sound moves by the whole number of samples nearest a frame (801 for 800.8 at 59.94).
            long firstSample = format.FirstAudioSample(sent.Clock.MediaEpochFrame + tick) + format.FirstAudioSample(FlowTimeline.DelayFrames);
            int samples = format.AudioSamplesForFrame(sent.Clock.MediaEpochFrame + tick);
            var packets = sent.Datagrams.Where(d => d.Timestamp - (uint)firstSample < (uint)samples).ToList();
            Assert.InRange(packets.Count, samples / 48, samples / 48 + 1);
            Assert.All(packets, p => Assert.True(p.At >= start + (long)((p.Timestamp - (uint)firstSample) * Stopwatch.Frequency / 48_000) - Tolerance,
                $"the packet of sample {p.Timestamp} left before its instant"));
        }
    }

    [Theory]
    [InlineData("1080i50", "system")]
    [InlineData("720p50", "ptp")]
    public void Ancillary_data_leaves_as_its_period_begins(string formatName, string clockKind)
    {
        using var sent = Run(formatName, "st2110-anc", clockKind);
        foreach (long tick in sent.Ticks.Skip(1))
        {
            long start = sent.Start(tick);
            var packet = Assert.Single(sent.Datagrams, d => d.Timestamp == sent.Stamp(tick));
            Assert.True(packet.At >= start - Tolerance, $"tick {tick}'s time code left {Micros(start - packet.At)} µs before its period");
        }
    }

    /// <summary>
    /// Makes the output on a channel whose clock is the machine's, and hands it <paramref name="frames"/> ticks' frames as a
    /// channel does: each early in its own tick's period, after one to warm up on.
    /// </summary>
    private static Sent Run(string formatName, string type, string clockKind, int frames = 3)
    {
        var format = VideoFormats.Parse(formatName);
        IChannelClock clock = clockKind == "ptp"
            ? new PtpClock(format.FrameRate, new LockedPtp(), 127, TimeSpan.FromMicroseconds(1))
            : new SystemClock(format.FrameRate);
        var context = new ChannelContext("c", format, 4, 4, NullLogger.Instance, new AlarmBoard(NullLogger.Instance)) { Clock = clock };
        using var receiver = new KernelStampedReceiver();
        var output = new ModuleRegistry(StandardModules.All).CreateConsumer(type,
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", receiver.EndPoint.ToString())));
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var ticks = new List<long>();
        // A frame to warm up on (its first send compiles the output's code; two periods left for it), then the frames, each
        // handed over as its tick's period begins.
        for (long tick = Current(clock) + 1; ticks.Count <= frames; tick += ticks.Count == 1 ? 3 : 1)
        {
            // As a channel's output queue does: the next tick's frame, however late the last one's send returned.
            PreciseWait.Until(clock.FrameTimestamp(tick)!.Value);
            var audio = context.AudioPool.Rent();
            audio.Write(format.AudioSamplesForFrame(clock.MediaEpochFrame + tick));
            audio.Commit();
            output.Send(tick, frame, audio);
            audio.Release();
            ticks.Add(tick);
        }
        frame.Release();
        // Disposing waits for the output's sending thread to send what it was handed.
        output.Dispose();
        return new Sent(context, clock, output, receiver.Stop(), [.. ticks]);
    }

    /// <summary>
    /// What a run sent: the ticks (the warm-up's first) and every datagram that came; owns the channel's context and clock.
    /// </summary>
    private sealed record Sent(ChannelContext Context, IChannelClock Clock, IConsumer Output, List<KernelStampedReceiver.Datagram> Datagrams,
        long[] Ticks) : IDisposable
    {
        /// <summary>When the period the tick's frame leaves in begins (a Stopwatch timestamp).</summary>
        public long Start(long tick) => Clock.FrameTimestamp(tick + FlowTimeline.DelayFrames)!.Value;

        /// <summary>The 90 kHz RTP timestamp the tick's frame carries: that period's.</summary>
        public uint Stamp(long tick)
        {
            var rate = Context.Format.FrameRate;
            return (uint)((Int128)(Clock.MediaEpochFrame + tick + FlowTimeline.DelayFrames) * 90_000 * rate.Denominator / rate.Numerator);
        }

        public void Dispose()
        {
            Context.Dispose();
            Clock.Dispose();
        }
    }

    /// <summary>The frame of the clock's timeline that holds this moment.</summary>
    private static long Current(IChannelClock clock)
    {
        long now = Stopwatch.GetTimestamp(), frame = 0;
        while (clock.FrameTimestamp(frame + 1)!.Value <= now)
            frame++;
        return frame;
    }

    private static long Micros(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;

    /// <summary>A PTP daemon locked to a grandmaster.</summary>
    private sealed class LockedPtp : IPtpSource
    {
        public PtpStatus? Query() => new(true, "3a782e.fffe.15dd77", 0, 37);
    }
}
