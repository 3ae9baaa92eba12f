using System.Globalization;
using Microsoft.Extensions.Logging;
using Playout.Devices.Profiles;
using Playout.Snmp.Data;
using Playout.Snmp.Manager;
using Playout.Snmp.Pdus;

namespace Playout.Devices.Transmitter;

/// <summary>
/// A transmitter polled over SNMP on a task of its own: every poll reads the profile's measurements, states and fault
/// flags in one GET; no answer loses the link (alarmed by the model) and polls back off; the first answer after a loss
/// asserts once the desired settings the transmitter does not show. Commands are SETs (with the write community over v2c).
/// With a trap listener, a trap from the transmitter's address cuts the wait short: a trip is seen within one round trip.
/// The same code drives any device a profile maps, under the driver's name (snmp-encoder too).
/// </summary>
internal sealed class SnmpTransmitterDevice : Device
{
    private readonly SnmpTransmitterSettings _settings;
    private readonly TransmitterProfile _profile;
    private readonly IReadOnlyList<Oid> _polled;
    private readonly SnmpManager _manager;
    private readonly CancellationTokenSource _stop = new();
    private readonly PollWake _wake;
    private readonly TransmitterTrapWatch _traps;
    private Task _loop = Task.CompletedTask;

    public SnmpTransmitterDevice(string name, DeviceContext context, SnmpTransmitterSettings settings, string driver = "snmp-transmitter") : base(name, driver, context)
    {
        _settings = settings;
        _profile = settings.Profile;
        _polled = TransmitterProfiles.Polled(_profile);
        _manager = new SnmpManager(settings.Address,
            new SnmpManagerOptions
            {
                Community = settings.Community, WriteCommunity = settings.WriteCommunity, User = settings.User, Timeout = settings.Timeout, Retries = settings.Retries,
            },
            report => context.Logger.LogDebug("device {Device}: {Report}", name, report));
        Commands = [.. _profile.Commands.Select(Spec)];
        _wake = new PollWake(context.Time);
        _traps = new TransmitterTrapWatch(name, settings, context.Logger, _wake);
    }

    public override IReadOnlyList<DeviceCommandSpec> Commands { get; }

    public override void Start()
    {
        if (_loop.IsCompleted)
        {
            _traps.Start();
            _loop = Task.Run(PollLoop);
        }
    }

    private bool _identified;

    private Task PollLoop() => PollLoopAsync(PollOnce, Reassert, error => error is SnmpManagerException, () => { }, _settings.Poll, _wake.WaitAsync, _stop.Token);

    /// <summary>The identity read once, then every measurement, state and fault object in one GET.</summary>
    private async Task PollOnce()
    {
        if (!_identified)
        {
            var identity = (await _manager.GetAsync([_profile.Identity], _stop.Token).ConfigureAwait(false))[0].Value;
            SetIdentity(identity is OctetString text ? text.Text : identity.ToString() ?? "");
            _identified = true;
        }
        Apply(await _manager.GetAsync(_polled, _stop.Token).ConfigureAwait(false));
    }

    private void Apply(IReadOnlyList<VarBind> values)
    {
        var byOid = values.ToDictionary(v => v.Oid, v => Number(v.Value));
        foreach (var m in _profile.Measurements)
            if (byOid.GetValueOrDefault(m.Oid) is { } n)
                Measure(m.Name, Math.Round(ProfileRules.Scaled(n, m.Scale) + m.Offset, 6), m.Unit);
        foreach (var s in _profile.States)
            if (byOid.GetValueOrDefault(s.Oid) is { } n)
                SetSetting(s.Name, actual: s.Values is { } words
                    ? words.GetValueOrDefault(((long)n).ToString(CultureInfo.InvariantCulture), ((long)n).ToString(CultureInfo.InvariantCulture))
                    : ProfileRules.Scaled(n, s.Scale).ToString(CultureInfo.InvariantCulture));
        foreach (var a in _profile.Alarms)
            if (byOid.GetValueOrDefault(a.Oid) is { } n)
                FaultAlarms.Set(Context, Name, a.Name, a.Bit is { } bit ? ((long)n >> bit & 1) == 1 : a.Active.Contains((int)n), a.Severity, a.Message);
    }

    private static double? Number(SnmpValue value) => value switch
    {
        Integer32 i => i.Value,
        UnsignedValue u => u.Value,
        _ => null,
    };

    private async Task Reassert()
    {
        foreach (var setting in Unsettled())
        {
            if (_profile.Commands.FirstOrDefault(c => c.Setting == setting.Name) is not { } command)
                continue;
            Context.Logger.LogInformation("device {Device}: asserting {Setting}={Desired} again (the device shows {Actual})", Name, setting.Name, setting.Desired, setting.Actual);
            await _manager.SetAsync([new VarBind(command.Oid, new Integer32(Encode(command, setting.Desired!)))], _stop.Token).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        var spec = _profile.Commands.First(c => c.Name == command);
        string? argument = spec.Parameter is { } parameter ? arguments[parameter] : null;
        int value = argument is null ? spec.Value : Encode(spec, argument);
        if (spec.Setting is { } setting && argument is not null)
            SetSetting(setting, desired: spec.Values is null ? Parse(argument).ToString(CultureInfo.InvariantCulture) : argument);
        try
        {
            await _manager.SetAsync([new VarBind(spec.Oid, new Integer32(value))], cancel).ConfigureAwait(false);
        }
        catch (SnmpManagerException error)
        {
            throw new DeviceCommandException($"{Name}: {command} not carried out: {error.Message}");
        }
    }

    /// <summary>The integer a command's (checked) argument is sent as.</summary>
    private static int Encode(ProfileCommand command, string argument) =>
        command.Values is { } values ? values[argument] : (int)Math.Round(Parse(argument) / command.Scale);

    private static double Parse(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static DeviceCommandSpec Spec(ProfileCommand command) =>
        new(command.Name, command.Description, ProfileRules.Parameters(command.Parameter, command.Values?.Keys, command.Min, command.Max, command.Unit));

    protected override async ValueTask DisposeCoreAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _traps.DisposeAsync().ConfigureAwait(false);
        _manager.Dispose();
        _stop.Dispose();
        foreach (var a in _profile.Alarms)
            Context.Alarms.Clear(FaultAlarms.Source(Name, a.Name));
    }
}
