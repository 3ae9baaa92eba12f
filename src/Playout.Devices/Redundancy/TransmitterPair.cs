using System.Globalization;
using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;

namespace Playout.Devices.Redundancy;

/// <summary>
/// A main and a reserve transmitter watched on a task of the pair's own: a fault of the one on air (any alarm of that
/// device but its link, standing for the hold-off; or no link for the comms-loss time) puts the other on air (its RF on,
/// then the faulty one's RF off where it still answers). While on reserve the alarm <c>transmitters NAME/changeover</c>
/// stands; both faulty raises <c>transmitters NAME/both</c> (critical) and nothing switches, so the pair never flaps.
/// Main comes back by an operator, by itself after <see cref="TransmitterPairPolicy.RestoreAfter"/> healthy when the
/// policy restores, or when the reserve fails while main is healthy. Inside a break window (<see cref="IBreakWindow"/>) an
/// automatic changeover waits for the break's end unless its fault is critical (raising <c>transmitters NAME/held</c>),
/// and so does a restore.
/// </summary>
public sealed class TransmitterPair : IAsyncDisposable
{
    private const string Automatic = "automatic";
    private readonly Device _main;
    private readonly Device _reserve;
    private readonly TransmitterPairPolicy _policy;
    private readonly DeviceContext _context;
    private readonly IBreakWindow? _breaks;
    private readonly SemaphoreSlim _switching = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<Device, DateTimeOffset> _faultSince = [];
    private DateTimeOffset? _mainHealthySince;
    private TransmitterSide _onAir = TransmitterSide.Main;
    private TransmitterChangeover? _last;
    private string? _held;
    private long _changeovers;
    private Task _loop = Task.CompletedTask;

    /// <param name="breaks">The break windows of the programme on air, where changeovers wait; null: none.</param>
    public TransmitterPair(string name, Device main, Device reserve, TransmitterPairPolicy policy, DeviceContext context, IBreakWindow? breaks = null)
    {
        Name = name;
        _breaks = breaks;
        _main = main;
        _reserve = reserve;
        _policy = policy;
        _context = context;
        ChangeoverAlarm = $"transmitters {name}/changeover";
        BothFaultyAlarm = $"transmitters {name}/both";
        FailedAlarm = $"transmitters {name}/failed";
        HeldAlarm = $"transmitters {name}/held";
    }

    /// <summary>What a schedule (or another caller by name) sends a pair: <c>changeover to=main|reserve</c>.</summary>
    public static DeviceCommandSpec ChangeoverCommand { get; } =
        new("changeover", "Put the main or the reserve transmitter on air", [new DeviceParameterSpec("to", Values: ["main", "reserve"])]);

    public string Name { get; }
    public Device Main => _main;
    public Device Reserve => _reserve;
    public string ChangeoverAlarm { get; }
    public string BothFaultyAlarm { get; }
    public string FailedAlarm { get; }
    public string HeldAlarm { get; }

    /// <summary>Each changeover once it is done (the service writes it to the as-run logs).</summary>
    public event Action<TransmitterChangeover>? ChangedOver;

    public TransmitterPairStatus Status()
    {
        var now = _context.Time.GetUtcNow();
        lock (_gate)
            return new TransmitterPairStatus(Name, _main.Name, _reserve.Name, _onAir == TransmitterSide.Main ? "onMain" : "onReserve", _onAir,
                Fault(_main, now)?.Why, Fault(_reserve, now)?.Why, _last, _held, _changeovers);
    }

    public void Start()
    {
        if (_loop.IsCompleted)
            _loop = Task.Run(WatchLoop);
    }

    /// <summary>An operator's changeover: RF on the side asked for, then off on the other where it answers; throws <see cref="DeviceCommandException"/> when the side asked for did not take RF on.</summary>
    public Task ChangeoverAsync(TransmitterSide to, string who, CancellationToken cancel) => SwitchAsync(to, "manual", who, cancel);

