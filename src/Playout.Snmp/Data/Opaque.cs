using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>Opaque: arbitrary BER wrapped in an octet string.</summary>
public sealed class Opaque(ReadOnlySpan<byte> bytes) : BytesValue(bytes)
{
    private protected override Asn1Tag Tag => SnmpTags.Opaque;

    public override string ToString() => $"Opaque: {Convert.ToHexString(Bytes)}";
}
