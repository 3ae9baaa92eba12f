using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Playout.Devices.Videohub;

/// <summary>
/// A Videohub router. Outputs and inputs are 1-based here (as on the router's front panel and in our settings
/// <c>route.N</c>, <c>lock.N</c>) and 0-based on the wire. The link lives on a task of its own: connect, read the prelude
/// (identity, counts, labels, routes, locks), re-assert the desired routes and locks that differ once, then PING every
/// <see cref="VideohubSettings.Ping"/> so an idle peer keeps the socket open. A lost link is retried with back-off
/// (0.5 s doubling to 5 s). ACK and NAK carry no request id, so one request is on the wire at a time; a request with
/// no answer within the timeout fails and drops the link (the next prelude resynchronises the state).
/// </summary>
internal sealed class VideohubDevice : Device
{
    /// <summary>Problems logged per connection: a babbling router must not flood the log.</summary>
    public const int LoggedProblems = 100;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(0.5), LastRetry = TimeSpan.FromSeconds(5);

    private readonly VideohubSettings _settings;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _exchange = new(1, 1);
    private readonly Lock _gate = new();
    private IReadOnlyList<DeviceCommandSpec> _commands = Specs(null, null);
    private Task? _run;
    private NetworkStream? _link;
    private CancellationTokenSource? _session;
    private string? _dropReason;
    private TaskCompletionSource<string>? _reply;
    private TaskCompletionSource? _prelude;
    private string? _version;
    private int? _inputs, _outputs;
    private int _problems;

    public VideohubDevice(string name, VideohubSettings settings, DeviceContext context) : base(name, "videohub", context) => _settings = settings;

    public override IReadOnlyList<DeviceCommandSpec>? Commands => Volatile.Read(ref _commands);

    public override void Start() => _run ??= Task.Run(() => RunAsync(_stop.Token));

    protected override async Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        int output = int.Parse(arguments["output"], CultureInfo.InvariantCulture);
        string setting = command == "route" ? Route(output) : LockOf(output);
        string value = command switch
        {
            "route" => int.Parse(arguments["input"], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            "lock" => "ours",
            _ => "unlocked",
        };
        SetSetting(setting, desired: value);
        try
        {
            await AssertAsync(setting, value, $"{command} {string.Join(" ", arguments.Select(a => $"{a.Key}={a.Value}"))}", cancel).ConfigureAwait(false);
        }
        catch (VideohubRefusal refused)
        {
            // The router will not take it (a lock held by another panel): withdraw the wish so a reconnect does not repeat it.
            if (Status().Settings.FirstOrDefault(s => s.Name == setting)?.Actual is { } actual)
                SetSetting(setting, desired: actual);
            throw new DeviceCommandException(refused.Message);
        }
    }

    /// <summary>Sends the request that makes <paramref name="setting"/> <paramref name="value"/> and waits for the ACK (taken as done: some routers ACK without echoing the route).</summary>
    private async Task AssertAsync(string setting, string value, string what, CancellationToken cancel)
    {
        int output = int.Parse(setting[(setting.IndexOf('.') + 1)..], CultureInfo.InvariantCulture) - 1;
        string request = setting.StartsWith("route.", StringComparison.Ordinal)
            ? VideohubWriter.Route(output, int.Parse(value, CultureInfo.InvariantCulture) - 1)
            : VideohubWriter.Lock(output, value == "ours" ? 'O' : 'U');
        if (await ExchangeAsync(request, what, cancel).ConfigureAwait(false) == "NAK")
            throw new VideohubRefusal($"{Name}: the router answered NAK to {what}");
        SetSetting(setting, actual: value);
    }

