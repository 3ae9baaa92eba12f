using System.IO.Ports;
using System.Text;
using Playout.Devices.Serial;

namespace Playout.HwSim.Serial;

/// <summary>
/// A device that answers an ASCII command protocol on a serial line (a pseudo-terminal end, e.g. one of a socat pair):
/// each request line (ended by CR or LF) gets the reply line <see cref="Answer"/> gives, ended by CR LF. The line's own
/// faults: <see cref="Silent"/> (nothing answered), <see cref="ReplyDelay"/> (slow replies), <see cref="Noise"/> (a line
/// of binary noise before each reply) and <see cref="Garbled"/> (each reply damaged on the way, every other character lost).
/// </summary>
public abstract class SerialTwin : IDisposable
{
    private readonly SerialPort _serial;
    private readonly Thread _thread;
    private readonly List<string> _requests = [];
    private volatile bool _stopping;

    /// <param name="port">The serial device (a pseudo-terminal path) the twin is on.</param>
    protected SerialTwin(string port, int baud)
    {
        // Writes are bounded too: a line pulled while a reply was going out must not hold the twin for ever.
        _serial = new SerialPort(port, baud) { ReadTimeout = 100, WriteTimeout = 1000 };
        _serial.Open();
        _thread = new Thread(Run) { Name = $"serial twin {port}", IsBackground = true };
        _thread.Start();
    }

    /// <summary>While set the twin answers nothing, as a device whose controller hung.</summary>
    public bool Silent { get; set; }

    /// <summary>How long the twin waits before each reply (zero: at once).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>While set a line of non-text bytes goes before each reply.</summary>
    public bool Noise { get; set; }

    /// <summary>While set each reply arrives damaged: every other character is '#'.</summary>
    public bool Garbled { get; set; }

    /// <summary>Every request line received, oldest first (also those left unanswered).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    /// <summary>Sends <paramref name="bytes"/> as they are: a babbling device, line noise of a test's choosing.</summary>
    /// <exception cref="TimeoutException">The line took none of it for a second (nobody reads the other end).</exception>
    public void Babble(ReadOnlySpan<byte> bytes) => _serial.BaseStream.Write(bytes);

    /// <summary>The reply to <paramref name="request"/>; null answers nothing.</summary>
    protected abstract string? Answer(string request);

    /// <summary>Whether the device behind the line has stopped answering of itself (besides <see cref="Silent"/>).</summary>
    protected virtual bool Unresponsive => false;

    private void Run()
    {
        var buffer = new byte[256];
        // The driver's own reader: a request with noise in it is dropped, as a device would ignore it.
        var reader = new SerialLineReader(_ => { });
        while (!_stopping)
        {
            if (SerialReads.Read(_serial, buffer) is not { } read)
                return;
            foreach (string request in reader.Feed(buffer.AsSpan(0, read)))
            {
                lock (_requests)
                    _requests.Add(request);
                if (!Silent && !Unresponsive && Answer(request) is { } reply)
                    Reply(reply);
            }
        }
    }

    private void Reply(string reply)
    {
        if (ReplyDelay > TimeSpan.Zero)
            Thread.Sleep(ReplyDelay);
        if (Garbled)
            reply = new string([.. reply.Select((c, i) => i % 2 == 1 ? '#' : c)]);
        try
        {
            if (Noise)
                _serial.BaseStream.Write([0x00, 0xFF, (byte)'~', 0x1B, 0x07, (byte)'\r', (byte)'\n']);
            _serial.BaseStream.Write(Encoding.ASCII.GetBytes(reply + "\r\n"));
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or TimeoutException)
        {
            // The line is gone (the test pulled it); the device goes on as if unheard.
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        SerialPorts.Close(_serial);
        GC.SuppressFinalize(this);
    }
}
