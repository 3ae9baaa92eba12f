using System.Net;
using System.Net.Sockets;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;
using Playout.Snmp.PlayoutMib;

namespace Playout.Snmp.Tests;

/// <summary>
/// Malformed and random datagrams never stop the agent: each is counted and dropped (or answered, when a
/// mutation happens to make a valid request). 100,000 by default, mostly in-process with a share over UDP;
/// PLAYOUT_SNMP_FUZZ_COUNT sets more for a long run.
/// </summary>
public class FuzzTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_SNMP_FUZZ_COUNT"), out var count) ? count : 100_000;

    private static readonly byte[][] Valid =
    [
        Request(Pdu.Request(PduType.Get, 1, new VarBind(Oid.Parse("1.3.6.1.2.1.1.5.0")))),
        Request(Pdu.Request(PduType.GetNext, 2, new VarBind(Oid.Parse("1.3.6.1.4.1.32473")))),
        Request(Pdu.Bulk(3, 1, 10, new VarBind(Oid.Parse("1.3.6.1.2.1.1")), new VarBind(Oid.Parse("1.3.6.1.4.1.32473.1.4")))),
        Request(Pdu.Request(PduType.Set, 4, new VarBind(Oid.Parse("1.3.6.1.4.1.32473.1.4.1.1.6.7"), new Integer32(1)))),
    ];

    private static byte[] Request(Pdu pdu, string community = "public", SnmpVersion version = SnmpVersion.V2c) =>
        new CommunityMessage(version, System.Text.Encoding.UTF8.GetBytes(community), pdu).Encode();

    /// <summary>One junk datagram of a kind chosen by <paramref name="random"/>.</summary>
    private static byte[] Junk(Random random)
    {
        var valid = Valid[random.Next(Valid.Length)];
        switch (random.Next(8))
        {
            case 0: // truncated
                return valid[..random.Next(valid.Length)];
            case 1: // a length field claiming far more than there is
            {
                var bytes = (byte[])valid.Clone();
                var at = random.Next(bytes.Length - 1);
                bytes[at] = (byte)(0x80 | random.Next(1, 9));
                return [.. bytes[..(at + 1)], 0x7F, 0xFF, 0xFF, 0xFF, .. bytes[(at + 1)..]];
            }
            case 2: // wrong or unknown versions
                return Request(Pdu.Request(PduType.Get, 5, new VarBind(Oid.Parse("1.3.6.1.2.1.1.5.0"))), version: (SnmpVersion)random.Next(-3, 300));
            case 3: // random bytes
            {
                var bytes = new byte[random.Next(0, 600)];
                random.NextBytes(bytes);
                return bytes;
            }
            case 4: // random bytes in an SNMP-looking envelope
            {
                var bytes = new byte[random.Next(2, 200)];
                random.NextBytes(bytes);
                return [0x30, (byte)(bytes.Length + 3), 0x02, 0x01, 0x01, .. bytes];
            }
            case 5: // deep nesting of indefinite-length sequences
                return [.. Enumerable.Repeat(new byte[] { 0x30, 0x80 }, random.Next(1, 5000)).SelectMany(pair => pair)];
            default: // mutated valid requests: flipped, inserted and deleted octets
            {
                var bytes = valid.ToList();
                for (var edits = random.Next(1, 6); edits > 0 && bytes.Count > 1; edits--)
                {
                    var at = random.Next(bytes.Count);
                    switch (random.Next(3))
                    {
                        case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                        case 1: bytes.Insert(at, (byte)random.Next(256)); break;
                        default: bytes.RemoveAt(at); break;
                    }
                }
                return [.. bytes];
            }
        }
    }

    private static void RegisterPlayout(Mib.MibTree tree) =>
        PlayoutMibObjects.Register(tree, new PlayoutMibOids(PlayoutMibOids.DocumentationEnterprise), new InMemoryPlayout());

    [Fact]
    public void Junk_through_the_pipeline_is_counted_and_dropped_and_valid_requests_are_still_answered()
    {
        var agent = new InProcessAgent(RegisterPlayout);
        var random = new Random(12345);
        var answered = 0;
        var inProcess = Count - Count / 20;
        for (var i = 0; i < inProcess; i++)
            if (agent.Processor.Process(Junk(random), InProcessAgent.Peer) is not null) answered++;
        Assert.Equal((uint)inProcess, agent.Counters.InPkts);
        Assert.True(agent.Counters.InAsnParseErrs > inProcess / 4, $"parse errors {agent.Counters.InAsnParseErrs}");
        Assert.True(agent.Counters.InBadVersions > inProcess / 20, $"bad versions {agent.Counters.InBadVersions}");
        Assert.True(answered < inProcess / 2, $"answered {answered}");
        var response = agent.Ask(Pdu.Request(PduType.Get, 77, new VarBind(Oid.Parse("1.3.6.1.2.1.1.5.0"))))!;
        Assert.Equal(new OctetString("playout-test"), response.VarBinds[0].Value);
    }

    [Fact]
    public async Task Junk_over_udp_leaves_the_agent_answering_snmpget()
    {
        await using var agent = TestAgent.Start(RegisterPlayout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = new IPEndPoint(IPAddress.Loopback, agent.Port);
        var random = new Random(54321);
        var share = Count / 20;
        for (var i = 0; i < share; i++)
        {
            await socket.SendToAsync(Junk(random), SocketFlags.None, target);
            // Let the agent keep up now and then so most datagrams are processed, not lost in the socket buffer.
            if (i % 200 == 199) await Task.Delay(1);
        }
        var (code, output, error) = await NetSnmp.Run("snmpget", NetSnmp.V2c(agent.Port, "public", "1.3.6.1.2.1.1.5.0", "1.3.6.1.4.1.32473.1.1.1.0"));
        Assert.True(code == 0, error);
        Assert.Contains("STRING: \"playout-test\"", output);
        Assert.Contains("STRING: \"Playout\"", output);
        Assert.True(agent.Counters.InAsnParseErrs > share / 10, $"parse errors {agent.Counters.InAsnParseErrs} of {agent.Counters.InPkts} received");
        lock (agent.Reports) Assert.Empty(agent.Reports);
    }
}