    /// <summary>Sends one request and returns its answer (ACK or NAK).</summary>
    /// <exception cref="DeviceCommandException">No link, the link was lost, or no answer within the timeout (the link is then dropped).</exception>
    private async Task<string> ExchangeAsync(string request, string what, CancellationToken cancel)
    {
        if (!await _exchange.WaitAsync(_settings.Timeout, cancel).ConfigureAwait(false))
            throw new DeviceCommandException($"{Name}: {what} not sent: the router has not answered the request before it for {Seconds(_settings.Timeout)}");
        try
        {
            var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            NetworkStream link;
            lock (_gate)
            {
                link = _link ?? throw new DeviceCommandException($"{Name}: {what} not sent: no link to {_settings.Address} ({Status().Error ?? "connecting"})");
                _reply = reply;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(_settings.Timeout);
            try
            {
                await link.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token).ConfigureAwait(false);
                return await reply.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                string why = $"no answer to {what} within {Seconds(_settings.Timeout)}";
                Drop(why);
                throw new DeviceCommandException($"{Name}: {why}");
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                throw new DeviceCommandException($"{Name}: {what} not sent: the link to {_settings.Address} closed ({e.Message})");
            }
        }
        finally
        {
            lock (_gate)
                _reply = null;
            _exchange.Release();
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            string reason;
            try
            {
                reason = await SessionAsync(() => retry = FirstRetry, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or SocketException or DeviceCommandException or OperationCanceledException or TimeoutException)
            {
                reason = TakeDropReason() ?? e.Message;
            }
            if (stop.IsCancellationRequested)
                return;
            SetConnection(ConnectionState.Lost, reason);
            try
            {
                await Task.Delay(retry, Context.Time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
        }
    }

    /// <summary>One connection, from connect to loss; returns why the router ended it.</summary>
    private async Task<string> SessionAsync(Action connected, CancellationToken stop)
    {
        using var client = new TcpClient { NoDelay = true };
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            connect.CancelAfter(_settings.Timeout);
            try
            {
                await client.ConnectAsync(_settings.Host, _settings.Port, connect.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                throw new TimeoutException($"no connection to {_settings.Address} within {Seconds(_settings.Timeout)}");
            }
        }
        var prelude = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
            (_link, _session, _dropReason, _prelude) = (client.GetStream(), session, null, prelude);
        var reading = ReadAsync(client.GetStream(), session.Token);
        try
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(session.Token))
            {
                wait.CancelAfter(_settings.Timeout);
                if (await Task.WhenAny(reading, prelude.Task.WaitAsync(wait.Token)).ConfigureAwait(false) == reading)
                    return await reading.ConfigureAwait(false);
                if (!prelude.Task.IsCompleted)
                    throw new TimeoutException($"no prelude from {_settings.Address} within {Seconds(_settings.Timeout)}");
            }
            SetConnection(ConnectionState.Connected);
            connected();
            await ReassertAsync(session.Token).ConfigureAwait(false);
            while (true)
            {
                var tick = Task.Delay(_settings.Ping, Context.Time, session.Token);
                if (await Task.WhenAny(reading, tick).ConfigureAwait(false) == reading)
                    return await reading.ConfigureAwait(false);
                await tick.ConfigureAwait(false);
                await ExchangeAsync(VideohubWriter.Ping, "PING", session.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            TaskCompletionSource<string>? pending;
            lock (_gate)
                (pending, _link, _session, _prelude) = (_reply, null, null, null);
            await session.CancelAsync().ConfigureAwait(false);
            client.Dispose();
            pending?.TrySetException(new DeviceCommandException($"{Name}: the link to {_settings.Address} was lost"));
            await reading.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>Asks again, once, for each route and lock whose desired value the router does not have (no command storms).</summary>
    private async Task ReassertAsync(CancellationToken cancel)
    {
        foreach (var setting in Unsettled())
        {
            Context.Logger.LogInformation("device {Device}: asserting {Setting}={Value} again (the router has {Actual})", Name, setting.Name, setting.Desired, setting.Actual);
            try
            {
                await AssertAsync(setting.Name, setting.Desired!, $"{setting.Name}={setting.Desired}", cancel).ConfigureAwait(false);
            }
            catch (VideohubRefusal refused)
            {
                Context.Logger.LogWarning("device {Device}: {Refusal}", Name, refused.Message);
            }
        }
    }

    /// <summary>Reads blocks until the router closes the link; returns that reason.</summary>
    private async Task<string> ReadAsync(NetworkStream stream, CancellationToken cancel)
    {
        _problems = 0;
        var reader = new VideohubReader(Problem);
        var decoder = Encoding.UTF8.GetDecoder();
        byte[] bytes = new byte[8192];
        char[] chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        while (true)
        {
            int count = await stream.ReadAsync(bytes, cancel).ConfigureAwait(false);
            if (count == 0)
                return $"{_settings.Address} closed the link";
            int decoded = decoder.GetChars(bytes, 0, count, chars, 0);
            foreach (var block in reader.Feed(chars.AsSpan(0, decoded)))
                Handle(block);
        }
    }

    private void Handle(VideohubBlock block)
    {
        switch (block.Header)
        {
            case "ACK" or "NAK":
                TaskCompletionSource<string>? reply;
                lock (_gate)
                    reply = _reply;
                if (reply is null || !reply.TrySetResult(block.Header))
                    Problem($"line {block.Line}: {block.Header} with no request waiting, ignored");
                break;
            case "PROTOCOL PREAMBLE:":
                _version = VideohubItems.Fields(block, Problem).GetValueOrDefault("Version");
                break;
            case "VIDEOHUB DEVICE:":
                var fields = VideohubItems.Fields(block, Problem);
                SetIdentity($"{fields.GetValueOrDefault("Model name", "Videohub")} (protocol {_version ?? "unknown"})");
                (_inputs, _outputs) = (Count(fields, "Video inputs", block), Count(fields, "Video outputs", block));
                Volatile.Write(ref _commands, Specs(_inputs, _outputs));
                if (_inputs is { } inputs)
                    Measure("inputs", inputs, "ports");
                if (_outputs is { } outputs)
                    Measure("outputs", outputs, "ports");
                break;
            case "INPUT LABELS:":
                foreach (var (index, label) in Ports(block, _inputs))
                    SetSetting($"input.{index + 1}.label", actual: label);
                break;
            case "OUTPUT LABELS:":
                foreach (var (index, label) in Ports(block, _outputs))
                    SetSetting($"output.{index + 1}.label", actual: label);
                break;
            case "VIDEO OUTPUT ROUTING:":
                foreach (var (index, input) in Ports(block, _outputs, VideohubItems.WholeNumber))
                    SetSetting(Route(index + 1), actual: (int.Parse(input, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));
                break;
            case "VIDEO OUTPUT LOCKS:":
                foreach (var (index, state) in Ports(block, _outputs, VideohubItems.LockState))
                    SetSetting(LockOf(index + 1), actual: state switch { "O" => "ours", "L" => "other", _ => "unlocked" });
                break;
            case "CONFIGURATION:":
                if (VideohubItems.Fields(block, Problem).TryGetValue("Take Mode", out string? take))
                    SetSetting("take-mode", actual: take);
                break;
            case "END PRELUDE:":
                TaskCompletionSource? prelude;
                lock (_gate)
                    prelude = _prelude;
                prelude?.TrySetResult();
                break;
            default:
                Context.Logger.LogDebug("device {Device}: {Header} block not used", Name, block.Header);
                break;
        }
    }

    /// <summary>The block's index items that name a port the router has (when its count is known).</summary>
    private IEnumerable<(int Index, string Value)> Ports(VideohubBlock block, int? count, Func<string, string?>? rest = null)
    {
        foreach (var item in VideohubItems.Indexed(block, Problem, rest))
        {
            if (item.Index < count)
                yield return item;
            else if (count is not null)
                Problem($"{block.Header} index {item.Index} is beyond the router's {count} ports, skipped");
            else
                yield return item;
        }
    }

    private int? Count(Dictionary<string, string> fields, string name, VideohubBlock block)
    {
        if (!fields.TryGetValue(name, out string? text))
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count is > 0 and <= 4096)
            return count;
        Problem($"line {block.Line}: {block.Header} '{name}: {text}' is not a port count, ignored");
        return null;
    }

    private static IReadOnlyList<DeviceCommandSpec> Specs(int? inputs, int? outputs)
    {
        var output = new DeviceParameterSpec("output", Min: 1, Max: outputs, Integer: true);
        return
        [
            new DeviceCommandSpec("route", "route an input to an output (1-based, as on the router)", [output, new DeviceParameterSpec("input", Min: 1, Max: inputs, Integer: true)]),
            new DeviceCommandSpec("lock", "lock an output to this client", [output]),
            new DeviceCommandSpec("unlock", "release this client's lock of an output", [output]),
        ];
    }

    /// <summary>Logs a problem with what the router sent (on the link's reading task only).</summary>
    private void Problem(string problem)
    {
        if (++_problems <= LoggedProblems)
            Context.Logger.LogWarning("device {Device}: {Problem} (from {Address})", Name, problem, _settings.Address);
        else if (_problems == LoggedProblems + 1)
            Context.Logger.LogWarning("device {Device}: more than {Count} problems with what {Address} sends; the rest of this link's are not logged", Name, LoggedProblems, _settings.Address);
    }

    private void Drop(string reason)
    {
        lock (_gate)
        {
            _dropReason ??= reason;
            _session?.Cancel();
        }
    }

    /// <summary>Why the last link was dropped on purpose, if it was; cleared, so a later failure gives its own reason.</summary>
    private string? TakeDropReason()
    {
        lock (_gate)
        {
            string? reason = _dropReason;
            _dropReason = null;
            return reason;
        }
    }

    private static string Route(int output) => $"route.{output}";

    private static string LockOf(int output) => $"lock.{output}";

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";

    protected override async ValueTask DisposeCoreAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
            await _run.ConfigureAwait(false);
        _stop.Dispose();
        _exchange.Dispose();
    }

    /// <summary>The router answered NAK.</summary>
    private sealed class VideohubRefusal(string message) : Exception(message);
}
