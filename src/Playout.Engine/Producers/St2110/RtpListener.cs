using System.Net;
using System.Net.Sockets;

namespace Playout.Engine.Producers.St2110;

/// <summary>
/// The UDP socket an ST 2110 flow arrives on: bound to the flow's port on its unicast address (so a loopback flow stays on
/// loopback), or on every address with the multicast group joined. It asks for a large receive buffer (the kernel caps it
/// at net.core.rmem_max) and wakes every <see cref="Wake"/> so the receiving thread can see that it is to stop.
/// </summary>
internal static class RtpListener
{
    public static readonly TimeSpan Wake = TimeSpan.FromMilliseconds(100);

    /// <exception cref="SocketException">The address is not this host's, or the port is taken.</exception>
    public static Socket Open(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = 8 << 20;
            socket.ReceiveTimeout = (int)Wake.TotalMilliseconds;
            bool multicast = Media.Rtp.St2110Sdp.IsMulticast(address);
            if (multicast)
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            var any = address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
            socket.Bind(new IPEndPoint(multicast ? any : address, port));
            if (multicast && address.AddressFamily == AddressFamily.InterNetworkV6)
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(address));
            else if (multicast)
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(address));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Receives one datagram; 0 when none came within <see cref="Wake"/>, -1 once the socket is closed.</summary>
    public static int Receive(Socket socket, Span<byte> datagram)
    {
        try
        {
            return socket.Receive(datagram);
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            return 0;
        }
        catch (ObjectDisposedException)
        {
            return -1;
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted)
        {
            return -1;
        }
    }
}
