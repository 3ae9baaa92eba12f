using Playout.Snmp.Data;

namespace Playout.Snmp.Mib;

/// <summary>What the SNMPv2-MIB system group says about this agent's host (RFC 3418 §2).</summary>
public sealed record SystemInfo(string Description, Oid ObjectId, string Contact, string Name, string Location)
{
    /// <summary>sysServices: applications (layer 7) and end-to-end (layer 4): 2^6 + 2^3.</summary>
    public const int Services = 72;
}
