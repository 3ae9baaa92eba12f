using System.Net;
using System.Net.Sockets;

namespace Playout.TestSupport;

/// <summary>Loopback ports nothing listens on now, for servers and streams the tests start.</summary>
public static class FreePorts
{
    public static int Udp() => Free(SocketType.Dgram, ProtocolType.Udp);

    public static int Tcp() => Free(SocketType.Stream, ProtocolType.Tcp);

    /// <summary>An even UDP port whose odd neighbour is free too: an RTP receiver takes the pair (RTCP on the odd one).</summary>
    public static int RtpPair()
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = Udp() & ~1;
            try
            {
                using var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                using var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                rtp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                rtcp.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
        }
    }

    private static int Free(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
