using System.Device.Gpio;

namespace Playout.HwSim.Gpio;

/// <summary>
/// A simulated GPIO chip, as System.Device.Gpio's <see cref="GpioDriver"/> (what LibGpiodDriver is for a real
/// /dev/gpiochipN): a test drives its input lines (<see cref="SetInput"/>, <see cref="Bounce"/>), which raise the edge
/// callbacks registered for them, and reads its output lines (<see cref="Level"/>, <see cref="Writes"/> with the time of
/// each). <see cref="Unplug"/> makes every call fail as a chip gone from the system would. A GpioController disposes
/// its driver; the twin outlives that (its pins close, its lines keep their levels), so a reconnect can open it again.
/// </summary>
public sealed class GpioChipTwin(int lines = 32) : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly PinValue[] _levels = new PinValue[lines];
    private readonly PinMode?[] _modes = new PinMode?[lines];
    private readonly List<(int Line, PinEventTypes Events, PinChangeEventHandler Handler)> _callbacks = [];
    private readonly List<(int Line, PinValue Level, long At)> _writes = [];
    private volatile bool _unplugged;

    /// <summary>Every write to an output line, with <see cref="Environment.TickCount64"/> when it came.</summary>
    public IReadOnlyList<(int Line, PinValue Level, long At)> Writes
    {
        get
        {
            lock (_gate)
                return [.. _writes];
        }
    }

    /// <summary>The lines open now (a line is closed again when the controller that opened it is disposed).</summary>
    public IReadOnlyList<int> OpenLines
    {
        get
        {
            lock (_gate)
                return [.. Enumerable.Range(0, lines).Where(l => _modes[l] is not null)];
        }
    }

    /// <summary>The level of a line now.</summary>
    public PinValue Level(int line)
    {
        lock (_gate)
            return _levels[line];
    }

    /// <summary>Sets an input line's level as the wiring would; a change raises the callbacks registered for its edge.</summary>
    public void SetInput(int line, PinValue level)
    {
        PinChangeEventHandler[] handlers;
        PinEventTypes edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        lock (_gate)
        {
            if (_levels[line] == level)
                return;
            _levels[line] = level;
            handlers = [.. _callbacks.Where(c => c.Line == line && c.Events.HasFlag(edge)).Select(c => c.Handler)];
        }
        foreach (var handler in handlers)
            handler(this, new PinValueChangedEventArgs(edge, line));
    }

    /// <summary>A contact that bounces: <paramref name="times"/> quick changes (<paramref name="apart"/> between them) ending at <paramref name="level"/>.</summary>
    public void Bounce(int line, PinValue level, int times, TimeSpan apart)
    {
        PinValue other = level == PinValue.High ? PinValue.Low : PinValue.High;
        for (int i = 0; i < times; i++)
        {
            SetInput(line, other);
            Thread.Sleep(apart);
            SetInput(line, level);
            Thread.Sleep(apart);
        }
    }

    /// <summary>The chip goes away (<c>true</c>) or comes back: while away every call fails with an <see cref="IOException"/>.</summary>
    public void Unplug(bool unplugged = true) => _unplugged = unplugged;

    protected override int PinCount => lines;

    protected override void OpenPin(int pinNumber)
    {
        Line(pinNumber);
        lock (_gate)
            _modes[pinNumber] = PinMode.Input;
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _modes[pinNumber] = null;
            _callbacks.RemoveAll(c => c.Line == pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        Line(pinNumber);
        lock (_gate)
            _modes[pinNumber] = mode;
    }

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        SetPinMode(pinNumber, mode);
        if (mode == PinMode.Output)
            Write(pinNumber, initialValue);
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        Line(pinNumber);
        lock (_gate)
            return _modes[pinNumber] ?? throw new InvalidOperationException($"line {pinNumber} is not open");
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.Output;

    protected override PinValue Read(int pinNumber)
    {
        Line(pinNumber);
        lock (_gate)
            return _levels[pinNumber];
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        Line(pinNumber);
        lock (_gate)
        {
            _levels[pinNumber] = value;
            _writes.Add((pinNumber, value, Environment.TickCount64));
        }
    }

    protected override void Toggle(int pinNumber) => Write(pinNumber, !Read(pinNumber));

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the twin raises callbacks; wait for an event with one");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        Line(pinNumber);
        lock (_gate)
            _callbacks.Add((pinNumber, eventTypes, callback));
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
            _callbacks.RemoveAll(c => c.Line == pinNumber && c.Handler == callback);
    }

    public override GpioChipInfo GetChipInfo() => new(0, "gpiochip-twin", "playout hw-sim", lines);

    /// <summary>A call to a line that is not there, or to a chip that was unplugged, fails as libgpiod's would.</summary>
    private void Line(int pinNumber)
    {
        if (_unplugged)
            throw new IOException("the GPIO chip is gone (unplugged)");
        if (pinNumber < 0 || pinNumber >= lines)
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"the chip has lines 0 to {lines - 1}");
    }

    /// <summary>Closes the pins a controller opened; the lines and their levels stay (see the class summary).</summary>
    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            Array.Clear(_modes);
            _callbacks.Clear();
        }
    }
}
