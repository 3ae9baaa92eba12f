using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>The unsigned 32-bit application types share their encoding and differ only by tag and meaning.</summary>
public abstract class UnsignedValue : SnmpValue, IEquatable<UnsignedValue>
{
    private protected UnsignedValue(uint value) => Value = value;

    public uint Value { get; }

    private protected abstract Asn1Tag Tag { get; }

    internal override void Write(AsnWriter writer) => writer.WriteInteger((ulong)Value, Tag);

    public bool Equals(UnsignedValue? other) => other is not null && other.GetType() == GetType() && other.Value == Value;
    public override bool Equals(object? obj) => Equals(obj as UnsignedValue);
    public override int GetHashCode() => HashCode.Combine(GetType(), Value);
    public override string ToString() => $"{GetType().Name}: {Value}";
}
