using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Rtp;
using Playout.Media.Time;

namespace Playout.Engine.Consumers;

/// <summary>
/// The programme's time code as an SMPTE ST 2110-40 ancillary data flow (<see cref="Rfc8331Packetizer"/>): each frame an
/// ST 12-2 ATC packet (<see cref="AncillaryTimecode"/>) of the frame's time of day (UTC, from the channel clock's air time; drop
/// frame at 29.97 and 59.94), stamped with the frame's 90 kHz timestamp as the video flow's are. An interlaced frame's first
/// field carries the time code, its second an empty packet half a frame later, so a receiver sees every field.
/// </summary>
public sealed class St2110AncillaryConsumer : IConsumer, ISdpFlow
{
    /// <summary>The line ATC rides on (ST 12-2 places it in the vertical interval; line 9 is where receivers look first).</summary>
    private const int TimecodeLine = 9;

    private readonly ChannelContext _channel;
    private readonly RtpSender _sender;
    private readonly Rfc8331Packetizer _packetizer;
    private readonly RtpPacketSink _sink;
    private readonly TimecodeRate _rate;
    private readonly AncillaryPacket[] _timecode = new AncillaryPacket[1];
    private long _sent;

    public St2110AncillaryConsumer(ChannelContext channel, St2110AncillarySettings settings)
    {
        _channel = channel;
        var format = channel.Format;
        _rate = TimecodeRate.ForFrameRate(format.FrameRate);
        _packetizer = new Rfc8331Packetizer(settings.Ssrc, settings.PayloadType);
        Sdp = new St2110AncillarySdp($"{channel.Name} ancillary", RtpSender.SourceFor(settings.Destination), settings.Destination.Address,
            settings.Destination.Port, format.FrameRate, [(AncillaryTimecode.Did, AncillaryTimecode.Sdid)], settings.PayloadType, settings.Ttl,
            channel.Clock?.ReferenceClock ?? "local").Text();
        if (settings.SdpPath is { } path)
            File.WriteAllText(path, Sdp);
        _sink = SendPacket;
        // Opened last, so nothing above can leave it open.
        _sender = new RtpSender(settings.Destination, settings.Ttl);
    }

    public string Name => "st2110-anc";

    public string Sdp { get; }

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), 0);

    /// <summary>The time code a tick's frame carries: its air time's time of day, at the format's time code rate.</summary>
    public Timecode TimecodeOf(long tick)
    {
        var format = _channel.Format;
        var air = (_channel.Clock?.Epoch ?? DateTimeOffset.UnixEpoch) + format.TimeOf(tick);
        long frames = (long)((Int128)air.UtcDateTime.TimeOfDay.Ticks * format.FrameRate.Numerator / ((Int128)TimeSpan.TicksPerSecond * format.FrameRate.Denominator));
        return Timecode.FromFrameCount(frames % _rate.FramesPerDay, _rate);
    }

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        var format = _channel.Format;
        uint timestamp = (uint)((Int128)_channel.MediaFrame(tick) * 90_000 * format.FrameRate.Denominator / format.FrameRate.Numerator);
        _timecode[0] = new AncillaryPacket(AncillaryTimecode.Did, AncillaryTimecode.Sdid, TimecodeLine, AncillaryTimecode.UserData(TimecodeOf(tick)));
        if (!format.IsInterlaced)
            _packetizer.Send(_timecode, timestamp, field: 0, _sink);
        else
        {
            _packetizer.Send(_timecode, timestamp, field: 1, _sink);
            _packetizer.Send([], timestamp + (uint)(45_000 * format.FrameRate.Denominator / format.FrameRate.Numerator), field: 2, _sink);
        }
        Interlocked.Increment(ref _sent);
    }

    public void Dispose() => _sender.Dispose();

    private void SendPacket(ReadOnlySpan<byte> packet) => _sender.Send(packet);
}
