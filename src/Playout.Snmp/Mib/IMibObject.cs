using Playout.Snmp.Data;

namespace Playout.Snmp.Mib;

/// <summary>
/// A registered subtree of the MIB (a scalar, a table's entry, or any handler of a subtree), answering for
/// every instance under <see cref="Root"/>. Registered subtrees never overlap.
/// </summary>
public interface IMibObject
{
    Oid Root { get; }

    /// <summary>The value of an instance under <see cref="Root"/>, or noSuchObject / noSuchInstance.</summary>
    SnmpValue Get(Oid instance, MibRequest request);

    /// <summary>The first instance in this subtree after <paramref name="after"/> (which may lie before the subtree), or null.</summary>
    (Oid Instance, SnmpValue Value)? Next(Oid after, MibRequest request);

    /// <summary>Tests a SET of <paramref name="value"/> on an instance under <see cref="Root"/>.</summary>
    SetOutcome PrepareSet(Oid instance, SnmpValue value, MibRequest request);
}
