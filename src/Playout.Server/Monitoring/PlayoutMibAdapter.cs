using Microsoft.Extensions.Logging;
using Playout.Devices;
using Playout.Devices.Redundancy;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Probes;
using Playout.Media.Time;
using Playout.Server.Hosting;
using Playout.Snmp.PlayoutMib;
using ProbeState = Playout.Snmp.PlayoutMib.ProbeState;

namespace Playout.Server.Monitoring;

/// <summary>
/// PLAYOUT-MIB's view of the service: the channels on air (numbered as in the configuration and the REST API), their
/// outputs and the alarm board. Channels' status comes through <see cref="PolledStatus{T}"/>: however fast managers poll,
/// the ticks answer a few status requests a second.
/// </summary>
internal sealed class PlayoutMibAdapter : IPlayoutMibSource
{
    private readonly ServiceConfig _config;
    private readonly AlarmBoard _alarms;
    private readonly PolledStatus<ChannelRuntime> _statuses;
    private ChannelRuntime[] _channels = [];
    private DeviceRegistry? _devices;
    private PairsView? _pairs;

    public PlayoutMibAdapter(ServiceConfig config, AlarmBoard alarms, string version)
    {
        (_config, _alarms, ProductVersion) = (config, alarms, version);
        _statuses = new PolledStatus<ChannelRuntime>(() => Volatile.Read(ref _channels), c => c.Channel);
    }

    public string ProductName => "Playout";

    public string ProductVersion { get; }

    public IReadOnlyList<ChannelRow> Channels()
    {
        var active = _alarms.Active;
        return [.. _statuses.Read().Select((c, i) => Channel((uint)(i + 1), c.Item, c.Status, active))];
    }

    public IReadOnlyList<OutputRow> Outputs()
    {
        var rows = new List<OutputRow>();
        foreach (var ((channel, status), i) in _statuses.Read().Select((c, i) => (c, i)))
        {
            var channelConfig = _config.Channels.FirstOrDefault(c => c.Name == channel.Channel.Name);
            var outputs = channelConfig?.Outputs ?? [];
            // The configured outputs come first among the consumers; the channel's own probes after them are no output.
            for (var o = 0; o < Math.Min(status.Consumers.Count, outputs.Count); o++)
            {
                var consumer = status.Consumers[o];
                var output = outputs[o];
                var state = !status.Running ? OutputState.Stopped
                    : _alarms.IsActive($"{channel.Channel.Name}/output {consumer.Name}") ? OutputState.Failing
                    : OutputState.Running;
                rows.Add(new OutputRow((uint)(i + 1), (uint)(o + 1), output.Type.ConfigName(),
                    Target(channelConfig, output, consumer.Name), state, (ulong)consumer.Counters.Sent, (ulong)consumer.Counters.Dropped));
            }
        }
        return rows;
    }

    public IReadOnlyList<AlarmRow> Alarms() => [.. _alarms.Listed.Select(Row)];

    /// <summary>The service's devices, numbered from 1 in configuration order: online while their link is up, offline while it is lost.</summary>
    public IReadOnlyList<DeviceRow> Devices() =>
        Volatile.Read(ref _devices)?.All.Select((device, i) => Row((uint)(i + 1), device.Status())).ToList() ?? [];

    private static DeviceRow Row(uint index, DeviceStatus status) => new(index, status.Name, status.Driver, status.Connection switch
    {
        ConnectionState.Connected => DeviceState.Online,
        ConnectionState.Lost => DeviceState.Offline,
        _ => DeviceState.Unknown,
    });

    /// <summary>Lists <paramref name="devices"/> in deviceTable from now on.</summary>
    public void Watch(DeviceRegistry devices) => Volatile.Write(ref _devices, devices);

    /// <summary>Lists <paramref name="pairs"/> in txPairTable from now on; a changeover set over SNMP that fails is logged to <paramref name="log"/>.</summary>
    public void Watch(IReadOnlyList<TransmitterPair> pairs, ILogger log) => Volatile.Write(ref _pairs, new PairsView(pairs, log));

    private sealed record PairsView(IReadOnlyList<TransmitterPair> All, ILogger Log);

    public IReadOnlyList<TxPairRow> TxPairs() => Volatile.Read(ref _pairs)?.All.Select((pair, i) => Row((uint)(i + 1), pair.Status())).ToList() ?? [];

    /// <summary>A pair's row (the notification's objects name it by <paramref name="index"/>).</summary>
    public static TxPairRow Row(uint index, TransmitterPairStatus pair) => new(index, pair.Name, pair.Main, pair.Reserve,
        pair.OnAir == TransmitterSide.Main ? PairSide.Main : PairSide.Reserve, pair.MainFault ?? "", pair.ReserveFault ?? "", (ulong)pair.Changeovers,
        pair.LastChangeover is { } last
            ? $"to {(last.To == TransmitterSide.Main ? "main" : "reserve")} at {last.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC because {last.Why} (by {last.Who})" : "",
        pair.Held ?? "");

    public bool CanChangeover(uint pairIndex, PairSide to) => Pair(pairIndex) is { } pair
        && (to == PairSide.Main ? pair.Main : pair.Reserve).Status().Connection == ConnectionState.Connected;

