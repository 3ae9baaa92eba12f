using System.Collections.Concurrent;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Interop;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;
using Playout.Media.Rtp;

namespace Playout.Engine.Consumers;

/// <summary>
/// The programme as an SMPTE ST 2110-20 video flow: each v210 frame repacked into pixel groups with the pgroup kernels
/// and sent as RFC 4175 RTP packets over UDP (<see cref="Rfc4175Packetizer"/>), an interlaced frame as its two fields.
/// <list type="bullet">
/// <item>The RTP clock is 90 kHz counted from the SMPTE epoch on the channel clock's timeline (frame n at n·90000/rate,
/// <see cref="ChannelContext.MediaFrame"/>), the second field half a frame on; the SDP (<see cref="Sdp"/>) names the PTP
/// grandmaster when the channel's clock was locked to one as the output started, else <c>ts-refclk:local</c>. A tick's
/// frame leaves in the frame period after the tick's, stamped with it (<see cref="FlowTimeline"/>).</item>
/// <item>Packets leave in bursts, each at its first packet's slot on ST 2110-21's gapped read schedule
/// (<see cref="Traffic"/>: one packet every TRS over the field's or frame's active part, from TRO after its period's start
/// on the timeline, or as it reached the output without one), the whole field a few packets ahead of it
/// (<see cref="St2110Pacings.LeadPackets"/>), counted from when the field's first burst had gone: a first burst that left
/// late (the sending thread woke late) moves the field's schedule with it, rather than have the next bursts catch up onto it.
/// A burst is one system call where the kernel segments UDP (<see cref="RtpSender"/>). A wide sender's bursts are 16
/// packets, waited for by sleeping; a narrow sender's one fewer than its CMAX (4 at 1080p50, 18 µs apart), waited for by
/// spinning the last stretch (<see cref="PreciseWait"/>), which keeps its thread busy through the field's active part.</item>
/// <item>Two threads: the one the channel gives a consumer that may block converts each frame into one of two buffers and
/// hands it on (waiting while both are taken: a frame it cannot take in time is dropped there, never the channel's tick);
/// a thread of the output's own sends them, so a frame's conversion (0.8 ms at 1080p, out of cache) overlaps the one
/// before's sending rather than pushing the frames after it late.</item>
/// </list>
/// </summary>
public sealed class St2110Consumer : IConsumer, ISdpFlow
{
    private readonly RtpSender _sender;
    private readonly FlowSdp _sdp;
    private readonly ChannelContext _channel;
    private readonly FrameConverter _converter;
    private readonly Rfc4175Packetizer _packetizer;
    private readonly RtpPacketSink _sink;
    /// <summary>Two frames' pixel groups: one being sent, the other being converted or waiting.</summary>
    private readonly byte[][] _buffers;
    private readonly SemaphoreSlim _free = new(2, 2);
    private readonly BlockingCollection<Job> _jobs = new(2);
    private readonly Thread _transmitter;
    private int _next;
    private volatile Exception? _failure;
    private bool _disposed;
    private readonly int _lineBytes;
    private readonly bool _interlaced, _bottomFirst;
    private readonly Rational _frameRate;
    private readonly long _period;

    /// <summary>From a field's period start to its first burst (timer ticks): TRO less the pacing's lead.</summary>
    private readonly long _firstSlot;
    private readonly double _trs;
    private readonly int _burst;
    private readonly bool _narrow;
    private long _fieldStart, _packetsInField;

    /// <summary>When the field's first burst had gone (its send returned; timer ticks): the field's schedule counts from it.</summary>
    private long _firstBurst;
    private long _sent;

    public St2110Consumer(ChannelContext channel, St2110Settings settings)
    {
        var format = channel.Format;
        _channel = channel;
        _frameRate = format.FrameRate;
        _interlaced = format.IsInterlaced;
        _bottomFirst = format.ScanMode == ScanMode.InterlacedBottomFieldFirst;
        var pgroups = PixelFormat.St2110Yuv422P10.Layout(format.Width, format.Height);
        _converter = new FrameConverter(channel.VideoPool.Layout, pgroups);
        _buffers = [GC.AllocateArray<byte>(pgroups.TotalBytes, pinned: true), GC.AllocateArray<byte>(pgroups.TotalBytes, pinned: true)];
        _lineBytes = pgroups.Planes[0].Stride;
        _packetizer = new Rfc4175Packetizer(format.Width, _interlaced ? format.Height / 2 : format.Height, settings.Ssrc,
            settings.PayloadType, settings.PacketBytes);
        _sdp = new FlowSdp(channel, settings.SdpPath, reference => new St2110VideoSdp($"{channel.Name} video", RtpSender.SourceFor(settings.Destination),
            settings.Destination.Address, settings.Destination.Port, format.Width, format.Height, format.FrameRate, _interlaced, format.Colorimetry,
            format.Transfer, settings.PayloadType, settings.Ttl, reference) { Ssrc = settings.Ssrc, Pacing = settings.Pacing }.Text());
        // Opened last, so nothing above can leave it open.
        _sender = new RtpSender(settings.Destination, settings.Ttl);
        _sdp.Follow();
        // The gapped read schedule of ST 2110-21, in timer ticks: a field's (frame's) packets one every TRS over its active
        // part, from TRO after its start.
        Traffic = new St2110TrafficModel(format, _packetizer.PacketsPerField);
        _period = (long)(System.Diagnostics.Stopwatch.Frequency * Traffic.Period);
        _firstSlot = (long)(System.Diagnostics.Stopwatch.Frequency * (Traffic.Tro - settings.Pacing.LeadPackets(Traffic) * Traffic.Trs));
        _trs = System.Diagnostics.Stopwatch.Frequency * Traffic.Trs;
        _burst = settings.Pacing.BurstPackets(Traffic);
        _narrow = settings.Pacing == St2110Pacing.Narrow;
        _sink = SendPacket;
        _transmitter = new Thread(Transmit) { Name = $"{channel.Name} st2110 sender", IsBackground = true };
        _transmitter.Start();
    }

