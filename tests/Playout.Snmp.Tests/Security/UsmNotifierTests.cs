using System.Net;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>SNMPv3 traps and informs received by net-snmp's snmptrapd.</summary>
public sealed class UsmNotifierTests : IAsyncDisposable
{
    private static readonly Oid SysUpTime = Oid.Parse("1.3.6.1.2.1.1.3.0");
    private static readonly Oid SnmpTrapOid = Oid.Parse("1.3.6.1.6.3.1.1.4.1.0");
    private static readonly Oid AlarmText = Oid.Parse("1.3.6.1.4.1.32473.4.1.4.1");

    private readonly List<string> _reports = [];
    private readonly UsmNotifier _notifier;
    private readonly UsmUser[] _users = UsmFixtures.Users(UsmFixtures.EngineId);

    public UsmNotifierTests() => _notifier = new UsmNotifier(UsmFixtures.Engine(), line => { lock (_reports) _reports.Add(line); });

    public ValueTask DisposeAsync() => _notifier.DisposeAsync();

    private static Pdu Notification(PduType type, int requestId, string text) => Pdu.Request(type, requestId,
        new VarBind(SysUpTime, new TimeTicks(12345)),
        new VarBind(SnmpTrapOid, new ObjectIdentifier(Oid.Parse("1.3.6.1.4.1.32473.0.1"))),
        new VarBind(AlarmText, new OctetString(System.Text.Encoding.ASCII.GetBytes(text))));

    [Theory]
    [InlineData(0, "SHA")]
    [InlineData(1, "SHA-256")]
    public void An_authPriv_trap_under_our_engine_id_reaches_snmptrapd(int user, string auth)
    {
        var name = _users[user].Name;
        using var receiver = new SnmpTrapReceiver([
            $"createUser -e 0x{Convert.ToHexString(UsmFixtures.EngineId)} {name} {auth} {UsmFixtures.AuthPassword} AES {UsmFixtures.PrivPassword}",
            $"authUser log {name} priv",
        ]);
        _notifier.SendTrap(new IPEndPoint(IPAddress.Loopback, receiver.Port), _users[user], Notification(PduType.SnmpV2Trap, 1, $"trap as {name}"));
        Assert.True(receiver.WaitForLog($"trap as {name}", TimeSpan.FromSeconds(10)), receiver.Log);
        Assert.Contains(".1.3.6.1.4.1.32473.0.1", receiver.Log);
    }

    [Fact]
    public void A_trap_with_the_wrong_key_is_not_accepted()
    {
        using var receiver = new SnmpTrapReceiver([
            $"createUser -e 0x{Convert.ToHexString(UsmFixtures.EngineId)} ops SHA other-password AES {UsmFixtures.PrivPassword}",
            "authUser log ops priv",
        ]);
        _notifier.SendTrap(new IPEndPoint(IPAddress.Loopback, receiver.Port), _users[0], Notification(PduType.SnmpV2Trap, 1, "forged"));
        Assert.False(receiver.WaitForLog("forged", TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(0, "SHA")]
    [InlineData(1, "SHA-256")]
    public async Task An_authPriv_inform_discovers_snmptrapds_engine_and_is_acknowledged(int user, string auth)
    {
        var name = _users[user].Name;
        // No -e: the user lives under snmptrapd's own engine ID, which the notifier has to discover.
        using var receiver = new SnmpTrapReceiver([
            $"createUser {name} {auth} {UsmFixtures.AuthPassword} AES {UsmFixtures.PrivPassword}",
            $"authUser log {name} priv",
        ]);
        var target = new IPEndPoint(IPAddress.Loopback, receiver.Port);
        var acknowledged = await _notifier.InformAsync(target, _users[user], Notification(PduType.InformRequest, 77, $"inform as {name}"), 2, TimeSpan.FromSeconds(3));
        Assert.True(acknowledged, string.Join("\n", _reports) + receiver.Log);
        Assert.True(receiver.WaitForLog($"inform as {name}", TimeSpan.FromSeconds(5)), receiver.Log);
    }

    [Fact]
    public async Task An_inform_nobody_answers_is_retried_then_reported()
    {
        var silent = new IPEndPoint(IPAddress.Loopback, Playout.TestSupport.FreePorts.Udp());
        var acknowledged = await _notifier.InformAsync(silent, _users[0], Notification(PduType.InformRequest, 78, "lost"), 1, TimeSpan.FromMilliseconds(300));
        Assert.False(acknowledged);
        Assert.Contains(_reports, line => line.Contains("not acknowledged after 2 tries"));
    }

    [Fact]
    public async Task An_inform_for_a_user_the_receiver_lacks_is_refused_with_the_reason()
    {
        using var receiver = new SnmpTrapReceiver([$"createUser someone SHA {UsmFixtures.AuthPassword} AES {UsmFixtures.PrivPassword}"]);
        var acknowledged = await _notifier.InformAsync(new IPEndPoint(IPAddress.Loopback, receiver.Port), _users[0],
            Notification(PduType.InformRequest, 79, "unknown"), 2, TimeSpan.FromSeconds(3));
        Assert.False(acknowledged);
        Assert.Contains(_reports, line => line.Contains("refused by the receiver") && line.Contains(UsmCounters.UnknownUserNamesOid.ToString()));
    }
}
