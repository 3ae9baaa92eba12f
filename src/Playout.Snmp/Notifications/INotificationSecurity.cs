using Playout.Snmp.Pdus;

namespace Playout.Snmp.Notifications;

/// <summary>
/// How notifications to one manager are wrapped and its answers read: v2c communities here, USM for v3.
/// <see cref="Encode"/> is called again for every retry of an inform, so a model that learns something from an
/// answer (a v3 Report carrying the manager's engine ID and time) sends the retry with it.
/// </summary>
public interface INotificationSecurity
{
    byte[] Encode(Pdu pdu);

    /// <summary>The PDU a datagram from the manager carries, or null when it is not for us (junk, wrong community, a Report consumed).</summary>
    Pdu? Decode(ReadOnlyMemory<byte> datagram);
}
