using System.Net;

namespace Playout.Snmp.Notifications;

/// <summary>A manager notifications go to: as SNMPv2-Trap (fire and forget) or InformRequest (acknowledged, retried).</summary>
public sealed record NotificationTarget(string Name, IPEndPoint Manager, INotificationSecurity Security, bool Inform);
