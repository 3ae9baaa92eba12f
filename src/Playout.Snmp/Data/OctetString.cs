using System.Formats.Asn1;
using System.Text;

namespace Playout.Snmp.Data;

/// <summary>OCTET STRING (also DisplayString as UTF-8).</summary>
public sealed class OctetString(ReadOnlySpan<byte> bytes) : BytesValue(bytes)
{
    public OctetString(string text) : this(Encoding.UTF8.GetBytes(text)) { }

    private protected override Asn1Tag Tag => Asn1Tag.PrimitiveOctetString;

    public string Text => Encoding.UTF8.GetString(Bytes);

    public override string ToString() => $"STRING: {Text}";
}
