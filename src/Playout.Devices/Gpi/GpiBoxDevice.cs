using System.IO.Ports;
using Microsoft.Extensions.Logging;
using Playout.Devices.Serial;

namespace Playout.Devices.Gpi;

/// <summary>
/// A GPI box on a serial line: its inputs' edges go to <see cref="InputChanged"/> (and show as settings <c>input.N</c>),
/// its outputs are set or pulsed by command and confirmed by the box's echo. The line is kept on a thread of its own: a
/// query every <see cref="KeepAlive"/> finds a box that stopped answering (the link is lost, alarmed), a line that fails
/// is opened again with back-off, and the outputs asked for are set again once when it is back (no command storms).
/// </summary>
internal sealed class GpiBoxDevice(string name, string portName, int baud, DeviceContext context) : Device(name, "gpi-serial", context), IGpiInputs
{
    public static readonly TimeSpan Reply = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly bool?[] _inputs = new bool?[GpiMessage.Ports + 1];
    private readonly TaskCompletionSource<bool>?[] _echoes = new TaskCompletionSource<bool>?[GpiMessage.Ports + 1];
    private SerialPort? _serial;
    private Thread? _thread;
    private readonly GpiInputEdges _edges = new(name, context.Logger);
    private long _lastHeard;

    public event Action<int, bool>? InputChanged
    {
        add => _edges.Changed += value;
        remove => _edges.Changed -= value;
    }

    public int InputCount => GpiMessage.Ports;

    public override IReadOnlyList<DeviceCommandSpec>? Commands { get; } = GpoCommands.For(GpiMessage.Ports);

    public override void Start()
    {
        _thread = new Thread(Run) { Name = $"device {Name}", IsBackground = true };
        _thread.Start();
    }

    protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel) =>
        GpoCommands.ExecuteAsync(command, arguments, Switch, cancel);

    /// <summary>Sets an output and waits for the box's echo (<see cref="Reply"/> at most).</summary>
    private async Task Switch(int output, bool closed, CancellationToken cancel)
    {
        SetSetting($"output.{output}", desired: closed ? "on" : "off");
        var echo = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
            _echoes[output] = echo;
        Write(new GpiMessage(true, output, closed).ToBytes());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Reply);
        try
        {
            await echo.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new DeviceCommandException($"output {output}: the box did not confirm it within {Reply.TotalSeconds:0.#} s");
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_serial is not { IsOpen: true } serial)
                throw new DeviceCommandException($"no link to {portName}");
            try
            {
                serial.BaseStream.Write(bytes);
            }
            catch (Exception error) when (error is IOException or InvalidOperationException or TimeoutException)
            {
                throw new DeviceCommandException($"writing to {portName} failed: {error.Message}");
            }
        }
    }

    private void Run()
    {
        LinkLoop.Run(_stop.Token, Session,
            error => error is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or DeviceCommandException, error =>
            {
                Close();
                SetConnection(ConnectionState.Lost, error.Message);
            });
        Close();
    }

    /// <summary>One opening of the line: query, keep alive, read, until it fails or the device is disposed.</summary>
    private void Session()
    {
        var serial = new SerialPort(portName, baud) { ReadTimeout = 100, WriteTimeout = 1000 };
        serial.Open();
        lock (_gate)
            _serial = serial;
        Array.Clear(_inputs);
        var reader = new GpiReader();
        var buffer = new byte[64];
        long queried = 0;
        bool answered = false;
        Context.Logger.LogInformation("device {Device}: {Port} open at {Baud} baud", Name, portName, baud);
        while (!_stop.IsCancellationRequested)
        {
            long now = Environment.TickCount64;
            if (now - queried >= KeepAlive.TotalMilliseconds)
            {
                // A box silent since the last query is gone; asking again keeps a quiet box heard.
                if (queried > 0 && Volatile.Read(ref _lastHeard) < queried)
                    throw new IOException($"no answer from the box on {portName} within {KeepAlive.TotalSeconds:0} s");
                queried = now;
                Write(GpiMessage.Query);
            }
            int read;
            try
            {
                read = serial.BaseStream.Read(buffer);
            }
            catch (TimeoutException)
            {
                continue;
            }
            if (read == 0)
                throw new IOException($"{portName} closed");
            Volatile.Write(ref _lastHeard, Environment.TickCount64);
            foreach (var message in reader.Read(buffer.AsSpan(0, read), junk => Context.Logger.LogWarning("device {Device}: {Port}: {Junk}", Name, portName, junk)))
                Handle(message);
            if (!answered)
            {
                answered = true;
                SetConnection(ConnectionState.Connected);
                Reassert();
            }
        }
    }

    private void Handle(GpiMessage message)
    {
        if (message.Output)
        {
            SetSetting($"output.{message.Number}", actual: message.Closed ? "on" : "off");
            TaskCompletionSource<bool>? echo;
            lock (_gate)
            {
                echo = _echoes[message.Number];
                _echoes[message.Number] = null;
            }
            echo?.TrySetResult(message.Closed);
            return;
        }
        bool? was = _inputs[message.Number];
        _inputs[message.Number] = message.Closed;
        SetSetting($"input.{message.Number}", actual: message.Closed ? "closed" : "open");
        // A state first heard (the answer to a query after opening) is no edge.
        if (was is null || was == message.Closed)
            return;
        _edges.Raise(message.Number, message.Closed);
    }

    /// <summary>
    /// Sets again, once per opening of the line, every output something asked a state of: the box cannot be asked its
    /// outputs, and one that restarted meanwhile has lost them.
    /// </summary>
    private void Reassert()
    {
        foreach (var setting in Status().Settings.Where(s => s.Desired is not null && s.Name.StartsWith("output.", StringComparison.Ordinal)))
        {
            int output = int.Parse(setting.Name["output.".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Write(new GpiMessage(true, output, setting.Desired == "on").ToBytes());
            Context.Logger.LogInformation("device {Device}: output {Output} set {State} again after the link came back", Name, output, setting.Desired);
        }
    }

    private void Close()
    {
        SerialPort? serial;
        lock (_gate)
        {
            serial = _serial;
            _serial = null;
        }
        if (serial is not null)
            SerialPorts.Close(serial);
    }

    protected override ValueTask DisposeCoreAsync()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
