using Playout.Snmp.Data;
using Playout.Snmp.Notifications;
using Playout.Snmp.Pdus;
using static Playout.Snmp.PlayoutMib.PlayoutMibOids.Columns;
using static Playout.Snmp.PlayoutMib.PlayoutMibValues;

namespace Playout.Snmp.PlayoutMib;

/// <summary>PLAYOUT-MIB's notifications with the objects the MIB lists for each, instances named by the row's index.</summary>
public sealed class PlayoutNotifications(PlayoutMibOids oids)
{
    public Notification AlarmRaised(AlarmRow alarm) => new(oids.AlarmRaised,
    [
        AlarmObject(alarm, AlarmSource, new OctetString(alarm.Source)),
        AlarmObject(alarm, AlarmSeverity, Enum(alarm.Severity)),
        AlarmObject(alarm, AlarmText, new OctetString(alarm.Text)),
        AlarmObject(alarm, AlarmRaisedTime, DateAndTime(alarm.RaisedAt)),
    ]);

    public Notification AlarmCleared(AlarmRow alarm) => new(oids.AlarmCleared,
    [
        AlarmObject(alarm, AlarmSource, new OctetString(alarm.Source)),
        AlarmObject(alarm, AlarmSeverity, Enum(Severity.Cleared)),
        AlarmObject(alarm, AlarmText, new OctetString(alarm.Text)),
    ]);

    public Notification AlarmAcknowledged(AlarmRow alarm) => new(oids.AlarmAcknowledged,
    [
        AlarmObject(alarm, AlarmSource, new OctetString(alarm.Source)),
        AlarmObject(alarm, AlarmSeverity, Enum(alarm.Severity)),
        AlarmObject(alarm, AlarmAckUser, new OctetString(alarm.AckUser)),
    ]);

    public Notification ChannelStateChanged(ChannelRow channel) => new(oids.ChannelStateChanged,
    [
        new VarBind(oids.ChannelEntry.Append(ChannelName, channel.Index), new OctetString(channel.Name)),
        new VarBind(oids.ChannelEntry.Append(PlayoutMibOids.Columns.ChannelState, channel.Index), Enum(channel.State)),
    ]);

    public Notification TxPairChangeover(TxPairRow pair) => new(oids.TxPairChangeover,
    [
        new VarBind(oids.TxPairEntry.Append(TxPairName, pair.Index), new OctetString(pair.Name)),
        new VarBind(oids.TxPairEntry.Append(TxPairOnAir, pair.Index), Enum(pair.OnAir)),
        new VarBind(oids.TxPairEntry.Append(TxPairLastReason, pair.Index), new OctetString(pair.LastReason)),
    ]);

    private VarBind AlarmObject(AlarmRow alarm, uint column, SnmpValue value) =>
        new(oids.AlarmEntry.Append(column).Append(PlayoutMibObjects.AlarmIndex(alarm)), value);
}
