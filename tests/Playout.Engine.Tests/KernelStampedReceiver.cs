using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// A loopback socket drained by its own thread, keeping each datagram's RTP timestamp and sequence numbers with the time
/// the kernel took it in: over loopback, inside the sender's call, so the sender's own timing. Nothing is allocated a
/// datagram: a collection would stop the sender being measured.
/// </summary>
internal sealed class KernelStampedReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20, ReceiveTimeout = 100 };
    private readonly List<Datagram> _datagrams = new(400_000);
    private readonly Thread _thread;
    private volatile bool _stop;

    /// <param name="At">When the kernel took it in, as a <see cref="Stopwatch"/> timestamp.</param>
    /// <param name="Timestamp">Its RTP timestamp.</param>
    /// <param name="Sequence">Its RTP sequence number, and above it the two bytes after the RTP header (RFC 4175's
    /// extended sequence number, in a video flow).</param>
    public readonly record struct Datagram(long At, uint Timestamp, uint Sequence);

    public KernelStampedReceiver()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        KernelTimestamps.Enable(_socket);
        _thread = new Thread(Run) { IsBackground = true };
        _thread.Start();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Stops receiving (after a moment for the last datagrams) and returns what came, in arrival order.</summary>
    public List<Datagram> Stop()
    {
        Thread.Sleep(200);
        _stop = true;
        _thread.Join();
        return _datagrams;
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        _socket.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[2048];
        // The kernel stamps on the system's clock (UTC, in ns); tests time on the monotonic one: one reading of both maps it.
        long realtime = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100, monotonic = Stopwatch.GetTimestamp();
        while (!_stop)
        {
            var (length, at) = KernelTimestamps.Receive(_socket, buffer);
            if (length >= 14)
                _datagrams.Add(new Datagram(monotonic + (long)((Int128)(at - realtime) * Stopwatch.Frequency / 1_000_000_000),
                    BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)),
                    (uint)BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(12)) << 16 | BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2))));
        }
    }
}
