using System.Formats.Asn1;
using System.Globalization;

namespace Playout.Snmp.Data;

/// <summary>OBJECT IDENTIFIER to and from BER, rejecting sub-identifiers that do not fit SNMP's 32 bits.</summary>
internal static class OidCodec
{
    public static void Write(AsnWriter writer, Oid oid) => writer.WriteObjectIdentifier(oid.ToString());

    public static Oid Read(AsnReader reader)
    {
        var text = reader.ReadObjectIdentifier();
        if (!Oid.TryParse(text, out var oid))
            throw new SnmpDecodeException($"OID {Truncate(text)} has a sub-identifier over {uint.MaxValue.ToString(CultureInfo.InvariantCulture)}");
        if (oid.Length > MaxArcs) throw new SnmpDecodeException($"OID has {oid.Length} sub-identifiers, more than {MaxArcs}");
        return oid;
    }

    /// <summary>RFC 2578 §3.5: at most 128 sub-identifiers.</summary>
    public const int MaxArcs = 128;

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
