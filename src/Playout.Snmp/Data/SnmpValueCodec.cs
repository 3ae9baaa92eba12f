using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>Reads any SNMP value by its tag (writing is each type's own <see cref="SnmpValue.Write"/>).</summary>
internal static class SnmpValueCodec
{
    public static SnmpValue Read(AsnReader reader)
    {
        var tag = reader.PeekTag();
        if (tag.IsConstructed) throw new SnmpDecodeException($"value tag {tag} is constructed");
        switch (tag.TagClass)
        {
            case TagClass.Universal:
                switch ((UniversalTagNumber)tag.TagValue)
                {
                    case UniversalTagNumber.Integer:
                        return reader.TryReadInt32(out var integer) ? new Integer32(integer) : throw OutOfRange("INTEGER");
                    case UniversalTagNumber.OctetString:
                        return new OctetString(reader.ReadOctetString());
                    case UniversalTagNumber.Null:
                        reader.ReadNull();
                        return Null.Instance;
                    case UniversalTagNumber.ObjectIdentifier:
                        return new ObjectIdentifier(OidCodec.Read(reader));
                }
                break;
            case TagClass.Application:
                switch (tag.TagValue)
                {
                    case 0: return new IpAddress(reader.ReadOctetString(SnmpTags.IpAddress));
                    case 1: return new Counter32(ReadUInt32(reader, SnmpTags.Counter32, "Counter32"));
                    case 2: return new Gauge32(ReadUInt32(reader, SnmpTags.Gauge32, "Gauge32"));
                    case 3: return new TimeTicks(ReadUInt32(reader, SnmpTags.TimeTicks, "TimeTicks"));
                    case 4: return new Opaque(reader.ReadOctetString(SnmpTags.Opaque));
                    case 6:
                        return reader.TryReadUInt64(out var counter64, SnmpTags.Counter64) ? new Counter64(counter64) : throw OutOfRange("Counter64");
                }
                break;
            case TagClass.ContextSpecific:
                switch (tag.TagValue)
                {
                    case 0: reader.ReadNull(SnmpTags.NoSuchObject); return Null.NoSuchObject;
                    case 1: reader.ReadNull(SnmpTags.NoSuchInstance); return Null.NoSuchInstance;
                    case 2: reader.ReadNull(SnmpTags.EndOfMibView); return Null.EndOfMibView;
                }
                break;
        }
        throw new SnmpDecodeException($"value tag {tag} is not an SNMP type");
    }

    private static uint ReadUInt32(AsnReader reader, Asn1Tag tag, string type) =>
        reader.TryReadUInt32(out var value, tag) ? value : throw OutOfRange(type);

    private static SnmpDecodeException OutOfRange(string type) => new($"{type} value out of range");
}
