using System.Net;
using Playout.Snmp.Data;
using Playout.Snmp.Manager;
using Playout.Snmp.Security;
using Playout.Snmp.Tests.Security;

namespace Playout.Snmp.Tests.Manager;

/// <summary>
/// The manager over SNMPv3 USM against two real agents with the same users (UsmFixtures): net-snmp's snmpd and our own
/// agent. Discovery, time sync, SHA-1/SHA-256 with AES, authNoPriv; wrong keys and unknown users fail at once, named.
/// </summary>
public sealed class SnmpManagerV3Tests
{
    private static readonly Oid System = Oid.Parse("1.3.6.1.2.1.1");
    private static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");

    /// <summary>One agent under test: where it listens, what sysDescr says, and an object user ops256 may write.</summary>
    private sealed record Peer(IPEndPoint EndPoint, string Description, Oid Writable, IAsyncDisposable Owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Owner.DisposeAsync();
    }

    private sealed class DisposeSnmpd(Snmpd snmpd) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            snmpd.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<Peer> Start(string peer)
    {
        if (peer == "agent")
        {
            var agent = UsmTestAgent.Start();
            return new Peer(new IPEndPoint(IPAddress.Loopback, agent.Port), "Playout test agent", new Oid([.. UsmTestAgent.Note.Arcs, 0]), agent);
        }
        var snmpd = await Snmpd.Start(
            $"createUser ops SHA {UsmFixtures.AuthPassword} AES {UsmFixtures.PrivPassword}",
            $"createUser ops256 SHA-256 {UsmFixtures.AuthPassword} AES {UsmFixtures.PrivPassword}",
            $"createUser watch SHA {UsmFixtures.AuthPassword}",
            "rouser ops priv", "rwuser ops256 priv", "rouser watch auth");
        return new Peer(snmpd.EndPoint, Snmpd.Description, Oid.Parse("1.3.6.1.2.1.1.4.0"), new DisposeSnmpd(snmpd));
    }

    private static SnmpManager Manager(Peer peer, UsmUserOptions user, List<string>? reports = null) =>
        new(peer.EndPoint, new SnmpManagerOptions { User = user, Timeout = TimeSpan.FromSeconds(2), Retries = 1 },
            r => { if (reports is not null) lock (reports) reports.Add(r); });

    [Theory]
    [InlineData("snmpd")]
    [InlineData("agent")]
    public async Task AuthPriv_with_sha1_and_sha256_gets_walks_and_sets_and_authNoPriv_gets(string kind)
    {
        await using var peer = await Start(kind);
        foreach (var user in new[] { UsmFixtures.Sha1Aes, UsmFixtures.Sha256Aes, UsmFixtures.Sha1AuthOnly })
        {
            using var manager = Manager(peer, user);
            var descr = Assert.Single(await manager.GetAsync([SysDescr]));
            Assert.Contains(peer.Description, Assert.IsType<OctetString>(descr.Value).Text);
            var system = await manager.WalkAsync(System);
            Assert.True(system.Count >= 7, $"{user.Name} walked {system.Count}");
            Assert.Equal(system.OrderBy(b => b.Oid).Select(b => b.Oid), system.Select(b => b.Oid));
        }

        using var writer = Manager(peer, UsmFixtures.Sha256Aes);
        string text = $"v3-{Guid.NewGuid():N}";
        await writer.SetAsync([new Pdus.VarBind(peer.Writable, new OctetString(text))]);
        Assert.Equal(text, Assert.IsType<OctetString>(Assert.Single(await writer.GetAsync([peer.Writable])).Value).Text);
    }

    [Theory]
    [InlineData("snmpd", "auth", "authentication failure (usmStatsWrongDigests)")]
    [InlineData("agent", "auth", "authentication failure (usmStatsWrongDigests)")]
    [InlineData("agent", "priv", "decryption error (usmStatsDecryptionErrors)")]
    [InlineData("snmpd", "user", "unknown user name 'nobody' (usmStatsUnknownUserNames)")]
    [InlineData("agent", "user", "unknown user name 'nobody' (usmStatsUnknownUserNames)")]
    public async Task A_wrong_key_or_an_unknown_user_fails_at_once_with_the_agents_reason(string kind, string wrong, string reason)
    {
        await using var peer = await Start(kind);
        var user = wrong switch
        {
            "auth" => UsmFixtures.Sha256Aes with { AuthPassword = "not-the-auth-secret" },
            "priv" => UsmFixtures.Sha256Aes with { PrivPassword = "not-the-priv-secret" },
            _ => UsmFixtures.Sha256Aes with { Name = "nobody" },
        };
        using var manager = Manager(peer, user);
        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<SnmpManagerException>(() => manager.GetAsync([SysDescr]));
        Assert.IsNotType<SnmpTimeoutException>(error);
        Assert.Contains(reason, error.Message);
        Assert.Contains($"SNMP agent {peer.EndPoint}: Get 1.3.6.1.2.1.1.1.0 as SNMPv3 user '{user.Name}'", error.Message);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(1.9)); // before the first try's 2 s timeout
    }

    [Fact]
    public async Task After_the_agents_clock_jumps_the_manager_resynchronises_from_the_authenticated_report_and_carries_on()
    {
        var clock = new ManualClock();
        clock.Advance(TimeSpan.FromSeconds(5000));
        var engine = UsmFixtures.Engine(time: clock);
        await using var agent = new UsmTestAgent(new UsmSecurityModel(engine, UsmFixtures.Users(UsmFixtures.EngineId)), engine);
        using var manager = new SnmpManager(new IPEndPoint(IPAddress.Loopback, agent.Port), new SnmpManagerOptions { User = UsmFixtures.Sha1Aes });

        await manager.GetAsync([SysDescr]);
        Assert.Equal(1u, agent.Model.Counters.UnknownEngineIds);
        clock.Advance(TimeSpan.FromSeconds(1000));
        Assert.Contains("Playout test agent", Assert.IsType<OctetString>(Assert.Single(await manager.GetAsync([SysDescr])).Value).Text);
        Assert.Equal((1u, 1u), (agent.Model.Counters.NotInTimeWindows, agent.Model.Counters.UnknownEngineIds));
    }

    [Fact]
    public async Task A_wrong_priv_key_that_snmpd_drops_times_out_saying_so()
    {
        // snmpd drops what does not decrypt without a report; the manager says what that likely means.
        await using var peer = await Start("snmpd");
        using var manager = new SnmpManager(peer.EndPoint, new SnmpManagerOptions
        {
            User = UsmFixtures.Sha256Aes with { PrivPassword = "not-the-priv-secret" }, Timeout = TimeSpan.FromMilliseconds(300), Retries = 1,
        });
        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(() => manager.GetAsync([SysDescr]));
        Assert.Contains("as SNMPv3 user 'ops256' within 300 ms (2 tries); the agent answered discovery, so it may be dropping what it cannot decrypt: check user 'ops256''s privKey", error.Message);
    }

    [Fact]
    public async Task A_manager_needs_passwords_not_localised_keys()
    {
        await using var peer = await Start("agent");
        var keyed = UsmFixtures.Sha1AuthOnly with { AuthPassword = null, AuthKey = new string('a', 40) };
        var error = Assert.Throws<ArgumentException>(() => Manager(peer, keyed));
        Assert.Contains("SNMPv3 user 'watch': a manager needs authPassword", error.Message);
    }
}
