using Playout.Snmp.Agent;
using Playout.Snmp.PlayoutMib;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests;

public class PlayoutMibTests
{
    private const string Enterprise = "1.3.6.1.4.1.32473";

    private static TestAgent Start(InMemoryPlayout playout, string? writeCommunity = null) => TestAgent.Start(
        tree => PlayoutMibObjects.Register(tree, new PlayoutMibOids(PlayoutMibOids.DocumentationEnterprise), playout),
        new SnmpAgentOptions { Communities = new CommunityOptions { WriteCommunity = writeCommunity } });

    private static string[] WithMib(params string[] rest) => ["-M", $"+{NetSnmp.ConfigsDirectory}:{Path.Combine(NetSnmp.ConfigsDirectory, "mibs")}", "-m", "PLAYOUT-MIB", .. rest];

    [Fact]
    public async Task Walk_of_the_channel_table_goes_column_by_column_with_loudness_in_tenths()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout);
        var (code, output, error) = await NetSnmp.Run("snmpwalk", NetSnmp.V2c(agent.Port, "public", $"{Enterprise}.1.2.1"));
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(15 * 2, lines.Length);
        Assert.StartsWith($".{Enterprise}.1.2.1.1.2.1 = STRING: \"main\"", lines[0]);
        Assert.StartsWith($".{Enterprise}.1.2.1.1.2.2 = STRING: \"backup\"", lines[1]);
        Assert.StartsWith($".{Enterprise}.1.2.1.1.3.1 = STRING: \"1080i5000\"", lines[2]);
        Assert.Contains($".{Enterprise}.1.2.1.1.10.1 = INTEGER: -231", output);
        Assert.Contains($".{Enterprise}.1.2.1.1.11.1 = INTEGER: -230", output);
        Assert.Contains($".{Enterprise}.1.2.1.1.12.1 = INTEGER: -10", output);
        Assert.Contains($".{Enterprise}.1.2.1.1.10.2 = INTEGER: -32768", output);
        Assert.Contains($".{Enterprise}.1.2.1.1.8.1 = Counter64: 3", output);
    }

    [Fact]
    public async Task Bulkwalk_of_the_enterprise_matches_the_walk()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout);
        var walk = await NetSnmp.Run("snmpwalk", NetSnmp.V2c(agent.Port, "public", Enterprise));
        var bulk = await NetSnmp.Run("snmpbulkwalk", NetSnmp.V2c(agent.Port, "public", "-Cr7", Enterprise));
        Assert.True(bulk.ExitCode == 0, bulk.Error);
        // 2 product scalars, 2x15 channel cells, 3x5 output cells, 2x6 alarm cells, no devices, 1x9 transmitter pair cells.
        Assert.Equal(2 + 30 + 15 + 12 + 9, walk.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(walk.Output, bulk.Output);
    }

    [Fact]
    public async Task A_walk_from_the_root_visits_every_object_in_increasing_order_and_ends()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout);
        var (code, output, error) = await NetSnmp.Run("snmpbulkwalk", NetSnmp.V2c(agent.Port, "public", "-Cr25", "1"));
        Assert.True(code == 0, error);
        Assert.DoesNotContain("not increasing", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Walking from the root, the tool shows where the MIB ends.
        Assert.EndsWith("No more variables left in this MIB View (It is past the end of the MIB tree)", lines[^1]);
        var oids = lines[..^1].Select(line => Data.Oid.Parse(line.Split(" = ")[0])).ToList();
        Assert.Equal(oids.Order().Distinct(), oids);
        // System (8), snmp (9), PLAYOUT-MIB (2 + 30 + 15 + 12 + 9), snmpEngine (4).
        Assert.Equal(8 + 9 + 68 + 4, oids.Count);
    }

    [Theory]
    [InlineData("channelTable", "main", "backup")]
    [InlineData("outputTable", "udp://239.1.1.1:5000", "decklink 1")]
    [InlineData("alarmTable", "clip missing: a.mov", "alice")]
    [InlineData("txPairTable", "tx-main", "tx-reserve: no link for 5 s")]
    public async Task Snmptable_reads_each_table_by_name(string table, string first, string second)
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout);
        var (code, output, error) = await NetSnmp.Run("snmptable", [.. WithMib("-v2c", "-c", "public", "-Ci", "-Cf", "|", $"udp:127.0.0.1:{agent.Port}", $"PLAYOUT-MIB::{table}")]);
        Assert.True(code == 0, error + output);
        Assert.Contains(first, output);
        Assert.Contains(second, output);
    }

    [Fact]
    public async Task Snmptable_shows_loudness_with_its_display_hint_and_the_alarm_severity_by_name()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout);
        var channels = await NetSnmp.Run("snmptable", [.. WithMib("-v2c", "-c", "public", "-OU", "-Cf", "|", $"udp:127.0.0.1:{agent.Port}", "PLAYOUT-MIB::channelTable")]);
        Assert.True(channels.ExitCode == 0, channels.Error);
        Assert.Contains("|-23.1|", channels.Output);
        Assert.Contains("|onAir|", channels.Output);
        var alarms = await NetSnmp.Run("snmptable", [.. WithMib("-v2c", "-c", "public", "-Cf", "|", $"udp:127.0.0.1:{agent.Port}", "PLAYOUT-MIB::alarmTable")]);
        Assert.Contains("|major|", alarms.Output);
        Assert.Contains("2026-12-5,3:4:5.6,+0:0", alarms.Output);
    }

    [Fact]
    public async Task Snmptable_on_the_empty_device_table_says_so()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout);
        var (_, output, error) = await NetSnmp.Run("snmptable", [.. WithMib("-v2c", "-c", "public", $"udp:127.0.0.1:{agent.Port}", "PLAYOUT-MIB::deviceTable")]);
        Assert.Contains("deviceTable: No entries", output + error);
    }

    [Fact]
    public async Task Snmpset_of_channelAction_takes_on_a_scheduled_channel_and_is_inconsistent_on_one_without()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout, writeCommunity: "secret");
        var take = await NetSnmp.Run("snmpset", [.. WithMib("-v2c", "-c", "secret", $"udp:127.0.0.1:{agent.Port}", "PLAYOUT-MIB::channelAction.1", "i", "2")]);
        Assert.True(take.ExitCode == 0, take.Error);
        Assert.Equal([(1u, ChannelAction.Take, "snmp v2c 127.0.0.1")], playout.Actions);
        var unscheduled = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret", $"{Enterprise}.1.2.1.1.16.2", "i", "3"));
        Assert.Contains("inconsistentValue", unscheduled.Error);
        var idle = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret", $"{Enterprise}.1.2.1.1.16.1", "i", "1"));
        Assert.Contains("wrongValue", idle.Error);
        var read = await NetSnmp.Run("snmpget", NetSnmp.V2c(agent.Port, "public", $"{Enterprise}.1.2.1.1.16.1"));
        Assert.Contains("INTEGER: 1", read.Output);
        Assert.Single(playout.Actions);
    }

    [Fact]
    public async Task Snmpset_of_txPairOnAir_changes_over_by_name_and_refuses_other_values_and_a_side_without_link()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout, writeCommunity: "secret");
        var table = await NetSnmp.Run("snmptable", [.. WithMib("-v2c", "-c", "public", "-Cf", "|", $"udp:127.0.0.1:{agent.Port}", "PLAYOUT-MIB::txPairTable")]);
        Assert.Contains("site|tx-main|tx-reserve|main|", table.Output);

        var reserve = await NetSnmp.Run("snmpset", [.. WithMib("-v2c", "-c", "secret", $"udp:127.0.0.1:{agent.Port}", "PLAYOUT-MIB::txPairOnAir.1", "i", "reserve")]);
        Assert.True(reserve.ExitCode == 0, reserve.Error);
        Assert.Equal([(1u, PairSide.Reserve, "snmp v2c 127.0.0.1")], playout.Changeovers);
        var read = await NetSnmp.Run("snmpget", [.. WithMib("-v2c", "-c", "public", $"udp:127.0.0.1:{agent.Port}", "PLAYOUT-MIB::txPairOnAir.1", "PLAYOUT-MIB::txPairChangeovers.1")]);
        Assert.Contains("txPairOnAir.1 = INTEGER: reserve(2)", read.Output);
        Assert.Contains("txPairChangeovers.1 = Counter64: 1", read.Output);

        var junk = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret", $"{Enterprise}.1.6.1.1.5.1", "i", "3"));
        Assert.Contains("wrongValue", junk.Error);
        var text = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret", $"{Enterprise}.1.6.1.1.5.1", "s", "main"));
        Assert.Contains("wrongType", text.Error);
        var readOnly = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "public", $"{Enterprise}.1.6.1.1.5.1", "i", "1"));
        Assert.NotEqual(0, readOnly.ExitCode);
        playout.ReserveLinked = false;
        await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret", $"{Enterprise}.1.6.1.1.5.1", "i", "1"));
        var unlinked = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret", $"{Enterprise}.1.6.1.1.5.1", "i", "2"));
        Assert.Contains("inconsistentValue", unlinked.Error);
        Assert.Equal([PairSide.Reserve, PairSide.Main], playout.Changeovers.Select(c => c.To));
    }

    [Fact]
    public async Task A_commit_the_service_refuses_answers_commitFailed()
    {
        var playout = new InMemoryPlayout { RefuseAcknowledge = true };
        await using var agent = Start(playout, writeCommunity: "secret");
        var (code, _, error) = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret", $"{Enterprise}.1.4.1.1.6.7", "i", "1"));
        Assert.NotEqual(0, code);
        Assert.Contains("commitFailed", error);
    }

    [Fact]
    public async Task Empty_device_table_walks_to_nothing()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout);
        var (code, output, error) = await NetSnmp.Run("snmpwalk", NetSnmp.V2c(agent.Port, "public", $"{Enterprise}.1.5"));
        Assert.True(code == 0, error);
        Assert.Contains("No Such Object available on this agent at this OID", output);
    }

    [Fact]
    public async Task Snmpset_with_the_write_community_acknowledges_an_alarm_in_the_requesters_name()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout, writeCommunity: "secret");
        var (code, output, error) = await NetSnmp.Run("snmpset", [.. WithMib("-v2c", "-c", "secret", $"udp:127.0.0.1:{agent.Port}", "PLAYOUT-MIB::alarmAcked.7", "i", "1")]);
        Assert.True(code == 0, error);
        Assert.Contains("alarmAcked.7 = INTEGER: true(1)", output);
        var acked = playout.Alarms().Single(alarm => alarm.Id == 7);
        Assert.True(acked.Acked);
        Assert.Equal("snmp v2c 127.0.0.1", acked.AckUser);
        var user = await NetSnmp.Run("snmpget", NetSnmp.V2c(agent.Port, "public", $"{Enterprise}.1.4.1.1.7.7"));
        Assert.Contains("STRING: \"snmp v2c 127.0.0.1\"", user.Output);
    }

    [Fact]
    public async Task Snmpset_under_the_read_community_is_refused_with_noAccess_and_changes_nothing()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout);
        var (code, _, error) = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "public", $"{Enterprise}.1.4.1.1.6.7", "i", "1"));
        Assert.NotEqual(0, code);
        Assert.Contains("noAccess", error);
        Assert.False(playout.Alarms().Single(alarm => alarm.Id == 7).Acked);
        Assert.Equal(1u, agent.Counters.InBadCommunityUses);
    }

    [Theory]
    [InlineData("1.4.1.1.6.7", "i", "2", "wrongValue")]
    [InlineData("1.4.1.1.6.7", "s", "yes", "wrongType")]
    [InlineData("1.4.1.1.6.99", "i", "1", "noCreation")]
    [InlineData("1.4.1.1.4.7", "s", "edited", "notWritable")]
    [InlineData("1.2.1.1.2.1", "s", "renamed", "notWritable")]
    public async Task Snmpset_refusals_name_the_reason(string instance, string type, string value, string reason)
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout, writeCommunity: "secret");
        var (code, _, error) = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret", $"{Enterprise}.{instance}", type, value));
        Assert.NotEqual(0, code);
        Assert.Contains(reason, error);
        Assert.False(playout.Alarms().Single(alarm => alarm.Id == 7).Acked);
    }

    [Fact]
    public async Task A_set_of_two_bindings_commits_neither_when_the_second_fails_its_test()
    {
        var playout = new InMemoryPlayout();
        await using var agent = Start(playout, writeCommunity: "secret");
        var (code, _, error) = await NetSnmp.Run("snmpset", NetSnmp.V2c(agent.Port, "secret",
            $"{Enterprise}.1.4.1.1.6.7", "i", "1", $"{Enterprise}.1.4.1.1.6.42", "i", "3"));
        Assert.NotEqual(0, code);
        Assert.Contains("wrongValue", error);
        Assert.Contains("Failed object: .1.3.6.1.4.1.32473.1.4.1.1.6.42", error);
        Assert.False(playout.Alarms().Single(alarm => alarm.Id == 7).Acked);
    }
}
