using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>An OBJECT IDENTIFIER carried as a value (sysObjectID, a trap's snmpTrapOID).</summary>
public sealed class ObjectIdentifier(Oid value) : SnmpValue, IEquatable<ObjectIdentifier>
{
    public Oid Value { get; } = value;

    internal override void Write(AsnWriter writer) => OidCodec.Write(writer, Value);

    public bool Equals(ObjectIdentifier? other) => other is not null && other.Value == Value;
    public override bool Equals(object? obj) => Equals(obj as ObjectIdentifier);
    public override int GetHashCode() => Value.GetHashCode();
    public override string ToString() => $"OID: {Value}";
}
