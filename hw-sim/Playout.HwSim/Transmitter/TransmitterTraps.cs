using System.Net;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Notifications;
using Playout.Snmp.Pdus;

namespace Playout.HwSim.Transmitter;

/// <summary>
/// The twin's traps: whenever its state changes, every watched object (the profile's states and fault flags) is read
/// again, and those whose value changed go to the sink in one SNMPv2-Trap (snmpTrapOID <see cref="ChangeTrapOid"/>, then
/// the changed objects), as a controller announces a trip without waiting to be polled. Sent by the agent's own
/// <see cref="NotificationSender"/>, off the caller's thread.
/// </summary>
public sealed class TransmitterTraps : IAsyncDisposable
{
    /// <summary>transmitterChange, under the generic transmitter arc's notifications (.0).</summary>
    public static readonly Oid ChangeTrapOid = Oid.Parse("1.3.6.1.4.1.32473.20.0.1");

    private readonly TransmitterState _state;
    private readonly (Oid Oid, Func<SnmpValue> Read)[] _watched;
    private readonly SnmpValue[] _last;
    private readonly NotificationSender _sender;
    private readonly Lock _gate = new();

    internal TransmitterTraps(TransmitterState state, (Oid Oid, Func<SnmpValue> Read)[] watched, IPEndPoint sink, string community, UpTime upTime)
    {
        _state = state;
        _watched = watched;
        _last = [.. watched.Select(w => w.Read())];
        _sender = new NotificationSender([new NotificationTarget("trap sink", sink, new CommunityNotificationSecurity(community), Inform: false)],
            upTime, new NotificationOptions(), _ => { });
        state.Changed += OnChanged;
    }

    private void OnChanged()
    {
        lock (_gate)
        {
            List<VarBind> changed = [];
            for (int i = 0; i < _watched.Length; i++)
            {
                var now = _watched[i].Read();
                if (!now.Equals(_last[i]))
                    changed.Add(new VarBind(_watched[i].Oid, _last[i] = now));
            }
            if (changed.Count > 0)
                _sender.Send(new Notification(ChangeTrapOid, changed));
        }
    }

    public ValueTask DisposeAsync()
    {
        _state.Changed -= OnChanged;
        return _sender.DisposeAsync();
    }
}
