using Playout.Snmp.Agent;
using Playout.Snmp.Security;

namespace Playout.HwSim.Snmp;

/// <summary>The twin's SNMPv3 side: the configured user, given the whole tree to read and write, under the twin's engine.</summary>
internal static class TwinUsm
{
    private static readonly IReadOnlyDictionary<string, SnmpView> Everything =
        new Dictionary<string, SnmpView> { ["all"] = SnmpViewParser.Parse("all", ["include 1.3.6.1"]) };

    public static ISecurityModel[] Models(UsmUserOptions? user, ISnmpEngine engine) => user is null ? [] :
        [new UsmSecurityModel(engine, [UsmUserFactory.Create(user with { ReadView = "all", WriteView = "all" }, engine.EngineId.Span, Everything)])];
}
