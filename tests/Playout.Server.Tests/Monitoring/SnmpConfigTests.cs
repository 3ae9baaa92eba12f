using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Monitoring;

/// <summary>The "snmp" section: closed by default, and every bad setting named with its line.</summary>
public sealed class SnmpConfigTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string Channels = """
        "channels": [ { "name": "c", "format": "720p50", "clock": "unthrottled", "outputs": [ { "type": "preview" } ] } ]
        """;

    private string Write(string snmp) => _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes($$"""
        {
          {{Channels}},
          "media": ".",
          "snmp": {{snmp}}
        }
        """));

    [Fact]
    public void By_default_the_agent_listens_on_loopback_1161_with_public_read_and_no_write()
    {
        var config = ServiceConfig.Load(Write("{}"));
        Assert.True(config.Snmp.Enabled);
        Assert.Equal("127.0.0.1:1161", config.Snmp.Listen);
        Assert.Equal("public", config.Snmp.ReadCommunity);
        Assert.Null(config.Snmp.WriteCommunity);
        Assert.Empty(config.Snmp.Managers);
    }

    [Fact]
    public void Bad_settings_are_each_named_with_their_line()
    {
        var path = Write("""
            {
                "listen": "0.0.0.0:161",
                "writeCommunity": "short",
                "enterprise": "1.3.6.1.2.1",
                "maxRepetitions": 0,
                "informRetries": 11,
                "managers": [ { "address": "nms.example:162" }, { "address": "192.0.2.1:162", "community": "" } ]
              }
            """);
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        var problems = error.Message.Replace(path, "FILE").Split(Environment.NewLine);
        Assert.Equal(
        [
            "FILE, line 5: snmp.listen: 0.0.0.0:161 is beyond this machine, so the agent needs a read community other than \"public\" (snmp.readCommunity)",
            "FILE, line 6: snmp.writeCommunity: at least 8 characters, and not the read community",
            "FILE, line 7: snmp.enterprise: '1.3.6.1.2.1' is not an enterprise OID (1.3.6.1.4.1.N)",
            "FILE, line 8: snmp.maxRepetitions: 1 to 1000; got 0",
            "FILE, line 9: snmp.informRetries: 0 to 10; got 11",
            "FILE, line 10: snmp.managers[0].address: 'nms.example:162' is not a manager's address (IP:PORT, such as 192.0.2.10:162)",
            "FILE, line 10: snmp.managers[1].community: must not be empty",
        ], problems);
    }

    [Fact]
    public void Views_and_snmpv3_users_are_checked_at_load_naming_the_view_or_user()
    {
        var path = Write("""
            {
                "views": { "all": [ "include 1.3.6.1" ], "bad": [ "include 1.3.x" ] },
                "readCommunityView": "mib2",
                "users": [ { "name": "noc", "auth": "SHA", "authPassword": "short", "readView": "all" } ],
                "managers": [ { "address": "192.0.2.1:162", "user": "nobody" } ]
              }
            """);
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        var problems = error.Message.Replace(path, "FILE").Split(Environment.NewLine);
        Assert.Contains(problems, p => p.StartsWith("FILE, line 5: snmp.views.bad: ", StringComparison.Ordinal) && p.Contains("'bad'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FILE, line 6: snmp.readCommunityView: no view named 'mib2' in snmp.views", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FILE, line 7: snmp.users[0]: ", StringComparison.Ordinal) && p.Contains("authPassword", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FILE, line 8: snmp.managers[0].user: no SNMPv3 user named 'nobody' in snmp.users", StringComparison.Ordinal));
        Assert.Equal(4, problems.Length);
    }

    [Fact]
    public void A_listen_address_that_is_no_address_is_refused()
    {
        var path = Write("""{ "listen": "localhost" }""");
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.Contains("snmp.listen: 'localhost' is not an address to listen on (IP:PORT, such as 127.0.0.1:1161; port 1-65535)", error.Message);
    }
}
