using System.Device.Gpio;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Playout.Devices.Gpi;

namespace Playout.Devices.Gpio;

/// <summary>
/// Linux GPIO lines as a GPI device: input lines' debounced edges go to <see cref="InputChanged"/> (and show as settings
/// <c>input.N</c>), output lines are set or pulsed by command (<c>output.N</c>). The chip is kept on a thread of its own:
/// the inputs are read every <see cref="KeepAlive"/> (a chip gone fails the read: the link is lost, alarmed, and opened
/// again with back-off), and the outputs asked for are set again as the lines open after a loss.
/// </summary>
internal sealed class GpioLineDevice : Device, IGpiInputs
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500), LastRetry = TimeSpan.FromSeconds(5);

    private readonly GpioSettings _settings;
    private readonly Func<int, GpioDriver> _openChip;
    private readonly GpiInputEdges _edges;
    private readonly CancellationTokenSource _stop = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Lock _gate = new();
    private readonly bool[] _closed;
    private readonly long?[] _changedAt;
    private GpioController? _controller;
    private string? _failed;
    private Thread? _thread;

    public GpioLineDevice(string name, GpioSettings settings, Func<int, GpioDriver> openChip, DeviceContext context) : base(name, "gpio", context)
    {
        _settings = settings;
        _openChip = openChip;
        _edges = new GpiInputEdges(name, context.Logger);
        _closed = new bool[settings.Inputs.Count];
        _changedAt = new long?[settings.Inputs.Count];
        Commands = GpoCommands.For(settings.Outputs.Count);
    }

    public event Action<int, bool>? InputChanged
    {
        add => _edges.Changed += value;
        remove => _edges.Changed -= value;
    }

    public int InputCount => _settings.Inputs.Count;

    public override IReadOnlyList<DeviceCommandSpec>? Commands { get; }

    public override void Start()
    {
        _thread = new Thread(Run) { Name = $"device {Name}", IsBackground = true };
        _thread.Start();
    }

    protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel) =>
        GpoCommands.ExecuteAsync(command, arguments, Switch, cancel);

    /// <summary>Drives an output line; a line that cannot be written fails the command and drops the link (the chip is opened again).</summary>
    private Task Switch(int output, bool closed, CancellationToken cancel)
    {
        string state = closed ? "on" : "off";
        SetSetting($"output.{output}", desired: state);
        int line = _settings.Outputs[output - 1];
        lock (_gate)
        {
            if (_controller is not { } controller)
                throw new DeviceCommandException($"no link to {_settings.ChipName}");
            try
            {
                controller.Write(line, Level(closed));
            }
            catch (Exception error) when (IsGpioError(error))
            {
                _failed = $"writing line {line} failed: {error.Message}";
                _wake.Set();
                throw new DeviceCommandException($"{_settings.ChipName}: {_failed}");
            }
        }
        SetSetting($"output.{output}", actual: state);
        return Task.CompletedTask;
    }

    private void Run()
    {
        var retry = FirstRetry;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                Session();
                retry = FirstRetry;
            }
            catch (Exception error) when (IsGpioError(error))
            {
                Close();
                SetConnection(ConnectionState.Lost, $"{_settings.ChipName}: {error.Message}");
                _stop.Token.WaitHandle.WaitOne(retry);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
        Close();
    }

    /// <summary>One opening of the chip: its lines opened, then edges debounced and the inputs read every <see cref="KeepAlive"/>, until a call fails or the device is disposed.</summary>
    private void Session()
    {
        var controller = new GpioController(_openChip(_settings.Chip));
        lock (_gate)
        {
            _controller = controller;
            _failed = null;
        }
        var desired = Status().Settings.Where(s => s.Desired is not null).ToDictionary(s => s.Name, s => s.Desired == "on");
        for (int i = 0; i < _settings.Outputs.Count; i++)
        {
            // An output opens at what was asked of it last (open when nothing was): a chip back after a loss gets its outputs again, once.
            bool closed = desired.GetValueOrDefault($"output.{i + 1}");
            controller.OpenPin(_settings.Outputs[i], PinMode.Output, Level(closed));
            SetSetting($"output.{i + 1}", actual: closed ? "on" : "off");
        }
        for (int i = 0; i < _settings.Inputs.Count; i++)
        {
            int input = i;
            controller.OpenPin(_settings.Inputs[i], PinMode.Input);
            controller.RegisterCallbackForPinValueChangedEvent(_settings.Inputs[i], PinEventTypes.Rising | PinEventTypes.Falling, (_, _) => Changed(input));
            // The level at opening is a state, not an edge.
            _closed[i] = Closed(controller.Read(_settings.Inputs[i]));
            _changedAt[i] = null;
            SetSetting($"input.{i + 1}", actual: _closed[i] ? "closed" : "open");
        }
        SetIdentity($"{_settings.ChipName}: {_settings.Inputs.Count} input line(s), {_settings.Outputs.Count} output line(s)");
        SetConnection(ConnectionState.Connected);
        long nextRead = Environment.TickCount64 + (long)KeepAlive.TotalMilliseconds;
        while (!_stop.IsCancellationRequested)
        {
            long now = Environment.TickCount64;
            if (now >= nextRead)
            {
                nextRead = now + (long)KeepAlive.TotalMilliseconds;
                KeepWatch(controller, now);
            }
            Debounce(controller, now);
            lock (_gate)
            {
                if (_failed is { } failed)
                    throw new IOException(failed);
            }
            _wake.WaitOne(TimeSpan.FromMilliseconds(Math.Clamp(Math.Min(nextRead, NextDue()) - Environment.TickCount64, 1, (long)KeepAlive.TotalMilliseconds)));
        }
    }

    /// <summary>An edge callback (on the driver's thread): the input's level is read once it has held for the debounce time.</summary>
    private void Changed(int input)
    {
        lock (_gate)
            _changedAt[input] = Environment.TickCount64;
        _wake.Set();
    }

    /// <summary>Reads every input: a chip gone fails here; a change no callback told of counts as one.</summary>
    private void KeepWatch(GpioController controller, long now)
    {
        for (int i = 0; i < _settings.Inputs.Count; i++)
        {
            bool closed = Closed(controller.Read(_settings.Inputs[i]));
            lock (_gate)
            {
                if (closed != _closed[i] && _changedAt[i] is null)
                    _changedAt[i] = now;
            }
        }
    }

    /// <summary>Each input whose last change has held for the debounce time: its level now, an edge when that differs from the last one counted.</summary>
    private void Debounce(GpioController controller, long now)
    {
        for (int i = 0; i < _settings.Inputs.Count; i++)
        {
            lock (_gate)
            {
                if (_changedAt[i] is not { } at || now - at < (long)_settings.Debounce.TotalMilliseconds)
                    continue;
                _changedAt[i] = null;
            }
            bool closed = Closed(controller.Read(_settings.Inputs[i]));
            if (closed == _closed[i])
                continue;
            _closed[i] = closed;
            SetSetting($"input.{i + 1}", actual: closed ? "closed" : "open");
            _edges.Raise(i + 1, closed);
        }
    }

    /// <summary>When the next pending input is due to be read (<see cref="long.MaxValue"/>: none is pending).</summary>
    private long NextDue()
    {
        lock (_gate)
            return _changedAt.Select(at => at is { } t ? t + (long)_settings.Debounce.TotalMilliseconds : long.MaxValue).DefaultIfEmpty(long.MaxValue).Min();
    }

    private PinValue Level(bool closed) => closed != _settings.ActiveLow ? PinValue.High : PinValue.Low;

    private bool Closed(PinValue level) => (level == PinValue.High) != _settings.ActiveLow;

    private void Close()
    {
        GpioController? controller;
        lock (_gate)
        {
            controller = _controller;
            _controller = null;
        }
        try
        {
            controller?.Dispose();
        }
        catch (Exception error) when (IsGpioError(error))
        {
            Context.Logger.LogWarning("device {Device}: closing {Chip} failed: {Error}", Name, _settings.ChipName, error.Message);
        }
    }

    /// <summary>What System.Device.Gpio and libgpiod throw for a chip or line that is not there, not ours, or gone (and libgpiod not installed).</summary>
    private static bool IsGpioError(Exception error) => error is IOException or ExternalException or UnauthorizedAccessException or InvalidOperationException
        or ArgumentException or NotSupportedException or DllNotFoundException;

    protected override ValueTask DisposeCoreAsync()
    {
        _stop.Cancel();
        _wake.Set();
        _thread?.Join();
        _stop.Dispose();
        _wake.Dispose();
        return ValueTask.CompletedTask;
    }
}
