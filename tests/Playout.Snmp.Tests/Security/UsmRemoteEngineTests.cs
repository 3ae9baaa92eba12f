using System.Net;
using System.Text;
using Playout.Snmp.Agent;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>The non-authoritative side's reading of replies it did not expect.</summary>
public class UsmRemoteEngineTests
{
    [Fact]
    public void An_authPriv_reply_to_an_authNoPriv_user_is_ignored_not_decrypted_without_a_key()
    {
        var user = UsmFixtures.Users(UsmFixtures.EngineId).Single(u => u.Name == "watch");
        var engine = new UsmRemoteEngine(user, 1500);
        var model = UsmFixtures.Model();
        var report = model.Accept(engine.Wrap(1, Pdu.Request(PduType.Get, 1)), new IPEndPoint(IPAddress.Loopback, 1), new AgentCounters());
        Assert.IsType<UsmReply.Refused>(engine.Read(report.Reply!));
        Assert.True(engine.Known);

        // Authentic under the user's key, but flagged authPriv: the user has no privacy key to decrypt it with.
        var reply = new UsmMessageWriter().Write(2, 1500, UsmSecurityLevel.AuthPriv, false,
            new UsmMessageWriter.Authority(UsmFixtures.EngineId, 7, 0), Encoding.UTF8.GetBytes("watch"), user.Auth,
            new UsmKeySet(user.AuthKey, new byte[16]), new ScopedPdu(UsmFixtures.EngineId, [], Pdu.Request(PduType.Response, 1)));
        var ignored = Assert.IsType<UsmReply.Ignored>(engine.Read(reply));
        Assert.Equal("a message at AuthPriv for user 'watch', who is at AuthNoPriv", ignored.Why);
    }
}
