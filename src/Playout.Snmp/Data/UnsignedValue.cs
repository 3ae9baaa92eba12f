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

/// <summary>Counter32: wraps at 2^32; only its differences mean anything.</summary>
public sealed class Counter32(uint value) : UnsignedValue(value)
{
    private protected override Asn1Tag Tag => SnmpTags.Counter32;
}

/// <summary>Gauge32 (also Unsigned32): a level that goes up and down, latching at its maximum.</summary>
public sealed class Gauge32(uint value) : UnsignedValue(value)
{
    private protected override Asn1Tag Tag => SnmpTags.Gauge32;
}

/// <summary>TimeTicks: hundredths of a second.</summary>
public sealed class TimeTicks(uint value) : UnsignedValue(value)
{
    private protected override Asn1Tag Tag => SnmpTags.TimeTicks;

    /// <summary>The ticks for an elapsed time, wrapping at 2^32 hundredths as the type does.</summary>
    public static TimeTicks From(TimeSpan elapsed) => new((uint)((ulong)Math.Max(0, elapsed.Ticks / TimeSpan.TicksPerMillisecond / 10) & uint.MaxValue));
}
