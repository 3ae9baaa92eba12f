using System.Formats.Asn1;
using System.Net;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>RFC 3414 §3.2 processing on crafted messages: timeliness, discovery, and the level a reply travels at.</summary>
public class UsmSecurityModelTests
{
    private const int Boots = 7;
    private static readonly IPEndPoint Peer = new(IPAddress.Loopback, 50000);

    private readonly UsmSecurityModel _model = UsmFixtures.Model(Boots);
    private UsmUser Ops => UsmFixtures.Users(UsmFixtures.EngineId)[0];

    [Fact]
    public void Discovery_is_answered_with_our_engine_id_boots_and_time_unauthenticated()
    {
        var result = _model.Accept(UsmManager.Discovery(), Peer, new AgentCounters());
        var (counter, value, message, pdu) = UsmManager.Report(result.Reply!);
        Assert.Equal(UsmCounters.UnknownEngineIdsOid, counter);
        Assert.Equal(1u, value);
        Assert.Equal(UsmFixtures.EngineId, message.Usm.EngineId);
        Assert.Equal(Boots, message.Usm.EngineBoots);
        Assert.Equal(UsmSecurityLevel.NoAuthNoPriv, message.Level);
        Assert.Equal(7, message.MsgId);
        Assert.Equal(99, pdu.RequestId);
    }

    [Theory]
    [InlineData(Boots, 0, true)]
    [InlineData(Boots, 150, true)]      // the edge of the window
    [InlineData(Boots, 151, false)]     // past it
    [InlineData(Boots, -151, false)]    // before it (our clock is ahead of the manager's notion)
    [InlineData(Boots - 1, 0, false)]   // an earlier boot: a replay from before our restart
    [InlineData(Boots + 1, 0, false)]
    public void Messages_outside_the_150_second_window_get_an_authenticated_report(int boots, int timeOffset, bool accepted)
    {
        var time = 200 + timeOffset; // the engine's clock reads 200 s
        var clock = new ManualClock();
        var model = UsmFixtures.Model(Boots, clock);
        clock.Advance(TimeSpan.FromSeconds(200));
        var request = UsmManager.Get(Ops, UsmSecurityLevel.AuthPriv, boots, Math.Max(0, time));
        var result = model.Accept(request, Peer, new AgentCounters());
        if (accepted)
        {
            Assert.Null(result.Reply);
            Assert.Equal(PduType.Get, result.Pdu!.Type);
            Assert.Equal(0u, model.Counters.NotInTimeWindows);
            return;
        }
        var (counter, value, message, _) = UsmManager.Report(result.Reply!);
        Assert.Equal(UsmCounters.NotInTimeWindowsOid, counter);
        Assert.Equal(1u, value);
        // Authenticated with the user's key, so the manager may resynchronise on our boots and time.
        Assert.Equal(UsmSecurityLevel.AuthNoPriv, message.Level);
        Assert.Equal(Boots, message.Usm.EngineBoots);
        Assert.Equal(200, message.Usm.EngineTime);
        Assert.True(MacVerifies(result.Reply!, message, Ops));
    }

    [Fact]
    public void A_response_goes_back_encrypted_and_authenticated_like_the_request()
    {
        var request = UsmManager.Get(Ops, UsmSecurityLevel.AuthPriv, Boots, 0);
        var result = _model.Accept(request, Peer, new AgentCounters());
        var response = Pdu.ResponseTo(result.Pdu!, [new VarBind(UsmTestAgent.SysDescr, new OctetString("x"u8))]);
        var reply = _model.Encode(response, result.Context!);
        var message = SnmpV3Message.Decode(reply);
        Assert.Equal(UsmSecurityLevel.AuthPriv, message.Level);
        Assert.False(message.Reportable);
        Assert.Equal(42, message.MsgId);
        Assert.True(MacVerifies(reply, message, Ops));
        // Our own model accepts it back (the response is a well-formed authPriv message under the user's keys).
        var cipher = new AsnReader(message.Data, AsnEncodingRules.BER).ReadOctetString();
        var salt = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(message.Usm.PrivParameters);
        var plain = AesCfbPrivacy.Decrypt(Ops.PrivKey!, message.Usm.EngineBoots, message.Usm.EngineTime, salt, cipher);
        var decoded = ScopedPdu.Decode(plain).Pdu;
        Assert.Equal((PduType.Response, 1234), (decoded.Type, decoded.RequestId));
        Assert.Equal(response.VarBinds, decoded.VarBinds);
    }

    [Fact]
    public void A_request_that_is_not_reportable_is_counted_and_dropped_silently()
    {
        var request = UsmManager.Get(Ops, UsmSecurityLevel.AuthPriv, Boots + 1, 0, reportable: false);
        var result = _model.Accept(request, Peer, new AgentCounters());
        Assert.Null(result.Reply);
        Assert.Null(result.Pdu);
        Assert.Equal(1u, _model.Counters.NotInTimeWindows);
    }

    [Fact]
    public void A_tampered_message_is_a_wrong_digest()
    {
        var request = UsmManager.Get(Ops, UsmSecurityLevel.AuthPriv, Boots, 0);
        request[^1] ^= 0x01;
        var (counter, _, message, _) = UsmManager.Report(_model.Accept(request, Peer, new AgentCounters()).Reply!);
        Assert.Equal(UsmCounters.WrongDigestsOid, counter);
        Assert.Equal(UsmSecurityLevel.NoAuthNoPriv, message.Level);
    }

    [Fact]
    public void Priv_without_auth_in_msgFlags_is_an_invalid_message()
    {
        var request = UsmManager.Get(Ops, UsmSecurityLevel.AuthPriv, Boots, 0);
        var message = SnmpV3Message.Decode(request) with { Flags = SnmpV3Message.PrivFlag | SnmpV3Message.ReportableFlag };
        var result = _model.Accept(message.Encode(), Peer, new AgentCounters());
        Assert.Null(result.Reply);
        Assert.Equal(1u, _model.Counters.InvalidMsgs);
    }

    [Fact]
    public void Another_security_model_is_counted_and_dropped()
    {
        var message = SnmpV3Message.Decode(UsmManager.Discovery()) with { SecurityModel = 2 };
        var result = _model.Accept(message.Encode(), Peer, new AgentCounters());
        Assert.Null(result.Reply);
        Assert.Equal(1u, _model.Counters.UnknownSecurityModels);
    }

    private static bool MacVerifies(byte[] reply, SnmpV3Message message, UsmUser user)
    {
        var copy = (byte[])reply.Clone();
        copy.AsSpan(message.Usm.AuthParametersOffset, user.Auth!.MacLength).Clear();
        var mac = new byte[user.Auth.MacLength];
        user.Auth.ComputeMac(user.AuthKey, copy, mac);
        return mac.AsSpan().SequenceEqual(message.Usm.AuthParameters);
    }
}
