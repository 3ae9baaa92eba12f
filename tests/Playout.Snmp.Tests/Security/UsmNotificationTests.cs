using System.Diagnostics;
using System.Net;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Notifications;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;
using Playout.TestSupport;

namespace Playout.Snmp.Tests.Security;

/// <summary>SNMPv3 traps and informs through the notification sender, received by net-snmp's snmptrapd.</summary>
public sealed class UsmNotificationTests
{
    private static readonly Oid AlarmText = Oid.Parse("1.3.6.1.4.1.32473.4.1.4.1");
    private static readonly Oid TrapOid = Oid.Parse("1.3.6.1.4.1.32473.0.1");

    private readonly List<string> _reports = [];
    private readonly UsmUser[] _users = UsmFixtures.Users(UsmFixtures.EngineId);

    private NotificationSender Sender(TrapReceiver receiver, int user, bool inform) =>
        new([new NotificationTarget("nms", receiver.EndPoint, new UsmNotificationSecurity(UsmFixtures.Engine(), _users[user], Report), inform)],
            new UpTime(), new NotificationOptions { InformTimeout = TimeSpan.FromMilliseconds(300), InformRetries = 2 }, Report);

    private void Report(string line)
    {
        lock (_reports) _reports.Add(line);
    }

    private static Notification Alarm(string text) => new(TrapOid, [new VarBind(AlarmText, new OctetString(System.Text.Encoding.ASCII.GetBytes(text)))]);

    private static string CreateUser(string name, string auth, string authPassword = UsmFixtures.AuthPassword, bool ourEngine = false) =>
        $"createUser {(ourEngine ? $"-e 0x{Convert.ToHexString(UsmFixtures.EngineId)} " : "")}{name} {auth} {authPassword} AES {UsmFixtures.PrivPassword}";

    [Theory]
    [InlineData(0, "SHA")]
    [InlineData(1, "SHA-256")]
    public async Task An_authPriv_trap_under_our_engine_id_reaches_snmptrapd(int user, string auth)
    {
        var name = _users[user].Name;
        using var receiver = await TrapReceiver.Start(CreateUser(name, auth, ourEngine: true));
        await using (var sender = Sender(receiver, user, inform: false))
            sender.Send(Alarm($"trap as {name}"));
        Assert.True(await receiver.WaitFor($"trap as {name}", TimeSpan.FromSeconds(10)), receiver.Log);
        Assert.Contains(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.32473.0.1", receiver.Log);
    }

    [Fact]
    public async Task A_trap_under_the_wrong_key_is_not_accepted()
    {
        using var receiver = await TrapReceiver.Start(CreateUser("ops", "SHA", authPassword: "other-password", ourEngine: true));
        await using (var sender = Sender(receiver, 0, inform: false))
            sender.Send(Alarm("forged"));
        Assert.False(await receiver.WaitFor("forged", TimeSpan.FromSeconds(2)), receiver.Log);
    }

    [Theory]
    [InlineData(0, "SHA")]
    [InlineData(1, "SHA-256")]
    public async Task An_authPriv_inform_discovers_snmptrapds_engine_and_is_acknowledged(int user, string auth)
    {
        var name = _users[user].Name;
        // No -e: the user lives under snmptrapd's own engine ID, which has to be discovered first.
        using var receiver = await TrapReceiver.Start(CreateUser(name, auth));
        await using var sender = Sender(receiver, user, inform: true);
        sender.Send(Alarm($"inform as {name}"));
        Assert.True(await receiver.WaitFor($"inform as {name}", TimeSpan.FromSeconds(10)), receiver.Log);
        Assert.True(await Eventually(() => sender.Counters.InformsAcknowledged == 1), string.Join("\n", _reports));
        // Only the discovery probe and the inform went out: no blind retries of an authPriv message.
        Assert.Equal(2, sender.Counters.InformsSent);
    }

    [Fact]
    public async Task An_inform_for_a_user_the_manager_lacks_is_refused_with_the_reason()
    {
        using var receiver = await TrapReceiver.Start(CreateUser("someone", "SHA"));
        await using var sender = Sender(receiver, 0, inform: true);
        sender.Send(Alarm("unknown user"));
        Assert.True(await Eventually(() => sender.Counters.InformsUnacknowledged == 1), string.Join("\n", _reports));
        Assert.Contains(_reports, line => line.Contains("refused by the manager") && line.Contains(UsmCounters.UnknownUserNamesOid.ToString()));
        Assert.DoesNotContain("unknown user", receiver.Log);
    }

    [Fact]
    public void Informs_resynchronise_on_an_authenticated_not_in_time_window_report()
    {
        // The manager here is our own USM model on an engine whose clock reads 1000 s; the notifier learnt time 0.
        var user = _users[0];
        var manager = UsmFixtures.Engine(boots: 3);
        var model = new UsmSecurityModel(manager, [user]);
        var security = new UsmNotificationSecurity(UsmFixtures.Engine(), user, Report);
        var peer = new IPEndPoint(IPAddress.Loopback, 1);
        var inform = Pdu.Request(PduType.InformRequest, 5, new VarBind(AlarmText, new OctetString("x"u8)));

        var probe = model.Accept(security.Encode(inform), peer, new AgentCounters());
        Assert.Null(security.Decode(probe.Reply!)); // the discovery report is consumed
        var stale = SnmpV3Message.Decode(security.Encode(inform));
        Assert.Equal(UsmSecurityLevel.AuthPriv, stale.Level);
        Assert.Equal(UsmFixtures.EngineId, stale.Usm.EngineId);

        var clock = new ManualClock();
        var later = new UsmSecurityModel(new PersistentEngine(UsmFixtures.EngineId, 4, 1500, clock), [user]);
        clock.Advance(TimeSpan.FromSeconds(1000));
        var refused = later.Accept(security.Encode(inform), peer, new AgentCounters());
        Assert.Equal(1u, later.Counters.NotInTimeWindows);
        Assert.Null(security.Decode(refused.Reply!));
        var retry = security.Encode(inform);
        Assert.Equal((4, 1000), (SnmpV3Message.Decode(retry).Usm.EngineBoots, SnmpV3Message.Decode(retry).Usm.EngineTime));
        Assert.Equal(PduType.InformRequest, later.Accept(retry, peer, new AgentCounters()).Pdu!.Type);
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (condition()) return true;
            await Task.Delay(20);
        }
        return condition();
    }
}
