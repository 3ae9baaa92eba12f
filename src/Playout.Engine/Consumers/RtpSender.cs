using System.Net;
using System.Net.Sockets;
using Playout.Media.Rtp;

namespace Playout.Engine.Consumers;

/// <summary>
/// The UDP socket one ST 2110 flow leaves by. Not connected: a connected socket would fail its sends with "connection
/// refused" while a unicast receiver is not listening yet, where a flow just goes on. A multicast flow gets its hops at
/// its address family's level.
/// </summary>
public sealed class RtpSender : IDisposable
{
    private readonly Socket _socket;
    private readonly SocketAddress _destination;

    public RtpSender(IPEndPoint destination, int ttl)
    {
        _destination = destination.Serialize();
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

    /// <summary>The address the host sends to <paramref name="destination"/> from (its route's), for an SDP's origin.</summary>
    public static IPAddress SourceFor(IPEndPoint destination)
    {
        using var probe = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(destination);
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    public void Send(ReadOnlySpan<byte> packet) => _socket.SendTo(packet, SocketFlags.None, _destination);

    public void Dispose() => _socket.Dispose();
}
