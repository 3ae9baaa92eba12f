using System.Net;
using System.Net.Sockets;

namespace Playout.Engine.Tests;

/// <summary>
/// Writes every datagram that reaches a loopback port into a file, byte for byte: a transport stream captured with its
/// timestamps as sent (a remux, even <c>ffmpeg -copyts -c copy</c>, would shift the video by its muxer's delay but not
/// the splice times inside SCTE-35 sections).
/// </summary>
internal sealed class UdpCapture : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly FileStream _file;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public UdpCapture(string file)
    {
        _file = File.Create(file);
        // Channels in tests run faster than real time: the output bursts, and a lost datagram would lose frames.
        _socket.Client.ReceiveBufferSize = 16 << 20;
        _socket.Client.ReceiveTimeout = 100;
        _thread = new Thread(Run) { Name = "udp capture", IsBackground = true };
        _thread.Start();
    }

    public string Url => $"udp://127.0.0.1:{((IPEndPoint)_socket.Client.LocalEndPoint!).Port}?pkt_size=1316";

    private void Run()
    {
        var from = new IPEndPoint(IPAddress.Any, 0);
        while (!_stopping || _socket.Available > 0)
        {
            try
            {
                _file.Write(_socket.Receive(ref from));
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.TimedOut)
            {
            }
        }
    }

    /// <summary>Takes what is still in the socket, then closes the file.</summary>
    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _socket.Dispose();
        _file.Dispose();
    }
}
