using System.Formats.Asn1;
using System.Net;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Agent;

/// <summary>
/// Datagram in, datagram (or nothing) out: routes by msgVersion to a security model, hands the request to
/// the handler and fits the response into the size the request allows. Never throws on junk: every
/// datagram it cannot use is counted (snmpInASNParseErrs, snmpInBadVersions, or by the model) and dropped.
/// </summary>
public sealed class MessageProcessor
{
    private readonly Dictionary<long, ISecurityModel> _models;
    private readonly IRequestHandler _handler;

    public MessageProcessor(IEnumerable<ISecurityModel> models, IRequestHandler handler, AgentCounters counters)
    {
        _models = models.ToDictionary(model => (long)model.Version);
        _handler = handler;
        Counters = counters;
    }

    /// <summary>The agent's pipeline: v2c with the configured communities, <paramref name="models"/> for other versions, a dispatcher over <paramref name="tree"/>.</summary>
    public static MessageProcessor ForAgent(SnmpAgentOptions options, MibTree tree, AgentCounters counters, IEnumerable<ISecurityModel> models) =>
        new(models.Prepend(new CommunitySecurityModel(options.Communities, options.MaxMessageSize)), new Dispatcher(tree, options.MaxRepetitions), counters);

    public AgentCounters Counters { get; }

    public byte[]? Process(ReadOnlyMemory<byte> datagram, IPEndPoint peer)
    {
        Counters.CountInPkt();
        byte[]? reply;
        try
        {
            reply = Answer(datagram, peer);
        }
        catch (Exception error) when (error is AsnContentException or SnmpDecodeException)
        {
            Counters.CountAsnParseErr();
            return null;
        }
        if (reply is not null) Counters.CountOutPkt();
        return reply;
    }

    private byte[]? Answer(ReadOnlyMemory<byte> datagram, IPEndPoint peer)
    {
        // SNMPv1 and anything unknown are not served (RFC 3412 §7.2 step 2: counted, dropped).
        if (!_models.TryGetValue(MessageHeader.PeekVersion(datagram), out var model))
        {
            Counters.CountBadVersion();
            return null;
        }
        var inbound = model.Accept(datagram, peer, Counters);
        if (inbound.Reply is { } report) return report;
        if (inbound.Pdu is not { } request || inbound.Context is not { } context) return null;
        // Only the requests an agent serves; responses, traps and informs sent to it have no handler here and are dropped.
        if (!Dispatcher.Serves(request.Type)) return null;
        return ResponseFitter.Fit(request, _handler.Handle(request, context), model, context, Counters);
    }
}