    public bool Changeover(uint pairIndex, PairSide to, string who)
    {
        if (Pair(pairIndex) is not { } pair || Volatile.Read(ref _pairs) is not { Log: var log })
            return false;
        var side = to == PairSide.Main ? TransmitterSide.Main : TransmitterSide.Reserve;
        if (pair.Status().OnAir == side)
            return true;
        // The agent answers at once and never waits on a transmitter: the changeover runs after it (and traps when done).
        _ = Task.Run(async () =>
        {
            try
            {
                await pair.ChangeoverAsync(side, who, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DeviceCommandException error)
            {
                log.LogWarning("transmitters {Pair}: changeover to {Side} set over SNMP by {Who} was not carried out: {Reason}", pair.Name, side, who, error.Message);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // On a task nobody awaits (the service stopping under it, say): logged here or never seen.
                log.LogError(error, "transmitters {Pair}: changeover to {Side} set over SNMP by {Who} failed", pair.Name, side, who);
            }
        });
        return true;
    }

    private TransmitterPair? Pair(uint index) => Volatile.Read(ref _pairs) is { All: var all } && index >= 1 && index <= all.Count ? all[(int)index - 1] : null;

    public bool Act(uint channelIndex, ChannelAction action, string who)
    {
        var channels = Snapshot();
        if (channelIndex < 1 || channelIndex > channels.Length || channels[channelIndex - 1].Automation is not { } automation) return false;
        var schedule = automation.Automation;
        var result = action switch
        {
            ChannelAction.Take => schedule.Take(who),
            ChannelAction.Hold => schedule.Hold(who),
            ChannelAction.Release => schedule.Release(who),
            ChannelAction.Skip => schedule.Skip(who),
            _ => null,
        };
        return result?.Ok == true;
    }

    public bool Acknowledge(long alarmId, string who) => _alarms.Acknowledge(alarmId, who, "acknowledged over SNMP");

    public static AlarmRow Row(Alarm alarm) => new(alarm.Id, alarm.Source,
        alarm.ClearedAt is null ? (Severity)AlarmSeverities.X733(alarm.Severity) : Severity.Cleared,
        alarm.Message, alarm.RaisedAt, alarm.Ack is not null, alarm.Ack?.Who ?? "");

    /// <summary>The channels on air, once they all are (the agent listens from before air, and shows no channel until then).</summary>
    public void OnAir(IEnumerable<ChannelRuntime> channels) => Volatile.Write(ref _channels, [.. channels]);

    private ChannelRuntime[] Snapshot() => Volatile.Read(ref _channels);

    private static ChannelRow Channel(uint index, ChannelRuntime channel, ChannelStatus status, IReadOnlyList<Alarm> active)
    {
        var state = !status.Running ? ChannelState.OffAir
            : active.Any(alarm => alarm.Channel == status.Name) ? ChannelState.Degraded
            : ChannelState.OnAir;
        var (onAir, remaining, next) = Programme(channel, status);
        var programme = status.Loudness?.Meters[0];
        return new ChannelRow(index, status.Name, status.Format, state, onAir, remaining, next,
            (ulong)Math.Max(0, status.LateTicks), (ulong)Math.Max(0, status.SlippedFrames),
            programme?.Integrated, programme?.ShortTerm, programme?.TruePeak,
            Probe(status, ProbeKind.Black), Probe(status, ProbeKind.Freeze), Probe(status, ProbeKind.Silence), channel.Automation is not null);
    }

    /// <summary>probeState: off when the channel runs no probes, else whether it sees the condition now.</summary>
    private static ProbeState Probe(ChannelStatus status, ProbeKind kind) =>
        status.Probes is not { } probes ? ProbeState.Off : probes[kind].Active ? ProbeState.Detected : ProbeState.Clear;

    /// <summary>What is on air, for how much longer, and what follows: from the schedule when automated, else from the lowest layer's clip.</summary>
    private static (string OnAir, TimeSpan Remaining, string Next) Programme(ChannelRuntime channel, ChannelStatus status)
    {
        if (channel.Automation is { } automation)
        {
            var schedule = automation.Automation.Status();
            var remaining = schedule.OnAir?.Remaining is { } text && Timecode.TryParse(text, automation.Time.Rate, out var timecode)
                ? channel.Context.Format.TimeOf(timecode.FrameCount) : TimeSpan.Zero;
            return (schedule.OnAir?.Title ?? "", remaining, schedule.Next?.Title ?? "");
        }
        var layer = status.Layers.Where(l => l.Foreground is not null).MinBy(l => l.Number);
        if (layer is null) return ("", TimeSpan.Zero, "");
        var left = layer.Length is { } length ? channel.Context.Format.TimeOf(Math.Max(0, length - layer.Position)) : TimeSpan.Zero;
        return (layer.Foreground!, left, layer.Background ?? "");
    }

    /// <summary>outputTarget: a stream's URL, a card's driver and output, a flow's rtp:// destination, an HLS output's folder, else the consumer's name.</summary>
    private static string Target(ChannelConfig? channel, OutputConfig output, string consumer) => output.Type switch
    {
        OutputKind.Stream when output.Url is { } url => url,
        OutputKind.Card when channel?.Card is { } card => $"{card.Driver} output {card.Output}",
        OutputKind.St2110 or OutputKind.St2110Audio or OutputKind.St2110Anc when output.Destination is { } destination => $"rtp://{destination}",
        OutputKind.Hls when output.Folder is { } folder => $"hls {folder}",
        _ => consumer,
    };
}
