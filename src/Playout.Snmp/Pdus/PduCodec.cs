using System.Formats.Asn1;
using Playout.Snmp.Data;

namespace Playout.Snmp.Pdus;

/// <summary>PDUs to and from BER (RFC 3416 §3): [type] SEQUENCE { request-id, error-status, error-index, SEQUENCE OF VarBind }.</summary>
public static class PduCodec
{
    /// <summary>More variable bindings than any sane request carries; bounds the work a datagram can cause.</summary>
    public const int MaxVarBinds = 512;

    public static void Write(AsnWriter writer, Pdu pdu)
    {
        using (writer.PushSequence(SnmpTags.Pdu(pdu.Type)))
        {
            writer.WriteInteger(pdu.RequestId);
            writer.WriteInteger(pdu.ErrorStatusField);
            writer.WriteInteger(pdu.ErrorIndex);
            using (writer.PushSequence())
            {
                foreach (var varBind in pdu.VarBinds)
                {
                    using (writer.PushSequence())
                    {
                        OidCodec.Write(writer, varBind.Oid);
                        varBind.Value.Write(writer);
                    }
                }
            }
        }
    }

    /// <summary>The encoded size of one variable binding, for trimming responses to a size limit.</summary>
    public static int EncodedSize(VarBind varBind)
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence())
        {
            OidCodec.Write(writer, varBind.Oid);
            varBind.Value.Write(writer);
        }
        return writer.GetEncodedLength();
    }

    /// <summary>Reads the PDU at the reader's position. Throws <see cref="SnmpDecodeException"/> or <see cref="AsnContentException"/> on junk.</summary>
    public static Pdu Read(AsnReader reader)
    {
        var tag = reader.PeekTag();
        if (tag.TagClass != TagClass.ContextSpecific || !tag.IsConstructed || !Enum.IsDefined((PduType)tag.TagValue))
            throw new SnmpDecodeException($"tag {tag} is not an SNMPv2 PDU");
        var type = (PduType)tag.TagValue;
        var body = reader.ReadSequence(tag);
        var requestId = ReadInt32(body, "request-id");
        var errorStatus = ReadInt32(body, "error-status");
        var errorIndex = ReadInt32(body, "error-index");
        var list = body.ReadSequence();
        var varBinds = new List<VarBind>();
        while (list.HasData)
        {
            if (varBinds.Count == MaxVarBinds) throw new SnmpDecodeException($"more than {MaxVarBinds} variable bindings");
            var item = list.ReadSequence();
            var oid = OidCodec.Read(item);
            var value = SnmpValueCodec.Read(item);
            item.ThrowIfNotEmpty();
            varBinds.Add(new VarBind(oid, value));
        }
        body.ThrowIfNotEmpty();
        return new Pdu(type, requestId, errorStatus, errorIndex, varBinds);
    }

    private static int ReadInt32(AsnReader reader, string field) =>
        reader.TryReadInt32(out var value) ? value : throw new SnmpDecodeException($"{field} out of range");
}
