using System.IO.Ports;
using System.Text;
using System.Threading.Channels;

namespace Playout.Devices.Serial;

/// <summary>
/// One opening of a serial port: a thread reads it into reply lines (<see cref="SerialLineReader"/>); requests are
/// written with the profile's terminator. A read that fails (the port went away) ends the lines with that error.
/// </summary>
internal sealed class SerialLine : IDisposable
{
    /// <summary>Lines held unread at most: a babbling device cannot grow them without bound (the oldest go).</summary>
    private const int Held = 256;

    private readonly SerialPort _port;
    private readonly string _terminator;
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(Held) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Thread _thread;
    private volatile bool _closing;

    /// <exception cref="IOException">The port cannot be opened (also <see cref="UnauthorizedAccessException"/>, <see cref="ArgumentException"/>).</exception>
    public SerialLine(string port, int baud, SerialLineDefaults line, Action<string> problem)
    {
        _port = new SerialPort(port, baud, line.Parity, line.DataBits, line.StopBits switch { 1.5 => StopBits.OnePointFive, 2 => StopBits.Two, _ => StopBits.One })
        {
            ReadTimeout = 100,
            WriteTimeout = 1000,
        };
        _port.Open();
        _terminator = line.Terminator;
        var reader = new SerialLineReader(problem);
        _thread = new Thread(() => Read(reader)) { Name = $"serial {port}", IsBackground = true };
        _thread.Start();
    }

    public ChannelReader<string> Lines => _lines.Reader;

    /// <exception cref="IOException">The write failed.</exception>
    public void Write(string request)
    {
        try
        {
            _port.BaseStream.Write(Encoding.ASCII.GetBytes(request + _terminator));
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
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
                read = _port.BaseStream.Read(buffer);
                if (read == 0)
                    throw new IOException($"{_port.PortName} closed");
            }
            catch (TimeoutException)
            {
                continue;
            }
            catch (Exception error) when (error is IOException or InvalidOperationException or OperationCanceledException)
            {
                _lines.Writer.TryComplete(_closing ? null : new IOException($"reading {_port.PortName} failed: {error.Message}", error));
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
        SerialPorts.Close(_port);
    }
}
