using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>SNMPv3 USM against net-snmp's own tools: the right keys read, every wrong one is refused with its report and counter.</summary>
public sealed class UsmNetSnmpTests : IAsyncDisposable
{
    private readonly UsmTestAgent _agent = UsmTestAgent.Start();

    public ValueTask DisposeAsync() => _agent.DisposeAsync();

    [Theory]
    [InlineData("ops", "SHA")]
    [InlineData("ops256", "SHA-256")]
    public async Task Snmpget_authPriv_with_aes_reads_an_object(string user, string auth)
    {
        var result = await Tool("snmpget", V3(user, "authPriv", auth, UsmFixtures.AuthPassword, UsmFixtures.PrivPassword), "1.3.6.1.2.1.1.1.0");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Playout test agent", result.Output);
        Assert.True(_agent.Model.Counters.UnknownEngineIds >= 1, "net-snmp discovered the engine ID through a report");
    }

    [Fact]
    public async Task Snmpwalk_over_v3_walks_the_users_view_only()
    {
        var all = await Tool("snmpwalk", V3("ops", "authPriv", "SHA", UsmFixtures.AuthPassword, UsmFixtures.PrivPassword), "1.3.6.1");
        Assert.True(all.ExitCode == 0, all.Error);
        Assert.Contains(".1.3.6.1.2.1.1.5.0", all.Output);
        Assert.Contains(".1.3.6.1.4.1.32473.1.1.0", all.Output);

        // "watch" is authNoPriv and its view excludes the enterprise subtree.
        var limited = await Tool("snmpwalk", V3("watch", "authNoPriv", "SHA", UsmFixtures.AuthPassword, null), "1.3.6.1");
        Assert.True(limited.ExitCode == 0, limited.Error);
        Assert.Contains(".1.3.6.1.2.1.1.5.0", limited.Output);
        Assert.DoesNotContain(".1.3.6.1.4.1.32473.1.1.0 =", limited.Output);

        // GETBULK over v3 walks the same objects as GETNEXT.
        var bulk = await Tool("snmpbulkwalk", V3("ops256", "authPriv", "SHA-256", UsmFixtures.AuthPassword, UsmFixtures.PrivPassword), "1.3.6.1");
        Assert.True(bulk.ExitCode == 0, bulk.Error);
        Assert.Equal(Names(all.Output), Names(bulk.Output));
    }

    [Fact]
    public async Task Snmpset_over_v3_writes_only_inside_the_users_write_view()
    {
        var note = UsmTestAgent.Note.Append(0).ToString();
        var refused = await NetSnmp.Run("snmpset",
            [.. V3("ops", "authPriv", "SHA", UsmFixtures.AuthPassword, UsmFixtures.PrivPassword), "-On", "-t", "2", "-r", "1", $"udp:127.0.0.1:{_agent.Port}", note, "s", "from ops"]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("noAccess", refused.Error + refused.Output);
        Assert.Equal("", _agent.Written.Text);

        var written = await NetSnmp.Run("snmpset",
            [.. V3("ops256", "authPriv", "SHA-256", UsmFixtures.AuthPassword, UsmFixtures.PrivPassword), "-On", "-t", "2", "-r", "1", $"udp:127.0.0.1:{_agent.Port}", note, "s", "from ops256"]);
        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Equal(("from ops256", "snmp v3 ops256 127.0.0.1"), _agent.Written);
    }

    [Fact]
    public async Task A_wrong_auth_password_fails_and_is_counted_as_a_wrong_digest()
    {
        var result = await Tool("snmpget", V3("ops", "authPriv", "SHA", "not-the-password", UsmFixtures.PrivPassword), "1.3.6.1.2.1.1.1.0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("Playout test agent", result.Output);
        Assert.Contains("Authentication failure", result.Error);
        Assert.True(_agent.Model.Counters.WrongDigests >= 1);
        // usmStatsWrongDigests.0 is served to a principal allowed to read it.
        var counter = await Tool("snmpget", V3("ops", "authPriv", "SHA", UsmFixtures.AuthPassword, UsmFixtures.PrivPassword), "1.3.6.1.6.3.15.1.1.5.0");
        Assert.Contains($"Counter32: {_agent.Model.Counters.WrongDigests}", counter.Output);
    }

    [Fact]
    public async Task A_wrong_priv_password_fails_and_is_counted_as_a_decryption_error()
    {
        var result = await Tool("snmpget", V3("ops", "authPriv", "SHA", UsmFixtures.AuthPassword, "not-the-priv-password"), "1.3.6.1.2.1.1.1.0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("Playout test agent", result.Output);
        Assert.Contains("Decryption error", result.Error);
        Assert.True(_agent.Model.Counters.DecryptionErrors >= 1);
    }

    [Fact]
    public async Task An_unknown_user_is_refused_with_its_report()
    {
        var result = await Tool("snmpget", V3("intruder", "authPriv", "SHA", UsmFixtures.AuthPassword, UsmFixtures.PrivPassword), "1.3.6.1.2.1.1.1.0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Unknown user name", result.Error);
        Assert.Equal(1u, _agent.Model.Counters.UnknownUserNames);
    }

    [Fact]
    public async Task NoAuthNoPriv_is_refused_for_an_authPriv_user()
    {
        var result = await Tool("snmpget", ["-v3", "-l", "noAuthNoPriv", "-u", "ops"], "1.3.6.1.2.1.1.1.0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("Playout test agent", result.Output);
        Assert.Contains("Unsupported security level", result.Error);
        Assert.Equal(1u, _agent.Model.Counters.UnsupportedSecLevels);
    }

    /// <summary>The instances a walk printed (their values, such as counters and uptime, change from walk to walk).</summary>
    private static string[] Names(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(" = ")[0])];

    private static string[] V3(string user, string level, string auth, string authPassword, string? privPassword) =>
        privPassword is null
            ? ["-v3", "-l", level, "-u", user, "-a", auth, "-A", authPassword]
            : ["-v3", "-l", level, "-u", user, "-a", auth, "-A", authPassword, "-x", "AES", "-X", privPassword];

    private Task<(int ExitCode, string Output, string Error)> Tool(string program, string[] security, string oid) =>
        NetSnmp.Run(program, [.. security, "-On", "-t", "2", "-r", "1", $"udp:127.0.0.1:{_agent.Port}", oid]);
}
