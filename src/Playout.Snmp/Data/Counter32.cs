using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>Counter32: wraps at 2^32; only its differences mean anything.</summary>
public sealed class Counter32(uint value) : UnsignedValue(value)
{
    private protected override Asn1Tag Tag => SnmpTags.Counter32;
}
