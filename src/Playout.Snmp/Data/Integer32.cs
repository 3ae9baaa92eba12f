using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>INTEGER / Integer32 (also enumerations and TruthValue).</summary>
public sealed class Integer32(int value) : SnmpValue, IEquatable<Integer32>
{
    public int Value { get; } = value;

    internal override void Write(AsnWriter writer) => writer.WriteInteger(Value);

    public bool Equals(Integer32? other) => other is not null && other.Value == Value;
    public override bool Equals(object? obj) => Equals(obj as Integer32);
    public override int GetHashCode() => Value;
    public override string ToString() => $"INTEGER: {Value}";
}
