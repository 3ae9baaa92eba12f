namespace Playout.Snmp.Tests;

public class SystemGroupTests
{
    [Fact]
    public async Task Snmpget_reads_the_system_group_scalars()
    {
        await using var agent = TestAgent.Start();
        var (code, output, error) = await NetSnmp.Run("snmpget", NetSnmp.V2c(agent.Port, "public",
            "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.7.0"));
        Assert.True(code == 0, error);
        Assert.Contains(".1.3.6.1.2.1.1.1.0 = STRING: \"Playout test agent\"", output);
        Assert.Contains(".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.32473.1", output);
        Assert.Contains(".1.3.6.1.2.1.1.5.0 = STRING: \"playout-test\"", output);
        Assert.Contains(".1.3.6.1.2.1.1.7.0 = INTEGER: 72", output);
    }

    [Fact]
    public async Task Snmpwalk_and_snmpbulkwalk_list_the_same_system_group_in_order()
    {
        await using var agent = TestAgent.Start();
        var walk = await NetSnmp.Run("snmpwalk", NetSnmp.V2c(agent.Port, "public", "1.3.6.1.2.1.1"));
        var bulk = await NetSnmp.Run("snmpbulkwalk", NetSnmp.V2c(agent.Port, "public", "-Cr3", "1.3.6.1.2.1.1"));
        Assert.True(walk.ExitCode == 0, walk.Error);
        Assert.True(bulk.ExitCode == 0, bulk.Error);
        var names = Names(walk.Output);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], names.Select(n => n.Split('.')[^2]));
        // sysUpTime moves between the walks; every name and the rest of the values agree.
        Assert.Equal(names, Names(bulk.Output));
    }

    [Fact]
    public async Task Wrong_community_gets_no_answer_and_is_counted()
    {
        await using var agent = TestAgent.Start();
        var (code, _, error) = await NetSnmp.Run("snmpget", ["-v2c", "-c", "private", "-t", "0.3", "-r", "0", $"udp:127.0.0.1:{agent.Port}", "1.3.6.1.2.1.1.5.0"]);
        Assert.NotEqual(0, code);
        Assert.Contains("Timeout", error);
        Assert.Equal(1u, agent.Counters.InBadCommunityNames);
    }

    private static List<string> Names(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(" = ")[0])];
}
