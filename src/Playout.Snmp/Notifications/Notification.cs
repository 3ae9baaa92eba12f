using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Notifications;

/// <summary>A notification to send: its NOTIFICATION-TYPE's OID and the objects it carries (sysUpTime.0 and snmpTrapOID.0 are added when sent).</summary>
public sealed record Notification(Oid TrapOid, IReadOnlyList<VarBind> Objects);
