using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Playout.Devices.Profiles;

namespace Playout.Devices.Serial;

/// <summary>
/// A device on a serial line spoken to in its ASCII protocol, as its profile describes, on a task of its own: the identity
/// query once, then every poll query per poll, their replies' groups becoming measurements, settings and fault alarms. A
/// request unanswered after its retries (a silent line) or a line that fails loses the link (alarmed by the model): the
/// port is closed and opened again with back-off, and the first poll answered after that asserts once the desired settings
/// the device does not show. Commands are the profile's templates, acknowledged or refused by the device.
/// </summary>
internal sealed class SerialAsciiDevice : Device
{
    /// <summary>Problems logged per opening of the line: a babbling device must not flood the log.</summary>
    public const int LoggedProblems = 100;

    private readonly SerialAsciiSettings _settings;
    private readonly SerialProfile _profile;
    private readonly SerialExchange _exchange;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _problems;

    public SerialAsciiDevice(string name, DeviceContext context, SerialAsciiSettings settings) : base(name, "serial-ascii", context)
    {
        _settings = settings;
        _profile = settings.Profile;
        _exchange = new SerialExchange(settings.Polling, Problem);
        Commands = [.. _profile.Commands.Select(c => new DeviceCommandSpec(c.Name, c.Description, c.Text is null
            ? ProfileRules.Parameters(c.Parameter, c.Values?.Keys, c.Min, c.Max, c.Unit)
            : [new DeviceParameterSpec(c.Parameter!, MaxLength: SerialText.Accepted)]))];
    }

    public override IReadOnlyList<DeviceCommandSpec> Commands { get; }

    public override void Start()
    {
        if (_loop.IsCompleted)
            _loop = Task.Run(PollLoop);
    }

    private bool _identified;

    private Task PollLoop() => PollLoopAsync(PollOnce, Reassert, error => error is SerialLinkException, Close, _settings.Polling.Poll,
        (wait, stop) => Task.Delay(wait, Context.Time, stop), _stop.Token);

    /// <summary>The port opened if it is not, the identity asked once, then every poll query.</summary>
    private async Task PollOnce()
    {
        _exchange.Line ??= Open();
        if (!_identified && _profile.Identity is { } identity)
        {
            var match = await _exchange.AskAsync(identity.Command, identity.Response, null, null, _stop.Token).ConfigureAwait(false);
            SetIdentity(match.Groups["identity"] is { Success: true } group ? group.Value : match.Value);
            _identified = true;
        }
        foreach (var poll in _profile.Polls)
            Apply(poll, await _exchange.AskAsync(poll.Command, poll.Response, null, null, _stop.Token).ConfigureAwait(false));
    }

    private SerialLine Open()
    {
        Interlocked.Exchange(ref _problems, 0);
        try
        {
            var line = new SerialLine(_settings.Port, _settings.Baud, _profile.Line, Problem);
            Context.Logger.LogInformation("device {Device}: {Port} open at {Baud} baud", Name, _settings.Port, _settings.Baud);
            return line;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw new SerialLinkException($"cannot open {_settings.Port}: {error.Message}");
        }
    }

    private void Close()
    {
        var line = _exchange.Line;
        _exchange.Line = null;
        line?.Dispose();
    }

    /// <summary>A poll's reply into the measurements, settings and fault alarms whose groups it has.</summary>
    private void Apply(SerialQuery poll, Match reply)
    {
        foreach (var m in _profile.Measurements)
            if (Group(poll, reply, m.Group ?? m.Name) is { } text)
            {
                if (Number(text) is { } n)
                    Measure(m.Name, ProfileRules.Scaled(n, m.Scale), m.Unit);
                else
                    Problem($"asked '{poll.Command}', got '{SerialLineReader.Shown(reply.Value)}': {m.Name} '{text}' is not a number");
            }
        foreach (var s in _profile.States)
            if (Group(poll, reply, s.Group ?? s.Name) is { } text)
                SetSetting(s.Name, actual: s.Values is { } words ? words.GetValueOrDefault(text, text)
                    : Number(text) is { } n ? ProfileRules.Scaled(n, s.Scale).ToString(CultureInfo.InvariantCulture) : text);
        foreach (var a in _profile.Alarms)
            if (Group(poll, reply, a.Group ?? a.Name) is { } text)
                FaultAlarms.Set(Context, Name, a.Name, a.Active.Contains(text, StringComparer.Ordinal), a.Severity, a.Message);
    }

