using System.Net;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>The v3 receive path is total: mutated, truncated and random datagrams are counted and dropped or reported, never thrown.</summary>
public class UsmMalformedInputTests
{
    [Fact]
    public void Mutated_v3_datagrams_never_throw_out_of_the_receive_path_and_are_counted()
    {
        var engine = UsmFixtures.Engine(boots: 7);
        var model = new UsmSecurityModel(engine, UsmFixtures.Users(UsmFixtures.EngineId));
        var counters = new AgentCounters();
        var ops = UsmFixtures.Users(UsmFixtures.EngineId)[0];
        var watch = UsmFixtures.Users(UsmFixtures.EngineId)[2];
        byte[][] seeds =
        [
            UsmManager.Discovery(),
            UsmManager.Get(ops, UsmSecurityLevel.AuthPriv, 7, 0),
            UsmManager.Get(watch, UsmSecurityLevel.AuthNoPriv, 7, 0),
        ];
        var processor = new MessageProcessor([model], new Dispatcher(UsmTestAgent.Mib(model, engine, counters), 64), counters);
        var random = new Random(3414);
        var peer = new IPEndPoint(IPAddress.Loopback, 40000);
        var answered = 0;
        const int Rounds = 20_000;
        for (var i = 0; i < Rounds; i++)
        {
            var datagram = Mutate(seeds[i % seeds.Length], random);
            if (processor.Process(datagram, peer) is not null)
                answered++;
        }
        var usm = model.Counters;
        var counted = processor.Counters.InAsnParseErrs + processor.Counters.InBadVersions + usm.All.Aggregate(0u, (sum, c) => sum + c.Read());
        Assert.Equal((uint)Rounds, processor.Counters.InPkts);
        Assert.True(counted > Rounds / 2, $"only {counted} of {Rounds} refusals counted");
        Assert.True(usm.WrongDigests > 0 && processor.Counters.InAsnParseErrs > 0, "both the BER and the USM checks were reached");
        Assert.True(answered > 0, "reportable refusals were answered");
        // And the agent still serves a good request afterwards.
        Assert.NotNull(processor.Process(UsmManager.Get(ops, UsmSecurityLevel.AuthPriv, 7, 0), peer));
    }

    public static TheoryData<string, Func<SnmpV3Message, SnmpV3Message>> Malformed => new()
    {
        { "msgUserName has 33 bytes", m => m with { Usm = m.Usm with { UserName = new byte[33] } } },
        { "msgAuthoritativeEngineID has 33 bytes", m => m with { Usm = m.Usm with { EngineId = new byte[33] } } },
        { "msgID is not an integer from 0", m => m with { MsgId = -1 } },
        { "msgMaxSize is not an integer from 0", m => m with { MaxSize = -5 } },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Each_malformed_field_is_a_decode_error_naming_it_and_counted_by_the_agent(string error, Func<SnmpV3Message, SnmpV3Message> spoil)
    {
        var datagram = spoil(SnmpV3Message.Decode(UsmManager.Discovery())).Encode();
        Assert.Contains(error, Assert.Throws<SnmpDecodeException>(() => SnmpV3Message.Decode(datagram)).Message);
        var counters = new AgentCounters();
        var processor = new MessageProcessor([UsmFixtures.Model()], new Dispatcher(new Playout.Snmp.Mib.MibTree(), 8), counters);
        Assert.Null(processor.Process(datagram, new IPEndPoint(IPAddress.Loopback, 40000)));
        Assert.Equal(1u, counters.InAsnParseErrs);
    }

    [Fact]
    public void Mutated_answers_to_a_v3_inform_are_ignored_without_a_throw()
    {
        var user = UsmFixtures.Users(UsmFixtures.EngineId)[0];
        var manager = new UsmSecurityModel(UsmFixtures.Engine(boots: 2), [user]);
        var security = new UsmNotificationSecurity(UsmFixtures.Engine(), user, _ => { });
        var inform = Playout.Snmp.Pdus.Pdu.Request(Playout.Snmp.Pdus.PduType.InformRequest, 9);
        var peer = new IPEndPoint(IPAddress.Loopback, 40000);
        var report = manager.Accept(security.Encode(inform), peer, new AgentCounters()).Reply!;
        var accepted = manager.Accept(UsmManager.Get(user, UsmSecurityLevel.AuthPriv, 2, 0), peer, new AgentCounters());
        var response = manager.Encode(Playout.Snmp.Pdus.Pdu.ResponseTo(accepted.Pdu!, []), accepted.Context!);
        var random = new Random(3826);
        var answers = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (security.Decode(Mutate(i % 2 == 0 ? report : response, random)) is not null)
                answers++;
        }
        // Only a datagram still carrying an authentic Response may count as one; the junk never does.
        Assert.True(answers < 100, $"{answers} mutated datagrams were taken for answers");
        Assert.Null(security.Decode(report));
        Assert.NotNull(security.Decode(response));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = (byte[])seed.Clone();
        switch (random.Next(5))
        {
            case 0: // flip a few bytes
                for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 2: // a huge length somewhere
                var at = random.Next(1, bytes.Length - 4);
                bytes[at] = 0x84; bytes[at + 1] = 0x7f; bytes[at + 2] = 0xff; bytes[at + 3] = 0xff;
                return bytes;
            case 3: // junk after the message
                return [.. bytes, .. Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256))];
            default: // random bytes behind a v3 header
                var junk = new byte[random.Next(2, 200)];
                random.NextBytes(junk);
                return [0x30, (byte)(junk.Length + 3), 0x02, 0x01, 0x03, .. junk];
        }
    }
}
