using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Playout.Engine.Tests;

/// <summary>
/// Forwards UDP datagrams from a loopback port to another, noting when each went through: the exact moments a
/// sender's stream stopped and came back, as the input saw them (not when the sender process was told to stop or start).
/// </summary>
internal sealed class UdpRelay : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _to;
    private readonly Thread _thread;
    private readonly Lock _lock = new();
    private readonly List<long> _forwarded = [];
    private volatile bool _stopping;

    public UdpRelay(int toPort)
    {
        _to = new IPEndPoint(IPAddress.Loopback, toPort);
        _socket.Client.ReceiveTimeout = 100;
        _thread = new Thread(Run) { Name = "udp relay", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The port senders send to.</summary>
    public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    /// <summary>The <see cref="Stopwatch"/> timestamp of the last datagram forwarded (0: none yet).</summary>
    public long Last
    {
        get
        {
            lock (_lock)
                return _forwarded.Count == 0 ? 0 : _forwarded[^1];
        }
    }

    /// <summary>The timestamp of the first datagram forwarded after <paramref name="after"/>, or null.</summary>
    public long? FirstAfter(long after)
    {
        lock (_lock)
            return _forwarded.FirstOrDefault(t => t > after) is var first and > 0 ? first : null;
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _socket.Dispose();
    }

    private void Run()
    {
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        var buffer = new byte[65536];
        while (!_stopping)
        {
            int length;
            try
            {
                length = _socket.Client.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.TimedOut)
            {
                continue;
            }
            _socket.Client.SendTo(buffer.AsSpan(0, length), _to);
            lock (_lock)
                _forwarded.Add(Stopwatch.GetTimestamp());
        }
    }
}
