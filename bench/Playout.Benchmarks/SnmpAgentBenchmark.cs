using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;
using Playout.Snmp.PlayoutMib;

namespace Playout.Benchmarks;

/// <summary>
/// SNMP agent requests per second: GET (one scalar, and a channel row's 15 columns) and GETBULK (max-repetitions 50
/// down the alarm table), through the whole pipeline in process and over loopback UDP (one client waiting for each
/// answer, and 8 clients at once). The MIB holds 4 channels, 12 outputs and 500 alarms.
/// `dotnet run -c Release --project bench/Playout.Benchmarks -- snmp [--seconds N]`.
/// </summary>
public static class SnmpAgentBenchmark
{
    private static readonly PlayoutMibOids Oids = new(PlayoutMibOids.DocumentationEnterprise);

    public static int Run(string[] args, TextWriter output)
    {
        var seconds = new BenchArguments("snmp", args, "--seconds S", ["--seconds"]).Number("--seconds", 3, 1);
        var duration = TimeSpan.FromSeconds(seconds);
        var requests = new (string Name, byte[] Datagram)[]
        {
            ("GET sysName.0", Request(Pdu.Request(PduType.Get, 1, new VarBind(Oid.Parse("1.3.6.1.2.1.1.5.0"))))),
            ("GET channel row (15 columns)", Request(Pdu.Request(PduType.Get, 2,
                [.. Enumerable.Range(2, 15).Select(column => new VarBind(Oids.ChannelEntry.Append((uint)column, 1)))]))),
            ("GETBULK 50 alarm rows", Request(Pdu.Bulk(3, 0, 50, new VarBind(Oids.AlarmEntry.Append(PlayoutMibOids.Columns.AlarmText))))),
        };
        var counters = new AgentCounters();
        var tree = Tree(counters);
        var options = new SnmpAgentOptions { Port = 0 };
        var processor = MessageProcessor.ForAgent(options, tree, counters, []);
        output.WriteLine($"| Request | In process (req/s) | UDP, 1 client (req/s) | UDP, 8 clients (req/s) |");
        output.WriteLine($"|---|---:|---:|---:|");
        using var agent = new AgentScope(options, tree, counters);
        foreach (var (name, datagram) in requests)
        {
            var inProcess = InProcess(processor, datagram, duration);
            var oneClient = OverUdp(agent.EndPoint, datagram, duration, clients: 1);
            var eightClients = OverUdp(agent.EndPoint, datagram, duration, clients: 8);
            output.WriteLine($"| {name} | {inProcess:N0} | {oneClient:N0} | {eightClients:N0} |");
        }
        return 0;
    }

    private static byte[] Request(Pdu pdu) => new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), pdu).Encode();

    private static MibTree Tree(AgentCounters counters)
    {
        var tree = new MibTree();
        StandardGroups.Register(tree, new SystemInfo("bench", Oids.Server, "", "bench", ""), counters, new VolatileEngine(32473, 65507), new UpTime());
        PlayoutMibObjects.Register(tree, Oids, new BenchSource());
        return tree;
    }

    private static double InProcess(MessageProcessor processor, byte[] datagram, TimeSpan duration)
    {
        var peer = new IPEndPoint(IPAddress.Loopback, 40000);
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration)
        {
            if (processor.Process(datagram, peer) is null) throw new InvalidOperationException("the agent did not answer");
            count++;
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private static double OverUdp(IPEndPoint agent, byte[] datagram, TimeSpan duration, int clients)
    {
        var clock = Stopwatch.StartNew();
        var counts = Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(agent);
            var buffer = new byte[65535];
            long count = 0;
            while (clock.Elapsed < duration)
            {
                await socket.SendAsync(datagram);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                try
                {
                    await socket.ReceiveAsync(buffer, timeout.Token);
                    count++;
                }
                catch (OperationCanceledException) { } // a datagram lost under load: send the next
            }
            return count;
        }))).GetAwaiter().GetResult();
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    private sealed class AgentScope : IDisposable
    {
        private readonly SnmpAgent _agent;

        public AgentScope(SnmpAgentOptions options, MibTree tree, AgentCounters counters)
        {
            _agent = new SnmpAgent(options, tree, counters, [], Console.Error.WriteLine);
            _agent.Start();
        }

        public IPEndPoint EndPoint => _agent.LocalEndPoint;

        public void Dispose() => _agent.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A service of 4 channels with 3 outputs each and 500 listed alarms.</summary>
    private sealed class BenchSource : IPlayoutMibSource
    {
        private static readonly DateTimeOffset Raised = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

        public string ProductName => "Playout";

        public string ProductVersion => "bench";

        public IReadOnlyList<ChannelRow> Channels() =>
        [
            .. Enumerable.Range(1, 4).Select(i => new ChannelRow((uint)i, $"channel {i}", "1080i5000", ChannelState.OnAir, "news", TimeSpan.FromMinutes(3),
                "weather", 12, 0, -23.0, -22.4, -1.2, ProbeState.Clear, ProbeState.Clear, ProbeState.Clear, Automated: true)),
        ];

        public IReadOnlyList<OutputRow> Outputs() =>
            [.. Enumerable.Range(1, 4).SelectMany(c => Enumerable.Range(1, 3).Select(o => new OutputRow((uint)c, (uint)o, "stream", "udp://239.0.0.1:5000", OutputState.Running, 100_000, 3)))];

        public IReadOnlyList<AlarmRow> Alarms() =>
            [.. Enumerable.Range(1, 500).Select(i => new AlarmRow(i, $"channel {i % 4 + 1}/layer 10", Severity.Major, $"clip {i} missing", Raised, false, ""))];

        public IReadOnlyList<DeviceRow> Devices() => [];

        public IReadOnlyList<TxPairRow> TxPairs() => [];

        public bool CanChangeover(uint pairIndex, PairSide to) => false;

        public bool Changeover(uint pairIndex, PairSide to, string who) => false;

        public bool Act(uint channelIndex, ChannelAction action, string who) => false;

        public bool Acknowledge(long alarmId, string who) => false;
    }
}
