using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Rtp;
using Playout.Media.Scte35;
using Playout.Media.Time;

namespace Playout.Engine.Consumers;

/// <summary>
/// The programme's time code as an SMPTE ST 2110-40 ancillary data flow (<see cref="Rfc8331Packetizer"/>): each frame an
/// ST 12-2 ATC packet (<see cref="AncillaryTimecode"/>) of the frame's time of day (in <see cref="St2110AncillarySettings.Zone"/>,
/// the station's in the service, from the channel clock's air time; drop
/// frame at 29.97 and 59.94), stamped with the frame's 90 kHz timestamp as the video flow's are, and sent as its period
/// begins on the channel clock's timeline (the frame after the tick's, <see cref="FlowTimeline"/>; at once without one). An
/// interlaced frame's first field carries the time code, its second an empty packet half a frame later, so a receiver sees
/// every field.
/// With <see cref="St2110AncillarySettings.Scte35"/> the schedule's splices ride along as SCTE 104 messages (SMPTE ST 2010,
/// <see cref="Scte104Message"/>) in the frame their pre-roll ahead of the splice, for the encoder downstream to turn into SCTE-35.
/// </summary>
public sealed class St2110AncillaryConsumer : IConsumer, ISdpFlow, ISpliceOutput
{
    /// <summary>The line ATC rides on (ST 12-2 places it in the vertical interval; line 9 is where receivers look first).</summary>
    private const int TimecodeLine = 9;

    /// <summary>The line SCTE 104 rides on: in the vertical interval, apart from the time code.</summary>
    public const int Scte104Line = 10;

    private readonly ChannelContext _channel;
    private readonly RtpSender _sender;
    private readonly FlowSdp _sdp;
    private readonly Rfc8331Packetizer _packetizer;
    private readonly RtpPacketSink _sink;
    private readonly TimecodeRate _rate;
    private readonly AncillaryPacket[] _timecode = new AncillaryPacket[1];
    private readonly St2110AncillarySettings _settings;
    private readonly SpliceCues _cues;
    private long _sent;
    private long _lastTick = -1;
    private long _splicesSent;
    private byte _messageNumber;

    /// <summary>A field's time in Stopwatch ticks: an interlaced frame's second field leaves this long after its first.</summary>
    private readonly long _fieldTicks;

    public St2110AncillaryConsumer(ChannelContext channel, St2110AncillarySettings settings)
    {
        _channel = channel;
        _settings = settings;
        var format = channel.Format;
        _cues = new SpliceCues(format);
        _fieldTicks = (long)(System.Diagnostics.Stopwatch.Frequency * format.FrameDuration.ToDouble() / 2);
        _rate = TimecodeRate.ForFrameRate(format.FrameRate);
        _packetizer = new Rfc8331Packetizer(settings.Ssrc, settings.PayloadType);
        (byte, byte)[] carries = settings.Scte35 ? [(AncillaryTimecode.Did, AncillaryTimecode.Sdid), (Scte104Message.Did, Scte104Message.Sdid)]
            : [(AncillaryTimecode.Did, AncillaryTimecode.Sdid)];
        _sdp = new FlowSdp(channel, settings.SdpPath, reference => new St2110AncillarySdp($"{channel.Name} ancillary", RtpSender.SourceFor(settings.Destination),
            settings.Destination.Address, settings.Destination.Port, format.FrameRate, carries, settings.PayloadType, settings.Ttl, reference)
            { Ssrc = settings.Ssrc }.Text());
        _sink = SendPacket;
        // Opened last, so nothing above can leave it open.
        _sender = new RtpSender(settings.Destination, settings.Ttl);
        _sdp.Follow();
    }

    public string Name => "st2110-anc";

