using System.Net;
using System.Net.Sockets;

namespace Playout.TestSupport;

/// <summary>
/// Loopback ports nothing listens on now, for servers and streams the tests start. They come from below Linux's
/// ephemeral range (32768 and up), walked from a random start: a port the kernel gave out for port 0 was free for the
/// next outgoing connection or bind of any process too, and test assemblies running side by side took it in between
/// (a CI run's ffprobe found its UDP port taken).
/// </summary>
public static class FreePorts
{
    private const int First = 20_000, Count = 12_768;
    private static int _cursor = Random.Shared.Next(Count / 2);

    public static int Udp() => Free(SocketType.Dgram, ProtocolType.Udp);

    public static int Tcp() => Free(SocketType.Stream, ProtocolType.Tcp);

    /// <summary>An even UDP port whose odd neighbour is free too: an RTP receiver takes the pair (RTCP on the odd one).</summary>
    public static int RtpPair()
    {
        for (int attempt = 0; attempt < Count / 2; attempt++)
        {
            int port = Next();
            try
            {
                using var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                using var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                rtp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                rtcp.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException)
            {
                // Taken: the next pair.
            }
        }
        throw new InvalidOperationException($"no free pair of loopback UDP ports from {First} to {First + Count - 1}");
    }

    private static int Free(SocketType type, ProtocolType protocol)
    {
        for (int attempt = 0; attempt < Count / 2; attempt++)
        {
            int port = Next();
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken: the next one.
            }
        }
        throw new InvalidOperationException($"no free loopback port from {First} to {First + Count - 1}");
    }

    /// <summary>
    /// The next port to try, each once in a process's walk of the range: even ones only, so the odd neighbour a peer may
    /// take beside it (RTCP beside RTP) is never another test's.
    /// </summary>
    private static int Next() => First + 2 * (int)((uint)Interlocked.Increment(ref _cursor) % (Count / 2));
}
