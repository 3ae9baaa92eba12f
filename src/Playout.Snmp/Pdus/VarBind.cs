using Playout.Snmp.Data;

namespace Playout.Snmp.Pdus;

/// <summary>A variable binding: an object instance's name and its value (NULL in requests that only name it).</summary>
public readonly record struct VarBind(Oid Oid, SnmpValue Value)
{
    public VarBind(Oid oid) : this(oid, Null.Instance) { }

    public override string ToString() => $"{Oid} = {Value}";
}
