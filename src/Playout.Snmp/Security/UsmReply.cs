using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>What a datagram from an authoritative engine is to the non-authoritative side (<see cref="UsmRemoteEngine"/>).</summary>
/// <param name="MsgId">The message's msgID (-1 when it did not decode).</param>
public abstract record UsmReply(int MsgId)
{
    /// <summary>A PDU that passed the user's checks (authenticated and decrypted at the user's level).</summary>
    public sealed record Accepted(int MsgId, Pdu Pdu) : UsmReply(MsgId);

    /// <summary>
    /// A Report carrying <paramref name="Counter"/> (a usmStats or snmpMPDStats OID). <paramref name="Learnt"/>: it taught the
    /// engine's ID or clock (discovery, a changed engine, an authenticated not-in-time-window), so the request may be sent again.
    /// </summary>
    public sealed record Refused(int MsgId, Oid Counter, bool Learnt) : UsmReply(MsgId);

    /// <summary>Not a message to act on (undecodable, unauthenticated, not decrypting); <paramref name="Why"/> says which.</summary>
    public sealed record Ignored(int MsgId, string Why) : UsmReply(MsgId);
}
