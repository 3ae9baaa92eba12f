using Playout.Snmp.Data;

namespace Playout.Snmp.Mib;

/// <summary>
/// The agent's MIB: registered subtrees in OID order (a sorted index searched by binary search), so GET finds
/// the subtree holding an instance and GETNEXT moves from subtree to subtree in lexicographic order.
/// Registration happens before the agent starts; lookups never lock.
/// </summary>
public sealed class MibTree
{
    private IMibObject[] _objects = [];

    /// <summary>Adds a subtree. Throws when it overlaps one already registered.</summary>
    public void Register(IMibObject mibObject)
    {
        foreach (var existing in _objects)
            if (existing.Root.StartsWith(mibObject.Root) || mibObject.Root.StartsWith(existing.Root))
                throw new ArgumentException($"MIB subtree {mibObject.Root} overlaps {existing.Root}", nameof(mibObject));
        _objects = [.. _objects.Append(mibObject).OrderBy(o => o.Root)];
    }

    /// <summary>The subtree holding <paramref name="instance"/>, or null.</summary>
    public IMibObject? Find(Oid instance)
    {
        var at = LastAtOrBefore(instance);
        return at >= 0 && instance.StartsWith(_objects[at].Root) ? _objects[at] : null;
    }

    /// <summary>The first instance after <paramref name="after"/> that <paramref name="readable"/> admits, or null at the end of the MIB.</summary>
    public (Oid Instance, SnmpValue Value)? Next(Oid after, Func<Oid, bool> readable, MibRequest request)
    {
        var at = LastAtOrBefore(after);
        // Start in the subtree holding `after` if there is one, else in the first subtree after it.
        if (at < 0 || !after.StartsWith(_objects[at].Root)) at++;
        for (; at < _objects.Length; at++)
        {
            var cursor = after;
            while (_objects[at].Next(cursor, request) is { } found)
            {
                if (readable(found.Instance)) return found;
                cursor = found.Instance;
            }
        }
        return null;
    }

    /// <summary>Index of the last subtree whose root sorts at or before <paramref name="oid"/>; -1 if none.</summary>
    private int LastAtOrBefore(Oid oid)
    {
        int low = 0, high = _objects.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_objects[mid].Root.CompareTo(oid) <= 0) low = mid + 1;
            else high = mid - 1;
        }
        return high;
    }
}