    /// <summary>The text of group <paramref name="name"/> in a reply to <paramref name="poll"/>, or null when that reply has no such group or it matched nothing.</summary>
    private static string? Group(SerialQuery poll, Match reply, string name) =>
        poll.Response.GroupNumberFromName(name) >= 0 && reply.Groups[name] is { Success: true } group ? group.Value : null;

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && double.IsFinite(n) ? n : null;

    private async Task Reassert()
    {
        foreach (var setting in Unsettled())
        {
            if (_profile.Commands.FirstOrDefault(c => c.Setting == setting.Name) is not { } command)
                continue;
            Context.Logger.LogInformation("device {Device}: asserting {Setting}={Desired} again (the device shows {Actual})", Name, setting.Name, setting.Desired, setting.Actual);
            try
            {
                await Send(command, setting.Desired, null, _stop.Token).ConfigureAwait(false);
            }
            catch (SerialRefusedException refused)
            {
                Context.Logger.LogWarning("device {Device}: {Setting}={Desired} refused again: {Reply}", Name, setting.Name, setting.Desired, refused.Message);
            }
        }
    }

    protected override async Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        var spec = _profile.Commands.First(c => c.Name == command);
        string? argument = spec.Parameter is { } parameter ? arguments[parameter] : null;
        // Text goes (and is expected back) as the device takes it: folded and cut.
        if (spec.Text is { } text && argument is not null)
            argument = text.Shape(argument);
        if (spec.Setting is { } setting && argument is not null)
            SetSetting(setting, desired: spec.Values is null && spec.Text is null ? Number(argument)!.Value.ToString(CultureInfo.InvariantCulture) : argument);
        try
        {
            // A caller waits for the request on the wire (a poll's, another command's) only as long as its own would take.
            await Send(spec, argument, _exchange.Longest, cancel).ConfigureAwait(false);
        }
        catch (TimeoutException busy)
        {
            throw new DeviceCommandException($"{Name}: {command} not sent: {busy.Message}");
        }
        catch (SerialLinkException error)
        {
            throw new DeviceCommandException($"{Name}: {command} not carried out: {error.Message}");
        }
        catch (SerialRefusedException refused)
        {
            throw new DeviceCommandException($"{Name}: {command} refused by the device: {refused.Message}");
        }
    }

    /// <summary>Sends <paramref name="command"/> filled with its (checked) argument and waits for its acknowledgement.</summary>
    private Task<Match> Send(SerialCommand command, string? argument, TimeSpan? wait, CancellationToken cancel)
    {
        string text = command.Values is { } words ? command.Template.Fill(null, words[argument!])
            : argument is null || command.Text is not null ? command.Template.Fill(null, argument)
            : command.Template.Fill(Number(argument)!.Value / command.Scale, null);
        return _exchange.AskAsync(text, command.Acknowledge ?? _profile.Acknowledge, command.Error ?? _profile.Error, wait, cancel);
    }

    /// <summary>Logs a problem with what the device sent, saying what and where (at most <see cref="LoggedProblems"/> per opening of the line).</summary>
    private void Problem(string problem)
    {
        int count = Interlocked.Increment(ref _problems);
        if (count <= LoggedProblems)
            Context.Logger.LogWarning("device {Device}: {Port}: {Problem}", Name, _settings.Port, problem);
        else if (count == LoggedProblems + 1)
            Context.Logger.LogWarning("device {Device}: more than {Count} problems with what {Port} sends; the rest of this opening's are not logged", Name, LoggedProblems, _settings.Port);
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Close();
        _stop.Dispose();
        foreach (var a in _profile.Alarms)
            Context.Alarms.Clear(FaultAlarms.Source(Name, a.Name));
    }
}
