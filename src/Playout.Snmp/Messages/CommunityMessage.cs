using System.Formats.Asn1;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Messages;

/// <summary>A community-based message (RFC 1901/3584): SEQUENCE { version, community OCTET STRING, PDU }.</summary>
public sealed record CommunityMessage(SnmpVersion Version, byte[] Community, Pdu Pdu)
{
    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)Version);
            writer.WriteOctetString(Community);
            PduCodec.Write(writer, Pdu);
        }
        return writer.Encode();
    }

    /// <summary>Decodes a whole datagram. Throws <see cref="SnmpDecodeException"/> or <see cref="AsnContentException"/> on junk.</summary>
    public static CommunityMessage Decode(ReadOnlyMemory<byte> datagram)
    {
        var reader = new AsnReader(datagram, AsnEncodingRules.BER);
        var message = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (!message.TryReadInt32(out var version) || version is not ((int)SnmpVersion.V1 or (int)SnmpVersion.V2c))
            throw new SnmpDecodeException("not a community-based message version");
        var community = message.ReadOctetString();
        var pdu = PduCodec.Read(message);
        message.ThrowIfNotEmpty();
        return new CommunityMessage((SnmpVersion)version, community, pdu);
    }
}
