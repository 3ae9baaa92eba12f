using System.Net;
using System.Net.Sockets;
using Playout.Engine.Channels;
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
/// <item>The RTP clock is 90 kHz counted from the channel's tick (frame n at n·90000/rate), the second field half a frame
/// on; the SDP (<see cref="Sdp"/>) says <c>ts-refclk:local</c> until the channel follows PTP.</item>
/// <item>Packets leave in bursts spread over the first three quarters of the frame period (a wide sender in ST 2110-21's
/// terms, not yet measured against its models), so a frame never reaches the network as one burst.</item>
/// <item>It sends from the thread the channel gives a consumer that may block; a frame it cannot send in time is dropped
/// there, never the channel's tick.</item>
/// </list>
/// </summary>
public sealed class St2110Consumer : IConsumer
{
    /// <summary>Packets a burst: a burst is about 60 µs of a 1080p50 flow's 2.6 Gb/s.</summary>
    private const int Burst = 16;

    private readonly Socket _socket;
    private readonly SocketAddress _destination;
    private readonly FrameConverter _converter;
    private readonly Rfc4175Packetizer _packetizer;
    private readonly RtpPacketSink _sink;
    private readonly byte[] _lines;
    private readonly int _lineBytes;
    private readonly bool _interlaced, _bottomFirst;
    private readonly Rational _frameRate;
    private readonly long _spread;
    private readonly long _packetsPerFrame;
    private long _burstStart, _bursts, _packetsThisFrame;
    private long _sent;

    public St2110Consumer(ChannelContext channel, St2110Settings settings)
    {
        var format = channel.Format;
        _frameRate = format.FrameRate;
        _interlaced = format.IsInterlaced;
        _bottomFirst = format.ScanMode == ScanMode.InterlacedBottomFieldFirst;
        var pgroups = PixelFormat.St2110Yuv422P10.Layout(format.Width, format.Height);
        _converter = new FrameConverter(channel.VideoPool.Layout, pgroups);
        _lines = GC.AllocateArray<byte>(pgroups.TotalBytes, pinned: true);
        _lineBytes = pgroups.Planes[0].Stride;
        _packetizer = new Rfc4175Packetizer(format.Width, _interlaced ? format.Height / 2 : format.Height, settings.Ssrc,
            settings.PayloadType, settings.PacketBytes);
        var source = SourceAddress(settings.Destination);
        Sdp = new St2110VideoSdp($"{channel.Name} video", source, settings.Destination.Address, settings.Destination.Port, format.Width,
            format.Height, format.FrameRate, _interlaced, format.Colorimetry, format.Transfer, settings.PayloadType, settings.Ttl).Text();
        if (settings.SdpPath is { } path)
            File.WriteAllText(path, Sdp);
        _destination = settings.Destination.Serialize();
        // Opened last, so nothing above can leave it open. Not connected: a connected socket would fail its sends with
        // "connection refused" while a unicast receiver is not listening yet, where a flow just goes on.
        _socket = new Socket(settings.Destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (St2110VideoSdp.IsMulticast(settings.Destination.Address))
                _socket.SetSocketOption(settings.Destination.AddressFamily == AddressFamily.InterNetworkV6 ? SocketOptionLevel.IPv6 : SocketOptionLevel.IP,
                    SocketOptionName.MulticastTimeToLive, settings.Ttl);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        _spread = (long)(System.Diagnostics.Stopwatch.Frequency * 0.75 / format.FrameRate.ToDouble());
        _packetsPerFrame = _packetizer.PacketsPerField * (_interlaced ? 2 : 1);
        _sink = SendPacket;
    }

    public string Name => "st2110";

    /// <summary>The flow's session description, as written to the settings' SDP file.</summary>
    public string Sdp { get; }

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), 0);

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        _converter.Convert(video.Plane(0), _lines);
        uint timestamp = (uint)(tick * 90_000 * _frameRate.Denominator / _frameRate.Numerator);
        _burstStart = System.Diagnostics.Stopwatch.GetTimestamp();
        _bursts = 0;
        _packetsThisFrame = 0;
        if (!_interlaced)
            _packetizer.Send(_lines, _lineBytes, timestamp, secondField: false, _sink);
        else
        {
            // The first field in time is the top one (lines 0, 2, …) unless the format shows the bottom one first.
            uint half = (uint)(45_000 * _frameRate.Denominator / _frameRate.Numerator);
            int first = _bottomFirst ? 1 : 0;
            _packetizer.Send(_lines.AsSpan(first * _lineBytes), 2 * _lineBytes, timestamp, secondField: first == 1, _sink);
            _packetizer.Send(_lines.AsSpan((1 - first) * _lineBytes), 2 * _lineBytes, timestamp + half, secondField: first == 0, _sink);
        }
        Interlocked.Increment(ref _sent);
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>The address the host sends to the destination from (its route's), for the SDP's origin.</summary>
    private static IPAddress SourceAddress(IPEndPoint destination)
    {
        using var probe = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(destination);
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    private void SendPacket(ReadOnlySpan<byte> packet)
    {
        _socket.SendTo(packet, SocketFlags.None, _destination);
        // After each burst, wait for the next one's slot: the frame's packets spread evenly over the spread.
        if (++_packetsThisFrame % Burst == 0)
        {
            long slot = _burstStart + ++_bursts * Burst * _spread / _packetsPerFrame;
            if (slot > System.Diagnostics.Stopwatch.GetTimestamp() && MonotonicSleep.IsAvailable)
                MonotonicSleep.Until(slot);
        }
    }
}
