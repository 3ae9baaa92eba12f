using System.Formats.Asn1;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>ScopedPDU (RFC 3412 §6.8): SEQUENCE { contextEngineID OCTET STRING, contextName OCTET STRING, PDU }.</summary>
public sealed record ScopedPdu(byte[] ContextEngineId, byte[] ContextName, Pdu Pdu)
{
    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence())
        {
            writer.WriteOctetString(ContextEngineId);
            writer.WriteOctetString(ContextName);
            PduCodec.Write(writer, Pdu);
        }
        return writer.Encode();
    }

    /// <summary>
    /// Decodes a ScopedPDU. Bytes after it are ignored: a decrypted PDU may carry a cipher's padding (DES does; RFC 3414
    /// §8.1.1.2 lets the receiver ignore it). Throws <see cref="SnmpDecodeException"/> or <see cref="AsnContentException"/> on junk.
    /// </summary>
    public static ScopedPdu Decode(ReadOnlyMemory<byte> encoded)
    {
        var reader = new AsnReader(encoded, AsnEncodingRules.BER);
        var scoped = reader.ReadSequence();
        var contextEngineId = scoped.ReadOctetString();
        var contextName = scoped.ReadOctetString();
        if (contextEngineId.Length > 32 || contextName.Length > 32)
            throw new SnmpDecodeException("contextEngineID or contextName longer than 32 bytes");
        var pdu = PduCodec.Read(scoped);
        scoped.ThrowIfNotEmpty();
        return new ScopedPdu(contextEngineId, contextName, pdu);
    }
}
