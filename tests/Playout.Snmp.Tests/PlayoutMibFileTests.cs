using Playout.Snmp.PlayoutMib;
using Playout.TestSupport;

namespace Playout.Snmp.Tests;

/// <summary>configs/PLAYOUT-MIB.txt is a clean SMIv2 module, and the agent serves what it declares.</summary>
public class PlayoutMibFileTests
{
    private static readonly string MibFile = Path.Combine(NetSnmp.ConfigsDirectory, "PLAYOUT-MIB.txt");

    /// <summary>The SMIv2 base modules the MIB imports, for hosts whose tools ship without them.</summary>
    private static readonly Dictionary<string, string> BaseModules = new() { ["SMIPATH"] = Path.Combine(NetSnmp.ConfigsDirectory, "mibs") };

    [Fact]
    public void Smilint_at_level_6_reports_nothing()
    {
        var lint = ExternalTool.Execute("smilint", ["-l", "6", "-s", MibFile], environment: BaseModules);
        Assert.True(lint.ExitCode == 0 && lint.Error.Length == 0 && lint.OutputText.Length == 0, lint.Error + lint.OutputText);
    }

    [Fact]
    public void Smilint_would_report_a_broken_module()
    {
        using var folder = new TempDirectory();
        var broken = File.ReadAllText(MibFile).Replace("    ::= { channelEntry 15 }", "    ::= { channelEntry 14 }", StringComparison.Ordinal);
        var lint = ExternalTool.Execute("smilint", ["-l", "6", folder.Write("PLAYOUT-MIB.txt", System.Text.Encoding.UTF8.GetBytes(broken))], environment: BaseModules);
        Assert.Contains("channelFreezeState", lint.Error + lint.OutputText);
    }

    [Fact]
    public void Every_oid_the_agent_serves_is_declared_in_the_mib_file()
    {
        var oids = new PlayoutMibOids(PlayoutMibOids.DocumentationEnterprise);
        var translate = ExternalTool.Execute("snmptranslate",
            ["-M", $"+{NetSnmp.ConfigsDirectory}:{Path.Combine(NetSnmp.ConfigsDirectory, "mibs")}", "-m", "PLAYOUT-MIB", "-On",
             "PLAYOUT-MIB::playoutProductName", "PLAYOUT-MIB::channelEntry", "PLAYOUT-MIB::outputEntry", "PLAYOUT-MIB::alarmEntry",
             "PLAYOUT-MIB::deviceEntry", "PLAYOUT-MIB::playoutServer", "PLAYOUT-MIB::alarmRaised", "PLAYOUT-MIB::channelStateChanged",
             "PLAYOUT-MIB::alarmAcked", "PLAYOUT-MIB::channelSilenceState", "PLAYOUT-MIB::txPairEntry", "PLAYOUT-MIB::txPairChangeover",
             "PLAYOUT-MIB::txPairHeld"]);
        Assert.True(translate.ExitCode == 0, translate.Error);
        Assert.Equal(
            [oids.ProductName, oids.ChannelEntry, oids.OutputEntry, oids.AlarmEntry, oids.DeviceEntry, oids.Server, oids.AlarmRaised, oids.ChannelStateChanged,
             oids.AlarmEntry.Append(PlayoutMibOids.Columns.AlarmAcked), oids.ChannelEntry.Append(PlayoutMibOids.Columns.ChannelSilenceState),
             oids.TxPairEntry, oids.TxPairChangeover, oids.TxPairEntry.Append(PlayoutMibOids.Columns.TxPairHeld)],
            translate.OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Data.Oid.Parse(line)));
    }
}
