using System.IO.Ports;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Playout.Devices.Serial;

/// <summary>
/// One opening of a serial port, or of a TCP connection (<c>tcp://host:port</c>: a device's own network port, or a serial
/// device server in front of its serial one): a thread reads it into reply lines (<see cref="SerialLineReader"/>); requests
/// are written with the profile's terminator. A read that fails (the port went away, the far end closed) ends the lines
/// with that error.
/// </summary>
internal sealed class SerialLine : IDisposable
{
    /// <summary>Lines held unread at most: a babbling device cannot grow them without bound (the oldest go).</summary>
    private const int Held = 256;

    /// <summary>How long a TCP connection may take to open.</summary>
    private static readonly TimeSpan Connecting = TimeSpan.FromSeconds(3);

    private readonly SerialPort? _port;
    private readonly TcpClient? _client;
    private readonly Stream _stream;
    private readonly string _name;
    private readonly string _terminator;
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(Held) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Thread _thread;
    private volatile bool _closing;

    /// <summary>Whether <paramref name="port"/> names a TCP connection rather than a serial port.</summary>
    public static bool IsTcp(string port) => port.StartsWith(TcpScheme, StringComparison.OrdinalIgnoreCase);

    public const string TcpScheme = "tcp://";

    /// <exception cref="IOException">The port cannot be opened or the connection made (also <see cref="UnauthorizedAccessException"/>, <see cref="ArgumentException"/>).</exception>
    public SerialLine(string port, int baud, SerialLineDefaults line, Action<string> problem)
    {
        _name = port;
        if (IsTcp(port))
        {
            _client = Connect(port);
            _stream = _client.GetStream();
            _stream.ReadTimeout = 100;
            _stream.WriteTimeout = 1000;
        }
        else
        {
            _port = new SerialPort(port, baud, line.Parity, line.DataBits, line.StopBits switch { 1.5 => StopBits.OnePointFive, 2 => StopBits.Two, _ => StopBits.One })
            {
                ReadTimeout = 100,
                WriteTimeout = 1000,
            };
            _port.Open();
            _stream = _port.BaseStream;
        }
        _terminator = line.Terminator;
        var reader = new SerialLineReader(problem);
        _thread = new Thread(() => Read(reader)) { Name = $"serial {port}", IsBackground = true };
        _thread.Start();
    }

    /// <summary>A TCP connection to tcp://host:port, made within <see cref="Connecting"/>.</summary>
    private static TcpClient Connect(string port)
    {
        if (!Uri.TryCreate(port, UriKind.Absolute, out var address) || address.Port <= 0 || address.Host.Length == 0 || address.AbsolutePath.Length > 1)
            throw new ArgumentException($"'{port}' is not tcp://host:port");
        var client = new TcpClient { NoDelay = true };
        try
        {
            if (!client.ConnectAsync(address.Host, address.Port).Wait(Connecting))
                throw new IOException($"no connection within {Connecting.TotalSeconds} s");
            return client;
        }
        catch (AggregateException error) when (error.InnerException is SocketException socket)
        {
            client.Dispose();
            throw new IOException(socket.Message, socket);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public ChannelReader<string> Lines => _lines.Reader;

    /// <exception cref="IOException">The write failed.</exception>
    public void Write(string request)
    {
        try
        {
            _stream.Write(Encoding.ASCII.GetBytes(request + _terminator));
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or ObjectDisposedException)
        {
            throw new IOException(error.Message, error);
        }
    }

    private void Read(SerialLineReader reader)
    {
        var buffer = new byte[256];
        while (!_closing)
        {
            int read;
            try
            {
                read = _stream.Read(buffer);
                if (read == 0)
                    throw new IOException($"{_name} closed");
            }
            catch (Exception error) when (error is TimeoutException
                || error is IOException { InnerException: SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock } })
            {
                continue;
            }
            catch (Exception error) when (error is IOException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
            {
                _lines.Writer.TryComplete(_closing ? null : new IOException($"reading {_name} failed: {error.Message}", error));
                return;
            }
            foreach (string line in reader.Feed(buffer.AsSpan(0, read)))
                _lines.Writer.TryWrite(line);
        }
        _lines.Writer.TryComplete();
    }

    public void Dispose()
    {
        _closing = true;
        _thread.Join();
        if (_port is not null)
            SerialPorts.Close(_port);
        _client?.Dispose();
    }
}
