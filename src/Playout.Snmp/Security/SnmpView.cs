using Playout.Snmp.Data;

namespace Playout.Snmp.Security;

/// <summary>
/// A named MIB view (RFC 3415 §5.2.1.3): an OID is in the view when the most specific family that matches it (the longest
/// subtree; among equals, the lexicographically greatest) is an included one. No match means not in the view.
/// </summary>
public sealed class SnmpView
{
    /// <summary>A view holding nothing: what an unconfigured read or write right gets (closed by default).</summary>
    public static readonly SnmpView Empty = new("none", []);

    private readonly SnmpViewFamily[] _families;

    public SnmpView(string name, IEnumerable<SnmpViewFamily> families)
    {
        Name = name;
        // Most specific first, so the first match decides.
        _families = families
            .OrderByDescending(f => f.Subtree.Length)
            .ThenByDescending(f => f.Subtree)
            .ToArray();
    }

    public string Name { get; }

    public IReadOnlyList<SnmpViewFamily> Families => _families;

    public bool Contains(Oid oid)
    {
        foreach (var family in _families)
        {
            if (family.Matches(oid))
                return family.Included;
        }
        return false;
    }

    public override string ToString() => Name;
}
