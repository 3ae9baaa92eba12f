using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Probes;
using Playout.Engine.Producers;
using Playout.Media.Formats;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;
using Playout.Snmp.PlayoutMib;
using ProbeState = Playout.Snmp.PlayoutMib.ProbeState;

namespace Playout.Benchmarks;

/// <summary>
/// The SNMP agent with a channel on air: a 1080i50 channel on the system clock (bars, the probes and the loudness meter
/// as the service runs them) and an agent whose channel table reads the channel's status on every request, as the
/// service's does (polled: at most four status reads a second reach the tick). First the channel runs alone, then with
/// two UDP clients sending 500 requests a second each, then eight as fast as the agent answers; half ask for the channel's
/// row (15 columns), half for 20 alarm rows (GETBULK). Reports the tick's p50/p99
/// in each phase and the requests answered per second.
/// `dotnet run -c Release --project bench/Playout.Benchmarks -- snmp-on-air [--seconds N]`.
/// </summary>
public static class SnmpOnAirBenchmark
{
    private static readonly PlayoutMibOids Oids = new(PlayoutMibOids.DocumentationEnterprise);

    public static int Run(string[] args, TextWriter output)
    {
        double seconds = new BenchArguments("snmp-on-air", args, "--seconds S", ["--seconds"]).Number("--seconds", 20, 1);
        using var alarms = new AlarmBoard(NullLogger.Instance);
        using var channel = TickPhase.OnAir(alarms, out var context);
        using var owned = context;
        for (int i = 0; i < 20; i++)
            alarms.Raise($"bench/layer {i}", AlarmSeverity.Warning, $"alarm {i}");

        var counters = new AgentCounters();
        var tree = new MibTree();
        StandardGroups.Register(tree, new SystemInfo("bench", Oids.Server, "", "bench", ""), counters, new VolatileEngine(32473, 65507), new UpTime());
        PlayoutMibObjects.Register(tree, Oids, new OnAirSource(channel, alarms));
        var agent = new SnmpAgent(new SnmpAgentOptions { Port = 0 }, tree, counters, [], Console.Error.WriteLine);
        agent.Start();
        try
        {
            var idle = Phase(channel, TimeSpan.FromSeconds(seconds), load: null, clients: 0, perSecond: 0);
            var paced = Phase(channel, TimeSpan.FromSeconds(seconds), agent.LocalEndPoint, clients: 2, perSecond: 500);
            var loaded = Phase(channel, TimeSpan.FromSeconds(seconds), agent.LocalEndPoint, clients: 8, perSecond: 0);
            output.WriteLine($"SNMP agent with a 1080i50 channel on air (system clock, probes and loudness), {seconds} s per phase, {Environment.ProcessorCount} cores");
            output.WriteLine("| Phase | Requests/s | Tick p50 (ms) | Tick p99 (ms) | Tick max (ms) | Late ticks |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            output.WriteLine(idle.Row("channel alone"));
            output.WriteLine(paced.Row("2 clients, 500 requests/s each: channel row, 20 alarm rows"));
            output.WriteLine(loaded.Row("8 clients as fast as answered: channel row, 20 alarm rows"));
        }
        finally
        {
            agent.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }

    /// <summary>Runs for <paramref name="duration"/>, loading the agent at <paramref name="load"/> when given; the tick times are this phase's own.</summary>
    /// <param name="perSecond">Requests each client sends a second; 0: the next as soon as the last is answered.</param>
    private static TickPhase Phase(Channel channel, TimeSpan duration, IPEndPoint? load, int clients, int perSecond) =>
        TickPhase.Measure(channel, duration, span => load is null ? 0 : Load(load, span, clients, perSecond));

    /// <summary><paramref name="clients"/> clients, half reading the channel row and half the alarm table; returns the answers received.</summary>
    private static long Load(IPEndPoint agent, TimeSpan duration, int clients, int perSecond)
    {
        var row = new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), Pdu.Request(PduType.Get, 1,
            [.. Enumerable.Range(2, 15).Select(column => new VarBind(Oids.ChannelEntry.Append((uint)column, 1)))])).Encode();
        var alarms = new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(),
            Pdu.Bulk(2, 0, 20, new VarBind(Oids.AlarmEntry.Append(PlayoutMibOids.Columns.AlarmText)))).Encode();
        var clock = Stopwatch.StartNew();
        return Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(agent);
            var buffer = new byte[65535];
            long answered = 0;
            while (clock.Elapsed < duration)
            {
                if (perSecond > 0 && clock.Elapsed.TotalSeconds * perSecond < answered)
                {
                    await Task.Delay(1);
                    continue;
                }
                await socket.SendAsync(client % 2 == 0 ? row : alarms);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                try
                {
                    await socket.ReceiveAsync(buffer, timeout.Token);
                    answered++;
                }
                catch (OperationCanceledException)
                {
                    // A datagram lost under load: send the next.
                }
            }
            return answered;
        }))).GetAwaiter().GetResult().Sum();
    }

    /// <summary>The channel table from the channel's polled status, the alarm table from the board: what the service's adapter reads.</summary>
    private sealed class OnAirSource(Channel channel, AlarmBoard alarms) : IPlayoutMibSource
    {
        private readonly PolledStatus<Channel> _status = new(() => [channel], c => c);

        public string ProductName => "Playout";

        public string ProductVersion => "bench";

        public IReadOnlyList<ChannelRow> Channels()
        {
            var status = _status.Read()[0].Status;
            var programme = status.Loudness?.Meters[0];
            return [new ChannelRow(1, status.Name, status.Format, ChannelState.OnAir, status.Layers.FirstOrDefault()?.Foreground ?? "", TimeSpan.Zero, "",
                (ulong)status.LateTicks, (ulong)status.SlippedFrames, programme?.Integrated, programme?.ShortTerm, programme?.TruePeak,
                ProbeState.Clear, ProbeState.Clear, ProbeState.Clear, Automated: false)];
        }

        public IReadOnlyList<OutputRow> Outputs() => [];

        public IReadOnlyList<AlarmRow> Alarms() =>
            [.. alarms.Listed.Select(a => new AlarmRow(a.Id, a.Source, (Severity)AlarmSeverities.X733(a.Severity), a.Message, a.RaisedAt, false, ""))];

        public IReadOnlyList<DeviceRow> Devices() => [];

        public IReadOnlyList<TxPairRow> TxPairs() => [];

        public bool CanChangeover(uint pairIndex, PairSide to) => false;

        public bool Changeover(uint pairIndex, PairSide to, string who) => false;

        public bool Act(uint channelIndex, ChannelAction action, string who) => false;

        public bool Acknowledge(long alarmId, string who) => false;
    }
}
