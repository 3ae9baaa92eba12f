using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Manager;

/// <summary>SNMPv2c: reads with the read community, SETs with the write one, and only answers under the request's community count.</summary>
internal sealed class CommunityManagerSecurity(string community, string? writeCommunity) : IManagerSecurity
{
    private readonly byte[] _read = Encoding.UTF8.GetBytes(community);
    private readonly byte[] _write = Encoding.UTF8.GetBytes(writeCommunity ?? community);
    private byte[] _awaited = [];

    public byte[] Wrap(Pdu request, bool write)
    {
        _awaited = write ? _write : _read;
        return new CommunityMessage(SnmpVersion.V2c, _awaited, request).Encode();
    }

    // A v2c agent drops a wrong community silently (it counts it in snmpInBadCommunityNames).
    public string Unanswered => "; a wrong community also goes unanswered";

    public ManagerReply Read(ReadOnlyMemory<byte> datagram, int requestId)
    {
        CommunityMessage message;
        try
        {
            message = CommunityMessage.Decode(datagram);
        }
        catch (Exception error) when (error is SnmpDecodeException or AsnContentException)
        {
            return new ManagerReply.Skip($"an undecodable datagram of {datagram.Length} bytes: {error.Message}");
        }
        if (message.Pdu.Type != PduType.Response || message.Pdu.RequestId != requestId)
            return new ManagerReply.Skip($"a {message.Pdu.Type} with request-id {message.Pdu.RequestId} (awaiting {requestId})");
        if (!CryptographicOperations.FixedTimeEquals(message.Community, _awaited))
            return new ManagerReply.Skip("a response with another community");
        return new ManagerReply.Answer(message.Pdu);
    }
}
