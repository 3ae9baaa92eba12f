using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>What a security model made of a datagram.</summary>
public readonly struct InboundResult
{
    private InboundResult(Pdu? pdu, RequestContext? context, byte[]? reply)
    {
        Pdu = pdu;
        Context = context;
        Reply = reply;
    }

    /// <summary>An authenticated request for the dispatcher.</summary>
    public static InboundResult Accepted(Pdu pdu, RequestContext context) => new(pdu, context, null);

    /// <summary>A datagram to send back without dispatching anything (a USM Report: unknown engine ID, not in time window...).</summary>
    public static InboundResult Answer(byte[] reply) => new(null, null, reply);

    /// <summary>Nothing to send; the model has counted why (bad community, decryption error...).</summary>
    public static InboundResult Dropped => default;

    public Pdu? Pdu { get; }

    public RequestContext? Context { get; }

    public byte[]? Reply { get; }
}
