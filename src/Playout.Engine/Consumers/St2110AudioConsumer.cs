using System.Diagnostics;
using Playout.Engine.Channels;
using Playout.Interop;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Rtp;

namespace Playout.Engine.Consumers;

/// <summary>
/// The programme's sound as an SMPTE ST 2110-30 (AES67) flow: its channels from <see cref="St2110AudioSettings.FirstChannel"/> as L24 at 48 kHz, one packet every packet
/// time (<see cref="L24Packetizer"/>).
/// <list type="bullet">
/// <item>The RTP timestamp is the sample's index on the 48 kHz clock counted from the SMPTE epoch on the channel clock's
/// timeline (a frame's first sample is the cadence summed before it), so it runs on across frames of 1601 and 1602 samples
/// without a gap, and matches the video flow's instant for instant.</item>
/// <item>Packets leave one a packet time apart, not as a frame's burst: a receiver's buffer of a few packets holds. On a
/// clock that keeps a timeline on the machine's timer, each packet leaves at its first sample's instant in the frame
/// period after the tick's, which its timestamp names (<see cref="FlowTimeline"/>: the pictures move by the same frame).
/// Without one, the pace follows the frames on the monotonic clock: when they arrive a frame's time away from it (a late
/// start, or a channel clock that runs apart from the host's), it starts again from the packet in hand.</item>
/// <item>It sends from the thread the channel gives a consumer that may block; the channel's tick never waits for it.</item>
/// </list>
/// </summary>
public sealed class St2110AudioConsumer : IConsumer, ISdpFlow
{
    private readonly RtpSender _sender;
    private readonly FlowSdp _sdp;
    private readonly L24Packetizer _packetizer;
    private readonly RtpPacketSink _sink;
    private readonly VideoFormat _format;
    private readonly ChannelContext _channel;
    private readonly long _frameTicks;
    private long _anchorTime, _anchorSample = -1;

    /// <summary>The frame in hand's period start on the timeline (null: paced from arrival) and its first sample's timestamp.</summary>
    private long? _frameStart;
    private long _frameSample;
    private long _sent;

    public St2110AudioConsumer(ChannelContext channel, St2110AudioSettings settings)
    {
        if (settings.FirstChannel < 1 || settings.FirstChannel - 1 + settings.Channels > channel.AudioPool.Channels)
            throw new ArgumentOutOfRangeException(nameof(settings.Channels), settings.Channels,
                $"channels {settings.FirstChannel} to {settings.FirstChannel + settings.Channels - 1}: the programme has {channel.AudioPool.Channels}");
        _format = channel.Format;
        _channel = channel;
        int samplesPerPacket = VideoFormat.AudioSampleRate * settings.PacketMicroseconds / 1_000_000;
        _packetizer = new L24Packetizer(settings.Channels, samplesPerPacket, settings.Ssrc, settings.PayloadType, settings.FirstChannel - 1);
        _sdp = new FlowSdp(channel, settings.SdpPath, reference => new St2110AudioSdp($"{channel.Name} audio", RtpSender.SourceFor(settings.Destination),
            settings.Destination.Address, settings.Destination.Port, settings.Channels, settings.PacketMicroseconds, settings.PayloadType, settings.Ttl,
            reference) { Ssrc = settings.Ssrc }.Text());
        _frameTicks = (long)(Stopwatch.Frequency * _format.FrameDuration.ToDouble());
        _sink = SendPacket;
        // Opened last, so nothing above can leave it open.
        _sender = new RtpSender(settings.Destination, settings.Ttl);
        _sdp.Follow();
    }

    public string Name => "st2110-audio";

    public string Sdp => _sdp.Text;

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), 0);

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        var timeline = FlowTimeline.Of(_channel, tick);
        (_frameStart, _frameSample) = (timeline.Start, timeline.FirstAudioSample(_format));
        _packetizer.Send(audio.Samples, audio.Channels, _frameSample, _sink);
        Interlocked.Increment(ref _sent);
    }

    public void Dispose()
    {
        _sdp.Dispose();
        _sender.Dispose();
    }

    /// <summary>
    /// Sends a packet at its slot: its first sample's instant on the timeline, or the anchor's time plus its samples' distance
    /// from the anchor's.
    /// </summary>
    private void SendPacket(ReadOnlySpan<byte> packet)
    {
        long sample = _packetizer.PacketStart, now = Stopwatch.GetTimestamp();
        long slot;
        if (_frameStart is { } start)
            slot = start + Ticks(sample - _frameSample);
        else
        {
            slot = _anchorTime + Ticks(sample - _anchorSample);
            if (_anchorSample < 0 || Math.Abs(slot - now) > _frameTicks)
                (_anchorTime, _anchorSample, slot) = (now, sample, now);
        }
        if (slot > now && MonotonicSleep.IsAvailable)
            MonotonicSleep.Until(slot);
        _sender.Send(packet);
    }

    private static long Ticks(long samples) => (long)((Int128)samples * Stopwatch.Frequency / VideoFormat.AudioSampleRate);
}
