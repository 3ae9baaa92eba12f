using Playout.Snmp.Data;

namespace Playout.Snmp.Security;

/// <summary>
/// One vacmViewTreeFamily entry (RFC 3415 §5.2.1.3): a subtree, an optional bit mask over its arcs (bit 1 = this arc must
/// match, 0 = any value; a short mask is extended with ones), and whether the family is included in or excluded from the view.
/// </summary>
public sealed class SnmpViewFamily
{
    private readonly byte[] _mask;

    public SnmpViewFamily(Oid subtree, bool included, ReadOnlySpan<byte> mask = default)
    {
        Subtree = subtree;
        Included = included;
        _mask = mask.ToArray();
    }

    public Oid Subtree { get; }

    public bool Included { get; }

    public ReadOnlySpan<byte> Mask => _mask;

    /// <summary>True when <paramref name="oid"/> lies in this family's subtree, wildcarded arcs matching anything.</summary>
    public bool Matches(Oid oid)
    {
        var subtree = Subtree.Arcs;
        if (oid.Length < subtree.Length)
            return false;
        var arcs = oid.Arcs;
        for (var i = 0; i < subtree.Length; i++)
        {
            if (arcs[i] != subtree[i] && !IsWildcard(i))
                return false;
        }
        return true;
    }

    private bool IsWildcard(int arc)
    {
        var index = arc / 8;
        return index < _mask.Length && (_mask[index] & (0x80 >> (arc % 8))) == 0;
    }

    public override string ToString() =>
        $"{(Included ? "include" : "exclude")} {Subtree}{(_mask.Length > 0 ? " mask " + Convert.ToHexStringLower(_mask) : "")}";
}
