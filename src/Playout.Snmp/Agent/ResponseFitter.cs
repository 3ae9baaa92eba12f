using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Agent;

/// <summary>
/// Keeps a response within the request's size limit (RFC 3416 §4.2.1 and §4.2.3): a GETBULK response loses
/// variable bindings from its end until it fits; anything else that does not fit, or a GETBULK response that
/// cannot keep even one binding, becomes tooBig with no bindings; if even that does not fit, nothing is sent
/// (snmpSilentDrops).
/// </summary>
internal static class ResponseFitter
{
    public static byte[]? Fit(Pdu request, Pdu response, ISecurityModel model, RequestContext context, AgentCounters counters)
    {
        var limit = context.MaxResponseSize;
        var encoded = model.Encode(response, context);
        if (encoded.Length <= limit) return encoded;
        if (request.Type == PduType.GetBulk && response.ErrorStatus == ErrorStatus.NoError)
        {
            var kept = CountThatFit(response, encoded.Length - limit);
            if (kept > 0)
            {
                encoded = model.Encode(response with { VarBinds = response.VarBinds.Take(kept).ToArray() }, context);
                if (encoded.Length <= limit) return encoded;
            }
        }
        var tooBig = Pdu.ResponseTo(request, [], ErrorStatus.TooBig);
        encoded = model.Encode(tooBig, context);
        if (encoded.Length <= limit) return encoded;
        counters.CountSilentDrop();
        return null;
    }

    /// <summary>How many leading bindings remain once at least <paramref name="excess"/> bytes of trailing ones are dropped.</summary>
    private static int CountThatFit(Pdu response, int excess)
    {
        var kept = response.VarBinds.Count;
        var removed = 0;
        // Length octets shrink too as bindings go, so this may drop one more than needed: never one too few.
        while (kept > 0 && removed < excess) removed += PduCodec.EncodedSize(response.VarBinds[--kept]);
        return kept;
    }
}