    private async Task WatchLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Watch().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (DeviceCommandException error)
            {
                // Tried again each look (never faster: no command storm on a transmitter that refuses at once); alarmed
                // and logged once until a changeover succeeds.
                if (!_context.Alarms.IsActive(FailedAlarm))
                {
                    _context.Alarms.Raise(FailedAlarm, AlarmSeverity.Critical, $"{Name}: automatic changeover failed: {error.Message}");
                    _context.Logger.LogError("transmitters {Pair}: automatic changeover failed: {Reason}", Name, error.Message);
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Whatever else goes wrong in one look (a break window that cannot be read), the pair keeps watching.
                _context.Logger.LogError(error, "transmitters {Pair}: a look at the transmitters failed", Name);
            }
            try
            {
                await Task.Delay(_policy.Poll, _context.Time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look at both transmitters: what is faulty now, and whether that lasted long enough to change over.</summary>
    private async Task Watch()
    {
        var now = _context.Time.GetUtcNow();
        Trouble? mainFault = Confirmed(_main, now), reserveFault = Confirmed(_reserve, now);
        string? mainNow = Fault(_main, now)?.Why, reserveNow = Fault(_reserve, now)?.Why;
        TransmitterSide onAir;
        lock (_gate)
        {
            onAir = _onAir;
            _mainHealthySince = mainNow is null ? _mainHealthySince ?? now : null;
        }
        var (onAirFault, otherNow, other) = onAir == TransmitterSide.Main ? (mainFault, reserveNow, TransmitterSide.Reserve) : (reserveFault, mainNow, TransmitterSide.Main);
        if (onAirFault is not null && otherNow is not null)
        {
            Hold(null);
            if (!_context.Alarms.IsActive(BothFaultyAlarm))
            {
                _context.Alarms.Raise(BothFaultyAlarm, AlarmSeverity.Critical, $"{Name}: both transmitters faulty ({mainNow}; {reserveNow}): no changeover");
                _context.Logger.LogError("transmitters {Pair}: both faulty ({Main}; {Reserve})", Name, mainNow, reserveNow);
            }
            return;
        }
        if (_context.Alarms.IsActive(BothFaultyAlarm))
            _context.Alarms.Clear(BothFaultyAlarm);
        string? why = onAirFault is not null ? $"automatic: {onAirFault.Why}"
            : onAir == TransmitterSide.Reserve && _policy.Restore && mainNow is null && now - _mainHealthySince >= _policy.RestoreAfter
                ? $"automatic: restore, {_main.Name} healthy for {_policy.RestoreAfter.TotalSeconds:0.###} s" : null;
        var to = onAirFault is not null ? other : TransmitterSide.Main;
        if (why is null)
            Hold(null);
        else if (onAirFault is not { Critical: true } && _breaks?.Current() is { } inBreak)
            Hold($"changeover to {Side(to)} held until {inBreak} ends ({why})");
        else
            await SwitchAsync(to, why, Automatic, _stop.Token).ConfigureAwait(false);
    }

    /// <summary>Shows (and alarms, minor) an automatic changeover waiting for a break's end; null: nothing waits.</summary>
    private void Hold(string? held)
    {
        lock (_gate)
        {
            if (_held == held)
                return;
            _held = held;
        }
        if (held is null)
        {
            _context.Alarms.Clear(HeldAlarm);
            return;
        }
        _context.Alarms.Raise(HeldAlarm, AlarmSeverity.Minor, $"{Name}: {held}");
        _context.Logger.LogWarning("transmitters {Pair}: {Held}", Name, held);
    }

    private static string Side(TransmitterSide side) => side == TransmitterSide.Main ? "main" : "reserve";

    /// <summary>A transmitter's fault: why, and whether it is critical (a critical fault alarm: it changes over even inside a break).</summary>
    private sealed record Trouble(string Why, bool Critical);

    /// <summary>Why <paramref name="device"/> is faulty now (a fault alarm, or no link for the comms-loss time), or null.</summary>
    private Trouble? Fault(Device device, DateTimeOffset now) => LinkLoss(device, now) ?? FaultAlarm(device);

    /// <summary>No link for the comms-loss time: not critical, as nothing says the transmitter is off air.</summary>
    private Trouble? LinkLoss(Device device, DateTimeOffset now)
    {
        var status = device.Status();
        return status.Connection != ConnectionState.Connected && now - status.Since >= _policy.CommsLoss
            ? new Trouble($"{device.Name}: no link for {_policy.CommsLoss.TotalSeconds:0.###} s", false) : null;
    }

    /// <summary>The device's gravest fault alarm (any but its link's).</summary>
    private Trouble? FaultAlarm(Device device)
    {
        string prefix = $"device {device.Name}/";
        var alarm = _context.Alarms.Active.Where(a => a.Source.StartsWith(prefix, StringComparison.Ordinal) && a.Source != device.ConnectionAlarm)
            .OrderBy(a => a.Severity != AlarmSeverity.Critical).FirstOrDefault();
        return alarm is null ? null : new Trouble(alarm.Message, alarm.Severity == AlarmSeverity.Critical);
    }

    /// <summary>The fault of <paramref name="device"/> once it has stood for the hold-off (a link loss has stood for its own time), or null.</summary>
    private Trouble? Confirmed(Device device, DateTimeOffset now)
    {
        if (LinkLoss(device, now) is { } lost)
            return lost;
        var alarm = FaultAlarm(device);
        lock (_gate)
        {
            if (alarm is null)
            {
                _faultSince.Remove(device);
                return null;
            }
            var since = _faultSince.TryAdd(device, now) ? now : _faultSince[device];
            return now - since >= _policy.HoldOff ? alarm : null;
        }
    }

    private async Task SwitchAsync(TransmitterSide to, string why, string who, CancellationToken cancel)
    {
        await _switching.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            // An operator may have changed over while the watch decided: it does not switch again.
            lock (_gate)
                if (who == Automatic && _onAir == to)
                    return;
            var (on, off) = to == TransmitterSide.Main ? (_main, _reserve) : (_reserve, _main);
            await on.SendAsync("rf", new Dictionary<string, string> { ["state"] = "on" }, cancel).ConfigureAwait(false);
            if (off.Status().Connection == ConnectionState.Connected)
            {
                try
                {
                    await off.SendAsync("rf", new Dictionary<string, string> { ["state"] = "off" }, cancel).ConfigureAwait(false);
                }
                catch (DeviceCommandException error)
                {
                    _context.Logger.LogWarning("transmitters {Pair}: RF off on {Device} not carried out: {Reason}", Name, off.Name, error.Message);
                }
            }
            var changeover = new TransmitterChangeover(Name, _context.Time.GetUtcNow(), to, why, who);
            lock (_gate)
            {
                _onAir = to;
                _last = changeover;
                _changeovers++;
                _held = null;
                _faultSince.Clear();
            }
            _context.Alarms.Clear(FailedAlarm);
            _context.Alarms.Clear(HeldAlarm);
            if (to == TransmitterSide.Reserve)
                _context.Alarms.Raise(ChangeoverAlarm, AlarmSeverity.Major,
                    $"{Name}: on reserve ({_reserve.Name}) since {changeover.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC because {why} (by {who})");
            else
                _context.Alarms.Clear(ChangeoverAlarm);
            _context.Logger.LogWarning("transmitters {Pair}: changed over to {Side} ({To}) because {Why} (by {Who})", Name, to, on.Name, why, who);
            try
            {
                ChangedOver?.Invoke(changeover);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Whoever records the changeover (as-run) failing must not stop the watch: the pair is what keeps the air up.
                _context.Logger.LogError(error, "transmitters {Pair}: recording the changeover to {Side} failed", Name, to);
            }
        }
        finally
        {
            _switching.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _switching.Dispose();
        _context.Alarms.Clear(ChangeoverAlarm);
        _context.Alarms.Clear(BothFaultyAlarm);
        _context.Alarms.Clear(FailedAlarm);
        _context.Alarms.Clear(HeldAlarm);
    }
}
