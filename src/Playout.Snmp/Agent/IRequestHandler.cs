using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Agent;

/// <summary>Answers an authenticated request PDU (the dispatcher over the MIB tree).</summary>
public interface IRequestHandler
{
    Pdu Handle(Pdu request, RequestContext context);
}
