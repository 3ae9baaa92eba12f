using System.Net;
using System.Net.Sockets;
using Playout.Interop;

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

    /// <summary>
    /// A receiving thread's loop: hands each datagram to <paramref name="take"/> until the socket is closed. Whatever goes
    /// wrong is reported to <paramref name="failure"/> (null again once a datagram or a quiet wait goes through) and the
    /// loop goes on: a thread of its own must not end the service.
    /// </summary>
    public static void Run(Socket socket, Media.Rtp.RtpPacketSink take, Action<string?> failure) =>
        Run(socket, take, failure, UdpReceiveBatch.IsAvailable);

    /// <param name="batched">Take what waits in batches (<see cref="UdpReceiveBatch"/>, Linux), else one datagram a call.</param>
    internal static void Run(Socket socket, Media.Rtp.RtpPacketSink take, Action<string?> failure, bool batched)
    {
        // A sink's fault is its datagram's alone: the next datagrams are taken at once. Only the socket's own failures wait
        // a while before trying again, so a lasting one does not spin.
        Exception? fault = null;
        Media.Rtp.RtpPacketSink guarded = datagram =>
        {
            try
            {
                take(datagram);
            }
            catch (Exception error)
            {
                fault ??= error;
            }
        };
        Func<bool> receive = batched ? Batches(socket, guarded) : OneByOne(socket, guarded);
        while (true)
        {
            try
            {
                if (!receive())
                    return;
                failure(fault is null ? null : $"receiving failed: {fault.Message}");
                fault = null;
            }
            catch (Exception error)
            {
                failure($"receiving failed: {error.Message}");
                Thread.Sleep(Wake);
            }
        }
    }

    /// <summary>Each call hands on the datagrams waiting, or waits up to <see cref="Wake"/> for one; false once the socket is closed.</summary>
    private static Func<bool> Batches(Socket socket, Media.Rtp.RtpPacketSink take)
    {
        var batch = new UdpReceiveBatch(MaxDatagram);
        return () =>
        {
            int count;
            try
            {
                count = batch.Receive(socket);
                if (count == 0)
                    socket.Poll(Wake, SelectMode.SelectRead);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            for (int i = 0; i < count; i++)
                take(batch[i]);
            return true;
        };
    }

    /// <summary>Each call hands on one datagram, or none when none came within <see cref="Wake"/>; false once the socket is closed.</summary>
    private static Func<bool> OneByOne(Socket socket, Media.Rtp.RtpPacketSink take)
    {
        var datagram = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        return () =>
        {
            int length = Receive(socket, datagram);
            if (length > 0)
                take(datagram.AsSpan(0, length));
            return length >= 0;
        };
    }

    /// <summary>The largest datagram an ST 2110 flow sends: ST 2110-10's extended UDP size limit, with room.</summary>
    internal const int MaxDatagram = 9000;

    /// <summary>Receives one datagram; 0 when none came within <see cref="Wake"/>, -1 once the socket is closed.</summary>
    private static int Receive(Socket socket, Span<byte> datagram)
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
