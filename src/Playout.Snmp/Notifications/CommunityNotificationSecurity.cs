using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Notifications;

/// <summary>SNMPv2c notifications: the target's community on the way out, and only answers under it accepted.</summary>
public sealed class CommunityNotificationSecurity(string community) : INotificationSecurity
{
    private readonly byte[] _community = Encoding.UTF8.GetBytes(community);

    public byte[] Encode(Pdu pdu) => new CommunityMessage(SnmpVersion.V2c, _community, pdu).Encode();

    public Pdu? Decode(ReadOnlyMemory<byte> datagram)
    {
        try
        {
            var message = CommunityMessage.Decode(datagram);
            return message.Version == SnmpVersion.V2c && CryptographicOperations.FixedTimeEquals(message.Community, _community) ? message.Pdu : null;
        }
        catch (Exception error) when (error is AsnContentException or SnmpDecodeException)
        {
            return null;
        }
    }
}
