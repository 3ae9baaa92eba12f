using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>Gauge32 (also Unsigned32): a level that goes up and down, latching at its maximum.</summary>
public sealed class Gauge32(uint value) : UnsignedValue(value)
{
    private protected override Asn1Tag Tag => SnmpTags.Gauge32;
}
