namespace Playout.Snmp.Security;

/// <summary>
/// SNMPv3 and view configuration. Closed by default: no users means no SNMPv3 at all (the agent then drops v3 messages as an
/// unsupported version), and a principal without a view may read or write nothing.
/// </summary>
public sealed record UsmOptions
{
    /// <summary>Named views, each a list of families: "include OID", "exclude OID", optionally "... mask HEX".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Views { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<UsmUserOptions> Users { get; init; } = [];
}
