using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Playout.Engine.Tests;

/// <summary>
/// Forwards UDP datagrams from a loopback port to another, noting when each went through: the exact moments a
/// sender's stream stopped and came back, as the input saw them (not when the sender process was told to stop or start).
/// It can impair the flow as a network would: drop a share of the datagrams, hold a share back behind the next one
/// (reordering), or cut it.
/// </summary>
internal sealed class UdpRelay : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _to;
    private readonly Thread _thread;
    private readonly Lock _lock = new();
    private readonly List<long> _forwarded = [];
    private readonly Random _random = new(1);
    private volatile bool _stopping;
    private long _dropped, _swapped;

    public UdpRelay(int toPort)
    {
        _to = new IPEndPoint(IPAddress.Loopback, toPort);
        _socket.Client.ReceiveTimeout = 100;
        // Room for a burst of an uncompressed flow while a loaded machine keeps this thread waiting.
        _socket.Client.ReceiveBufferSize = 4 << 20;
        _thread = new Thread(Run) { Name = "udp relay", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The share of datagrams dropped (0 to 1).</summary>
    public double Drop { get; set; }

    /// <summary>The share of datagrams held back and sent after the next one.</summary>
    public double Swap { get; set; }

    /// <summary>While true, every datagram is dropped (the link is cut).</summary>
    public bool Cut { get; set; }

    public long Dropped => Interlocked.Read(ref _dropped);
    public long Swapped => Interlocked.Read(ref _swapped);

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
        byte[]? held = null;
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
            if (Cut)
                continue;
            if (_random.NextDouble() < Drop)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }
            if (held is null && _random.NextDouble() < Swap)
            {
                held = buffer.AsSpan(0, length).ToArray();
                continue;
            }
            _socket.Client.SendTo(buffer.AsSpan(0, length), _to);
            if (held is not null)
            {
                _socket.Client.SendTo(held, _to);
                held = null;
                Interlocked.Increment(ref _swapped);
            }
            lock (_lock)
                _forwarded.Add(Stopwatch.GetTimestamp());
        }
    }
}
