using System.Net;
using System.Security.Cryptography;
using System.Text;
using Playout.Snmp.Agent;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>
/// SNMPv2c (RFC 1901, RFC 3584 §4): a message whose community matches the read community may read
/// everything; the write community (if any) may also write. Any other community is dropped and counted
/// in snmpInBadCommunityNames (no response, so a scanner learns nothing).
/// </summary>
public sealed class CommunitySecurityModel(CommunityOptions options, int maxMessageSize) : ISecurityModel
{
    private readonly byte[] _read = Encoding.UTF8.GetBytes(options.ReadCommunity);
    private readonly byte[]? _write = options.WriteCommunity is { } write ? Encoding.UTF8.GetBytes(write) : null;

    public int Version => (int)SnmpVersion.V2c;

    public InboundResult Accept(ReadOnlyMemory<byte> datagram, IPEndPoint peer, AgentCounters counters)
    {
        var message = CommunityMessage.Decode(datagram);
        IAccessView view;
        var writeCommunity = _write is not null && CryptographicOperations.FixedTimeEquals(message.Community, _write);
        if (writeCommunity) view = options.WriteAccess ?? AccessView.ReadWrite;
        else if (CryptographicOperations.FixedTimeEquals(message.Community, _read)) view = options.ReadAccess ?? AccessView.ReadOnly;
        else
        {
            counters.CountBadCommunityName();
            return InboundResult.Dropped;
        }
        // A SET under the read community is answered (noAccess) but counted as an operation the community does not allow.
        if (message.Pdu.Type == PduType.Set && !writeCommunity) counters.CountBadCommunityUse();
        var context = new RequestContext($"snmp v2c {peer.Address}", view, maxMessageSize, peer, message.Community);
        return InboundResult.Accepted(message.Pdu, context);
    }

    public byte[] Encode(Pdu response, RequestContext context) =>
        new CommunityMessage(SnmpVersion.V2c, (byte[])context.SecurityState!, response).Encode();
}
