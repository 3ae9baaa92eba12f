using Playout.Snmp.PlayoutMib;

namespace Playout.Snmp.Tests;

/// <summary>A service's state as PLAYOUT-MIB sees it, held in memory: two channels, three outputs, two alarms.</summary>
internal sealed class InMemoryPlayout : IPlayoutMibSource
{
    private readonly Lock _lock = new();

    public string ProductName => "Playout";

    public string ProductVersion => "1.2.3-test";

    public List<ChannelRow> ChannelRows { get; } =
    [
        new(1, "main", "1080i5000", ChannelState.OnAir, "news at ten", TimeSpan.FromSeconds(12.5), "weather", 3, 1, -23.1, -22.95, -1.04, ProbeState.Clear, ProbeState.Clear, ProbeState.Detected, Automated: true),
        new(2, "backup", "720p5994", ChannelState.OffAir, "", TimeSpan.Zero, "", 0, 0, null, null, null, ProbeState.Off, ProbeState.Off, ProbeState.Off, Automated: false),
    ];

    public List<OutputRow> OutputRows { get; } =
    [
        new(1, 1, "stream", "udp://239.1.1.1:5000", OutputState.Running, 1000, 2),
        new(1, 2, "preview", "preview", OutputState.Running, 1000, 0),
        new(2, 1, "card", "decklink 1", OutputState.Stopped, 0, 0),
    ];

    public List<AlarmRow> AlarmRows { get; } =
    [
        new(7, "channel main/layer 10/producer", Severity.Major, "clip missing: a.mov", new DateTimeOffset(2026, 12, 5, 3, 4, 5, 600, TimeSpan.Zero), false, ""),
        new(42, "channel main/output 1", Severity.Warning, "late frames", new DateTimeOffset(2026, 12, 5, 3, 5, 0, TimeSpan.Zero), true, "alice"),
    ];

    public IReadOnlyList<ChannelRow> Channels() { lock (_lock) return [.. ChannelRows]; }

    public IReadOnlyList<OutputRow> Outputs() { lock (_lock) return [.. OutputRows]; }

    public IReadOnlyList<AlarmRow> Alarms() { lock (_lock) return [.. AlarmRows]; }

    public IReadOnlyList<DeviceRow> Devices() => [];

    public List<TxPairRow> TxPairRows { get; } =
    [
        new(1, "site", "tx-main", "tx-reserve", PairSide.Main, "", "tx-reserve: no link for 5 s", 0, "", ""),
    ];

    public IReadOnlyList<TxPairRow> TxPairs() { lock (_lock) return [.. TxPairRows]; }

    /// <summary>Whether the reserve side has a link (a changeover to it is refused without).</summary>
    public bool ReserveLinked { get; set; } = true;

    public bool CanChangeover(uint pairIndex, PairSide to) => to == PairSide.Main || ReserveLinked;

    /// <summary>The changeovers set, in order; each is done at once here.</summary>
    public List<(uint Pair, PairSide To, string Who)> Changeovers { get; } = [];

    public bool Changeover(uint pairIndex, PairSide to, string who)
    {
        lock (_lock)
        {
            var at = TxPairRows.FindIndex(p => p.Index == pairIndex);
            if (at < 0) return false;
            Changeovers.Add((pairIndex, to, who));
            TxPairRows[at] = TxPairRows[at] with { OnAir = to, Changeovers = TxPairRows[at].Changeovers + 1, LastReason = $"to {to} (by {who})" };
            return true;
        }
    }

    /// <summary>The channel actions done, in order.</summary>
    public List<(uint Channel, ChannelAction Action, string Who)> Actions { get; } = [];

    public bool Act(uint channelIndex, ChannelAction action, string who)
    {
        lock (_lock) Actions.Add((channelIndex, action, who));
        return true;
    }

    /// <summary>Makes <see cref="Acknowledge"/> fail, as when an alarm goes between a SET's test and its commit.</summary>
    public bool RefuseAcknowledge { get; set; }

    public bool Acknowledge(long alarmId, string who)
    {
        lock (_lock)
        {
            if (RefuseAcknowledge) return false;
            var at = AlarmRows.FindIndex(alarm => alarm.Id == alarmId);
            if (at < 0) return false;
            AlarmRows[at] = AlarmRows[at] with { Acked = true, AckUser = who };
            return true;
        }
    }
}
