using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>Counter64 (SNMPv2 only).</summary>
public sealed class Counter64(ulong value) : SnmpValue, IEquatable<Counter64>
{
    public ulong Value { get; } = value;

    internal override void Write(AsnWriter writer) => writer.WriteInteger(Value, SnmpTags.Counter64);

    public bool Equals(Counter64? other) => other is not null && other.Value == Value;
    public override bool Equals(object? obj) => Equals(obj as Counter64);
    public override int GetHashCode() => Value.GetHashCode();
    public override string ToString() => $"Counter64: {Value}";
}
