using System.Net;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Manager;

/// <summary>A v2c notification as received: who sent it, its snmpTrapOID, and every binding (sysUpTime and snmpTrapOID included).</summary>
/// <param name="Inform">True for an InformRequest, which the listener has acknowledged.</param>
public sealed record ReceivedTrap(IPEndPoint Sender, Oid TrapOid, bool Inform, IReadOnlyList<VarBind> VarBinds);
