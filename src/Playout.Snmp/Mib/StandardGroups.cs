using Playout.Snmp.Agent;
using Playout.Snmp.Data;

namespace Playout.Snmp.Mib;

/// <summary>
/// The standard objects every agent serves: SNMPv2-MIB system and snmp groups (RFC 3418) and
/// SNMP-FRAMEWORK-MIB's snmpEngine group (RFC 3411), read from the agent's live counters and engine.
/// </summary>
public static class StandardGroups
{
    public static readonly Oid System = Oid.Parse("1.3.6.1.2.1.1");
    public static readonly Oid Snmp = Oid.Parse("1.3.6.1.2.1.11");
    public static readonly Oid SnmpEngine = Oid.Parse("1.3.6.1.6.3.10.2.1");
    public static readonly Oid SysUpTimeInstance = Oid.Parse("1.3.6.1.2.1.1.3.0");

    /// <summary>snmpTrapOID.0 (SNMPv2-MIB): the second binding of every notification.</summary>
    public static readonly Oid SnmpTrapOidInstance = Oid.Parse("1.3.6.1.6.3.1.1.4.1.0");

    public static void Register(MibTree tree, SystemInfo system, AgentCounters counters, ISnmpEngine engine, UpTime upTime)
    {
        Scalar(tree, System, 1, () => new OctetString(system.Description));
        Scalar(tree, System, 2, () => new ObjectIdentifier(system.ObjectId));
        Scalar(tree, System, 3, () => upTime.Now);
        Scalar(tree, System, 4, () => new OctetString(system.Contact));
        Scalar(tree, System, 5, () => new OctetString(system.Name));
        Scalar(tree, System, 6, () => new OctetString(system.Location));
        Scalar(tree, System, 7, () => new Integer32(SystemInfo.Services));
        // sysORLastChange: the sysORTable is empty and never changes after start.
        Scalar(tree, System, 8, () => new TimeTicks(0));

        Scalar(tree, Snmp, 1, () => new Counter32(counters.InPkts));
        Scalar(tree, Snmp, 2, () => new Counter32(counters.OutPkts));
        Scalar(tree, Snmp, 3, () => new Counter32(counters.InBadVersions));
        Scalar(tree, Snmp, 4, () => new Counter32(counters.InBadCommunityNames));
        Scalar(tree, Snmp, 5, () => new Counter32(counters.InBadCommunityUses));
        Scalar(tree, Snmp, 6, () => new Counter32(counters.InAsnParseErrs));
        // snmpEnableAuthenTraps: disabled(2); authentication failures are counted, not trapped.
        Scalar(tree, Snmp, 30, () => new Integer32(2));
        Scalar(tree, Snmp, 31, () => new Counter32(counters.SilentDrops));
        // snmpProxyDrops: this agent is no proxy.
        Scalar(tree, Snmp, 32, () => new Counter32(0));

        Scalar(tree, SnmpEngine, 1, () => new OctetString(engine.EngineId.Span));
        Scalar(tree, SnmpEngine, 2, () => new Integer32(engine.EngineBoots));
        Scalar(tree, SnmpEngine, 3, () => new Integer32(engine.EngineTime));
        Scalar(tree, SnmpEngine, 4, () => new Integer32(engine.MaxMessageSize));
    }

    private static void Scalar(MibTree tree, Oid group, uint id, Func<SnmpValue> read) => tree.Register(new MibScalar(group.Append(id), read));
}
