using System.IO.Ports;
using Playout.Devices.Serial;

namespace Playout.HwSim.Gpi;

/// <summary>
/// A GPI box on a serial line (a pseudo-terminal end, e.g. one of a socat pair): eight inputs and eight outputs in the
/// two-byte protocol of Playout.Devices' gpi-serial driver. It sends an input's edge when a test closes or opens it,
/// echoes each output it sets and answers <c>??</c> with every input's state. Faults: <see cref="Silent"/> (it answers
/// nothing, as a box whose processor hung) and <see cref="Garbled"/> (line noise before each reply); a cable pulled is
/// the test's (its pseudo-terminal pair stopped), and a box that restarted is a new twin (every output open).
/// </summary>
public sealed class GpiBoxTwin : IDisposable
{
    public const int Ports = 8;

    private readonly SerialPort _serial;
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private readonly bool[] _inputs = new bool[Ports + 1];
    private readonly bool[] _outputs = new bool[Ports + 1];
    private readonly List<(int Output, bool Closed, DateTimeOffset At)> _switched = [];
    private volatile bool _stopping;

    /// <param name="port">The serial device (a pseudo-terminal path) the box is on.</param>
    public GpiBoxTwin(string port)
    {
        // Writes are bounded too: a line pulled while an edge was going out must not hold the twin for ever.
        _serial = new SerialPort(port, 9600) { ReadTimeout = 100, WriteTimeout = 1000 };
        _serial.Open();
        _thread = new Thread(Run) { Name = $"gpi twin {port}", IsBackground = true };
        _thread.Start();
    }

    /// <summary>While set the box answers nothing and sends no edge.</summary>
    public bool Silent { get; set; }

    /// <summary>While set each reply and edge is preceded by line noise.</summary>
    public bool Garbled { get; set; }

    /// <summary>Every output switch, with its time, oldest first.</summary>
    public IReadOnlyList<(int Output, bool Closed, DateTimeOffset At)> Switched
    {
        get
        {
            lock (_gate)
                return [.. _switched];
        }
    }

    public bool OutputClosed(int output)
    {
        lock (_gate)
            return _outputs[output];
    }

    /// <summary>Closes (true) or opens input <paramref name="input"/>; an edge is sent when its state changes.</summary>
    public void SetInput(int input, bool closed)
    {
        bool changed;
        lock (_gate)
        {
            changed = _inputs[input] != closed;
            _inputs[input] = closed;
        }
        if (changed)
            Send(Message(input, output: false, closed));
    }

    private void Run()
    {
        var buffer = new byte[64];
        byte? first = null;
        while (!_stopping)
        {
            if (SerialReads.Read(_serial, buffer) is not { } read)
                return;
            foreach (byte b in buffer.AsSpan(0, read))
            {
                if (first is not { } port)
                {
                    first = b;
                    continue;
                }
                first = null;
                if (Silent)
                    continue;
                if (port == '?' && b == '?')
                    Answer();
                else if (port is >= (byte)'a' and < (byte)'a' + Ports && b is (byte)'H' or (byte)'L')
                    Switch(port - 'a' + 1, b == 'H');
            }
        }
    }

    private void Answer()
    {
        var answer = new List<byte>();
        lock (_gate)
        {
            for (int input = 1; input <= Ports; input++)
                answer.AddRange(Message(input, output: false, _inputs[input]));
        }
        Send([.. answer]);
    }

    private void Switch(int output, bool closed)
    {
        lock (_gate)
        {
            _outputs[output] = closed;
            _switched.Add((output, closed, DateTimeOffset.UtcNow));
        }
        Send(Message(output, output: true, closed));
    }

    private static byte[] Message(int number, bool output, bool closed) =>
        [(byte)(output ? 'a' + number - 1 : '0' + number), closed ? (byte)'H' : (byte)'L'];

    private void Send(byte[] bytes)
    {
        if (Silent)
            return;
        try
        {
            if (Garbled)
                _serial.BaseStream.Write("x\r\n"u8);
            _serial.BaseStream.Write(bytes);
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or TimeoutException)
        {
            // The line is gone (the test pulled it); the box goes on as if unheard.
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        SerialPorts.Close(_serial);
    }
}