    public string Sdp => _sdp.Text;

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), 0);

    public bool CarriesScte35 => _settings.Scte35;

    /// <summary>SCTE 104 messages sent.</summary>
    public long SplicesSent => Interlocked.Read(ref _splicesSent);

    /// <summary>
    /// Sends <paramref name="command"/> as an SCTE 104 message in the frame <paramref name="preRoll"/> (whole frames, rounded
    /// up) ahead of tick <paramref name="spliceTick"/>, or in the next frame when that one has gone, with the time left to
    /// the splice as its pre_roll_time. Thread-safe.
    /// </summary>
    public void CueSplice(long spliceTick, SpliceCommand command, TimeSpan preRoll, ImmutableArray<byte> descriptors = default)
    {
        SpliceCues.Check(Name, _settings.Scte35, spliceTick, command, preRoll, descriptors, Volatile.Read(ref _lastTick));
        _ = Scte104Message.Encode(command, preRoll, 0, descriptors.AsSpan(), _channel.Format.FrameRate);
        _cues.Add(spliceTick, command, preRoll, descriptors);
    }

    /// <summary>The time code a tick's frame carries: its air time's time of day in the output's zone, at the format's time code rate.</summary>
    public Timecode TimecodeOf(long tick)
    {
        var format = _channel.Format;
        var air = TimeZoneInfo.ConvertTime((_channel.Clock?.Epoch ?? DateTimeOffset.UnixEpoch) + format.TimeOf(tick), _settings.Zone);
        long frames = (long)((Int128)air.TimeOfDay.Ticks * format.FrameRate.Numerator / ((Int128)TimeSpan.TicksPerSecond * format.FrameRate.Denominator));
        return Timecode.FromFrameCount(frames % _rate.FramesPerDay, _rate);
    }

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        var format = _channel.Format;
        var timeline = FlowTimeline.Of(_channel, tick);
        uint timestamp = (uint)((Int128)timeline.MediaFrame * 90_000 * format.FrameRate.Denominator / format.FrameRate.Numerator);
        Volatile.Write(ref _lastTick, tick);
        _timecode[0] = new AncillaryPacket(AncillaryTimecode.Did, AncillaryTimecode.Sdid, TimecodeLine, AncillaryTimecode.UserData(TimecodeOf(tick)));
        var packets = Splices(tick) is { Count: > 0 } splices ? [_timecode[0], .. splices] : _timecode;
        WaitFor(timeline.Start);
        if (!format.IsInterlaced)
            _packetizer.Send(packets, timestamp, field: 0, _sink);
        else
        {
            _packetizer.Send(packets, timestamp, field: 1, _sink);
            WaitFor(timeline.Start + _fieldTicks);
            _packetizer.Send([], timestamp + (uint)(45_000 * format.FrameRate.Denominator / format.FrameRate.Numerator), field: 2, _sink);
        }
        Interlocked.Increment(ref _sent);
    }

    /// <summary>The SCTE 104 packets due with the frame of <paramref name="tick"/>; a cue whose splice frame has gone is dropped.</summary>
    private List<AncillaryPacket>? Splices(long tick)
    {
        List<AncillaryPacket>? packets = null;
        foreach (var cue in _cues.Due(tick))
        {
            _cues.Remove(cue);
            if (cue.SpliceTick < tick)
            {
                _channel.Logger.LogWarning("{Channel}: {Output} SCTE 104 {Command} for tick {Tick} not sent: that frame has gone (now at tick {Now})",
                    _channel.Name, Name, cue.Command.Type, cue.SpliceTick, tick);
                continue;
            }
            var preRoll = _channel.Format.TimeOf(cue.SpliceTick) - _channel.Format.TimeOf(tick);
            (packets ??= []).Add(new AncillaryPacket(Scte104Message.Did, Scte104Message.Sdid, Scte104Line, Scte104Message.UserData(cue.Command, preRoll, _messageNumber++, cue.Descriptors.AsSpan(), _channel.Format.FrameRate)));
            Interlocked.Increment(ref _splicesSent);
            _channel.Logger.LogInformation("{Channel}: {Output} SCTE 104 {Command} sent at tick {Now} for tick {Tick}", _channel.Name, Name, cue.Command.Type, tick, cue.SpliceTick);
        }
        return packets;
    }

    public void Dispose()
    {
        _sdp.Dispose();
        _sender.Dispose();
    }

    private void SendPacket(ReadOnlySpan<byte> packet) => _sender.Send(packet);

    /// <summary>Waits for a moment on the timeline (a Stopwatch timestamp); null or gone: not at all.</summary>
    private static void WaitFor(long? moment)
    {
        if (moment is { } at && at > System.Diagnostics.Stopwatch.GetTimestamp() && Interop.MonotonicSleep.IsAvailable)
            Interop.MonotonicSleep.Until(at);
    }
}
