using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>
/// OBJECT IDENTIFIER to and from BER, straight between sub-identifiers and octets (no dotted text in between: every
/// binding of every request and response passes here). Refuses sub-identifiers that do not fit SNMP's 32 bits,
/// non-minimal sub-identifier encodings and more than 128 sub-identifiers.
/// </summary>
internal static class OidCodec
{
    /// <summary>RFC 2578 §3.5: at most 128 sub-identifiers.</summary>
    public const int MaxArcs = 128;

    /// <summary>Tag, up to 3 length octets, and at most 5 octets per sub-identifier.</summary>
    private const int MaxEncodedLength = 1 + 3 + 5 * MaxArcs;

    public static void Write(AsnWriter writer, Oid oid)
    {
        var arcs = oid.Arcs;
        if (arcs.Length is < 2 or > MaxArcs || arcs[0] > 2 || arcs[0] < 2 && arcs[1] >= 40)
            throw new ArgumentException($"OID {oid} cannot be encoded (two to {MaxArcs} arcs, the first 0, 1 or 2)", nameof(oid));
        Span<byte> content = stackalloc byte[5 * MaxArcs];
        var length = Base128(content, arcs[0] * 40UL + arcs[1]);
        foreach (var arc in arcs[2..]) length += Base128(content[length..], arc);
        Span<byte> encoded = stackalloc byte[MaxEncodedLength];
        encoded[0] = 0x06;
        var header = 1;
        if (length < 0x80) encoded[header++] = (byte)length;
        else if (length < 0x100) { encoded[header++] = 0x81; encoded[header++] = (byte)length; }
        else { encoded[header++] = 0x82; encoded[header++] = (byte)(length >> 8); encoded[header++] = (byte)length; }
        content[..length].CopyTo(encoded[header..]);
        writer.WriteEncodedValue(encoded[..(header + length)]);
    }

    public static Oid Read(AsnReader reader)
    {
        var tag = reader.PeekTag();
        if (tag != Asn1Tag.ObjectIdentifier) throw new SnmpDecodeException($"tag {tag} is not an OBJECT IDENTIFIER");
        var encoded = reader.ReadEncodedValue().Span;
        AsnDecoder.ReadEncodedValue(encoded, AsnEncodingRules.BER, out var offset, out var length, out _);
        var content = encoded.Slice(offset, length);
        if (content.IsEmpty) throw new SnmpDecodeException("OBJECT IDENTIFIER with no content");
        Span<uint> arcs = stackalloc uint[MaxArcs];
        var count = 0;
        ulong value = 0;
        var started = false;
        foreach (var octet in content)
        {
            // X.690 8.19.2: a sub-identifier's first octet is never 0x80 (that would be a leading zero).
            if (!started && octet == 0x80) throw new SnmpDecodeException("OBJECT IDENTIFIER sub-identifier not minimally encoded");
            started = true;
            value = value << 7 | (uint)(octet & 0x7F);
            // The first sub-identifier holds two arcs (40 * first + second): up to 2^32 - 1 + 80.
            if (value > uint.MaxValue + (count == 0 ? 80UL : 0UL)) throw new SnmpDecodeException($"OID sub-identifier {count + 1} is over {uint.MaxValue}");
            if ((octet & 0x80) != 0) continue;
            if (count + (count == 0 ? 2 : 1) > MaxArcs) throw new SnmpDecodeException($"OID has more than {MaxArcs} sub-identifiers");
            if (count == 0)
            {
                var first = value < 80 ? (uint)(value / 40) : 2;
                arcs[count++] = first;
                arcs[count++] = (uint)(value - first * 40UL);
            }
            else arcs[count++] = (uint)value;
            value = 0;
            started = false;
        }
        if (started) throw new SnmpDecodeException("OBJECT IDENTIFIER ends inside a sub-identifier");
        return new Oid(arcs[..count]);
    }

    /// <summary>Writes <paramref name="value"/> in base 128, high groups first, and returns the octets written.</summary>
    private static int Base128(Span<byte> destination, ulong value)
    {
        var groups = 1;
        for (var rest = value >> 7; rest != 0; rest >>= 7) groups++;
        for (var i = 0; i < groups; i++)
            destination[i] = (byte)((value >> (7 * (groups - 1 - i)) & 0x7F) | (i < groups - 1 ? 0x80u : 0u));
        return groups;
    }
}
