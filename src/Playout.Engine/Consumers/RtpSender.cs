using System.Net;
using System.Net.Sockets;
using Playout.Interop;
using Playout.Media.Rtp;

namespace Playout.Engine.Consumers;

/// <summary>
/// The UDP socket one ST 2110 flow leaves by. Not connected: a connected socket would fail its sends with "connection
/// refused" while a unicast receiver is not listening yet, where a flow just goes on. A multicast flow gets its hops at
/// its address family's level.
/// <para>
/// A video flow's packets are <see cref="Add"/>ed into a batch that <see cref="Flush"/> sends in one system call where the
/// kernel segments UDP (<see cref="UdpSegments"/>): a run of equal-size packets, a shorter one ending it. Where it cannot
/// (not Linux, or the kernel refuses), each packet goes by itself, as <see cref="Send"/> sends one.
/// </para>
/// </summary>
public sealed class RtpSender : IDisposable
{
    private readonly Socket _socket;
    private readonly SocketAddress _destination;
    private readonly byte[] _batch = GC.AllocateUninitializedArray<byte>(UdpSegments.MaxBytes, pinned: true);
    private int _batchBytes, _segment, _count;
    private bool _segmented;

    /// <param name="segmented">Batch <see cref="Add"/>ed packets into segmented sends where the kernel can.</param>
    public RtpSender(IPEndPoint destination, int ttl, bool segmented = true)
    {
        _destination = destination.Serialize();
        _segmented = segmented && UdpSegments.IsAvailable;
        _socket = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (St2110Sdp.IsMulticast(destination.Address))
                _socket.SetSocketOption(destination.AddressFamily == AddressFamily.InterNetworkV6 ? SocketOptionLevel.IPv6 : SocketOptionLevel.IP,
                    SocketOptionName.MulticastTimeToLive, ttl);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether batches go as segmented sends (false once the kernel refused one).</summary>
    public bool Segmented => _segmented;

    /// <summary>The address the host sends to <paramref name="destination"/> from (its route's), for an SDP's origin.</summary>
    public static IPAddress SourceFor(IPEndPoint destination)
    {
        using var probe = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(destination);
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    /// <summary>Sends one packet now.</summary>
    public void Send(ReadOnlySpan<byte> packet) => _socket.SendTo(packet, SocketFlags.None, _destination);

    /// <summary>Adds a packet to the batch, sending the batch first when the packet cannot join it.</summary>
    public void Add(ReadOnlySpan<byte> packet)
    {
        if (_count > 0 && (packet.Length > _segment || _batchBytes + packet.Length > _batch.Length || _count == UdpSegments.MaxSegments))
            Flush();
        if (_count == 0)
            _segment = packet.Length;
        packet.CopyTo(_batch.AsSpan(_batchBytes));
        _batchBytes += packet.Length;
        _count++;
        // Only the last segment of a send may be shorter.
        if (packet.Length < _segment)
            Flush();
    }

    /// <summary>Sends the packets added since the last flush.</summary>
    public void Flush()
    {
        if (_count == 0)
            return;
        var batch = _batch.AsSpan(0, _batchBytes);
        if (_count == 1 || !_segmented || UdpSegments.Send(_socket, batch, _segment, _destination) != 0)
        {
            // The kernel refusing a segmented send (a device that cannot segment) is lasting: one packet at a time from here on.
            _segmented &= _count == 1;
            for (int at = 0; at < batch.Length; at += _segment)
                Send(batch.Slice(at, Math.Min(_segment, batch.Length - at)));
        }
        (_batchBytes, _count) = (0, 0);
    }

    public void Dispose() => _socket.Dispose();
}