    public string Name => "st2110";

    public string Sdp => _sdp.Text;

    /// <summary>The flow's ST 2110-21 timing: the read schedule its bursts follow, and the limits a measurement is held to.</summary>
    public St2110TrafficModel Traffic { get; }

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), 0);

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        if (_failure is { } failure)
        {
            _failure = null;
            throw new IOException($"sending failed: {failure.Message}", failure);
        }
        // The frame's period begins on the clock's timeline the frame after the tick's (FlowTimeline); without one, as the
        // frame reaches the output, its conversion included.
        var timeline = FlowTimeline.Of(_channel, tick);
        long start = timeline.Start ?? System.Diagnostics.Stopwatch.GetTimestamp();
        // The frame's start on the 90 kHz clock from the SMPTE epoch (ST 2059-1), wrapped to 32 bits.
        uint timestamp = (uint)((Int128)timeline.MediaFrame * 90_000 * _frameRate.Denominator / _frameRate.Numerator);
        _free.Wait();
        try
        {
            _converter.Convert(video.Plane(0), _buffers[_next]);
            _jobs.Add(new Job(_next, start, timestamp));
        }
        catch
        {
            // The buffer was never handed on: free again, or the next frames would wait for it for ever.
            _free.Release();
            throw;
        }
        _next ^= 1;
    }

    /// <summary>Sends what was handed over and stops the sending thread (after the frames already converted), then the socket.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _jobs.CompleteAdding();
        _transmitter.Join(TimeSpan.FromSeconds(5));
        _sdp.Dispose();
        _sender.Dispose();
    }

    /// <summary>A converted frame to send: its buffer, its period's start and its RTP timestamp.</summary>
    private readonly record struct Job(int Buffer, long Start, uint Timestamp);

    private void Transmit()
    {
        // An output on air: ahead of the control traffic, as the channel's output threads are. The bursts' slots are tens
        // of microseconds apart: its sleeps must not run on by the default 50 µs.
        ThreadScheduling.SetCurrentThread(ThreadPriority.AboveNormal);
        _ = MonotonicSleep.SetFineTimerSlack();
        foreach (var job in _jobs.GetConsumingEnumerable())
        {
            try
            {
                SendFrame(_buffers[job.Buffer], job.Start, job.Timestamp);
                Interlocked.Increment(ref _sent);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Told by the next Send, which the channel's output slot alarms.
                _failure = error;
            }
            finally
            {
                _free.Release();
            }
        }
    }

    private void SendFrame(byte[] lines, long start, uint timestamp)
    {
        if (!_interlaced)
            SendField(start, lines, _lineBytes, timestamp, secondField: false);
        else
        {
            // The first field in time is the top one (lines 0, 2, …) unless the format shows the bottom one first.
            uint half = (uint)(45_000 * _frameRate.Denominator / _frameRate.Numerator);
            int first = _bottomFirst ? 1 : 0;
            SendField(start, lines.AsSpan(first * _lineBytes), 2 * _lineBytes, timestamp, secondField: first == 1);
            SendField(start + _period, lines.AsSpan((1 - first) * _lineBytes), 2 * _lineBytes, timestamp + half, secondField: first == 0);
        }
    }

    private void SendField(long start, ReadOnlySpan<byte> lines, int stride, uint timestamp, bool secondField)
    {
        (_fieldStart, _packetsInField) = (start, 0);
        _packetizer.Send(lines, stride, timestamp, secondField, _sink);
        _sender.Flush();
    }

    private void SendPacket(ReadOnlySpan<byte> packet)
    {
        // Each burst (one system call where the kernel segments UDP) leaves as the next one begins, just after its first
        // packet's slot on the read schedule. The schedule counts from when the field's first burst had gone (its call
        // returned): a first burst that went late (the thread woke late, or its packets took longer to make and send, cold
        // after the frame's conversion) moves the field's schedule with it, so no burst after it lands on it or runs ahead.
        if (_packetsInField % _burst == 0)
        {
            _sender.Flush();
            if (_packetsInField == _burst)
                _firstBurst = System.Diagnostics.Stopwatch.GetTimestamp();
            long slot = _packetsInField == 0 ? _fieldStart + _firstSlot : _firstBurst + (long)(_packetsInField * _trs);
            if (_narrow)
                PreciseWait.Until(slot);
            else if (slot > System.Diagnostics.Stopwatch.GetTimestamp() && MonotonicSleep.IsAvailable)
                MonotonicSleep.Until(slot);
        }
        _sender.Add(packet);
        _packetsInField++;
    }
}
