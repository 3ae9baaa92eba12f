using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;

namespace Playout.Devices;

/// <summary>
/// One device of the transmission chain, as every driver presents it: its connection, measured values, desired and actual
/// settings and the commands it takes. A driver keeps the status through the protected methods here; a lost link raises
/// the device's alarm (<c>device NAME/connection</c>) and a link back clears it. Commands are checked against
/// <see cref="Commands"/> before the driver sees them; a driver never blocks its caller on a slow device beyond its timeout.
/// </summary>
public abstract class Device : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Measurement> _measurements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceSetting> _settings = new(StringComparer.Ordinal);
    private ConnectionState _connection = ConnectionState.Connecting;
    private DateTimeOffset _since;
    private string? _error;
    private string? _identity;
    private (string Text, DateTimeOffset At)? _lastCommand;

    protected Device(string name, string driver, DeviceContext context)
    {
        Name = name;
        Driver = driver;
        Context = context;
        _since = context.Time.GetUtcNow();
        ConnectionAlarm = $"device {name}/connection";
    }

    public string Name { get; }
    public string Driver { get; }
    protected DeviceContext Context { get; }

    /// <summary>The source of the alarm a lost link raises.</summary>
    public string ConnectionAlarm { get; }

    /// <summary>The commands the device takes; null: any command is passed on unchecked (the dry-run log driver).</summary>
    public abstract IReadOnlyList<DeviceCommandSpec>? Commands { get; }

    /// <summary>Starts talking to the device (connect, poll); returns at once, the link is kept on a thread or task of the driver's own.</summary>
    public abstract void Start();

    public DeviceStatus Status()
    {
        lock (_gate)
            return new DeviceStatus(Name, Driver, _identity, _connection, _since, _error, [.. _measurements.Values], [.. _settings.Values],
                Commands ?? [], _lastCommand?.Text, _lastCommand?.At);
    }

    /// <summary>Why <paramref name="command"/> with <paramref name="arguments"/> cannot be sent to this device (every problem), or empty.</summary>
    public IReadOnlyList<string> Check(string command, IReadOnlyDictionary<string, string> arguments)
    {
        if (Commands is not { } commands)
            return [];
        var spec = commands.FirstOrDefault(c => c.Name == command);
        return spec is null ? [$"{Name} ({Driver}) has no command '{command}' (it takes {string.Join(", ", commands.Select(c => c.Name))})"] : spec.Check(arguments);
    }

    /// <summary>Checks and sends a command; fails with <see cref="DeviceCommandException"/> saying why it was refused or not carried out.</summary>
    public async Task SendAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        if (Check(command, arguments) is { Count: > 0 } problems)
            throw new DeviceCommandException(string.Join("; ", problems));
        string text = arguments.Count == 0 ? command : $"{command} {string.Join(" ", arguments.Select(a => $"{a.Key}={a.Value}"))}";
        lock (_gate)
            _lastCommand = (text, Context.Time.GetUtcNow());
        try
        {
            await ExecuteAsync(command, arguments, cancel).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not (DeviceCommandException or OperationCanceledException or OutOfMemoryException))
        {
            // A driver's own bug: logged with its stack for the developer, told to the caller as a command not carried out.
            Context.Logger.LogError(error, "device {Device}: {Command} failed inside the {Driver} driver", Name, text, Driver);
            throw new DeviceCommandException($"{Name}: {command} failed inside the {Driver} driver ({error.GetType().Name}: {error.Message})");
        }
    }

    /// <summary>Carries out a checked command; throws <see cref="DeviceCommandException"/> when the device did not.</summary>
    protected abstract Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel);

    /// <summary>Records the link's state; a loss raises the connection alarm (major) with the reason, a link back clears it.</summary>
    protected void SetConnection(ConnectionState state, string? error = null)
    {
        ConnectionState was;
        lock (_gate)
        {
            was = _connection;
            if (was == state && _error == error)
                return;
            if (was != state)
                _since = Context.Time.GetUtcNow();
            _connection = state;
            _error = error;
        }
        if (state == ConnectionState.Lost && !Context.Alarms.IsActive(ConnectionAlarm))
        {
            Context.Alarms.Raise(ConnectionAlarm, AlarmSeverity.Major, $"{Name}: no link ({error ?? "no answer"})");
            Context.Logger.LogWarning("device {Device}: link lost ({Error})", Name, error);
        }
        else if (state == ConnectionState.Connected && was != ConnectionState.Connected)
        {
            Context.Alarms.Clear(ConnectionAlarm);
            Context.Logger.LogInformation("device {Device}: connected", Name);
        }
    }

    /// <summary>
    /// The loop of a polled device, on the driver's task, until <paramref name="stop"/>: each round <paramref name="poll"/>
    /// reads the device and the link is connected; the first round after the start or a loss then asserts the desired
    /// settings once (<paramref name="reassert"/>; a failure there loses the link again, which asks for the next one). A link
    /// error (<paramref name="isLinkError"/>) runs <paramref name="onLost"/>, loses the link and backs off: the wait is
    /// twice the interval per failure in a row, at most eight times. <paramref name="wait"/> waits (a trap may cut it short).
    /// </summary>
    protected async Task PollLoopAsync(Func<Task> poll, Func<Task> reassert, Func<Exception, bool> isLinkError, Action onLost,
        TimeSpan interval, Func<TimeSpan, CancellationToken, Task> wait, CancellationToken stop)
    {
        bool reasserting = true;
        int failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await poll().ConfigureAwait(false);
                SetConnection(ConnectionState.Connected);
                failures = 0;
                if (reasserting)
                {
                    reasserting = false;
                    await reassert().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (isLinkError(error))
            {
                onLost();
                SetConnection(ConnectionState.Lost, error.Message);
                reasserting = true;
                failures++;
            }
            try
            {
                await wait(interval * (1 << Math.Min(failures, 3)), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    protected void SetIdentity(string identity)
    {
        lock (_gate)
            _identity = identity;
    }

    protected void Measure(string name, double value, string unit)
    {
        lock (_gate)
            _measurements[name] = new Measurement(name, value, unit, Context.Time.GetUtcNow());
    }

    /// <summary>Records what the service asked a setting to be (<paramref name="desired"/>) and/or what the device reports (<paramref name="actual"/>); null leaves that side as it was.</summary>
    protected void SetSetting(string name, string? desired = null, string? actual = null)
    {
        lock (_gate)
        {
            var was = _settings.GetValueOrDefault(name);
            _settings[name] = new DeviceSetting(name, desired ?? was?.Desired, actual ?? was?.Actual);
        }
    }

    /// <summary>The settings whose actual value differs from the desired one: what to assert again after a reconnect.</summary>
    protected IReadOnlyList<DeviceSetting> Unsettled()
    {
        lock (_gate)
            return [.. _settings.Values.Where(s => s.Desired is not null && s.Desired != s.Actual)];
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync().ConfigureAwait(false);
        Context.Alarms.Clear(ConnectionAlarm);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the link and stops the driver's thread or task.</summary>
    protected abstract ValueTask DisposeCoreAsync();
}
