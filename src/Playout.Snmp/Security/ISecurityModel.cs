using System.Net;
using Playout.Snmp.Agent;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>
/// The message-processing and security seam (RFC 3411's message processing + security subsystems in one).
/// The agent peeks each datagram's msgVersion and hands it to the model registered for that version
/// (<see cref="CommunitySecurityModel"/> for v2c; the USM model for v3). A model never throws on junk
/// it can attribute: it counts and returns <see cref="InboundResult.Dropped"/>; BER errors it lets escape
/// (AsnContentException, SnmpDecodeException) are counted as snmpInASNParseErrs by the agent.
/// </summary>
public interface ISecurityModel
{
    /// <summary>The msgVersion this model takes: 1 for v2c, 3 for v3.</summary>
    int Version { get; }

    /// <summary>Decodes and authenticates a request datagram from <paramref name="peer"/>.</summary>
    InboundResult Accept(ReadOnlyMemory<byte> datagram, IPEndPoint peer, AgentCounters counters);

    /// <summary>Encodes a Response (or Report) PDU for the request whose context <paramref name="context"/> is.</summary>
    byte[] Encode(Pdu response, RequestContext context);
}
