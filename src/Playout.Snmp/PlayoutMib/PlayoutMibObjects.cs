using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;
using static Playout.Snmp.PlayoutMib.PlayoutMibOids.Columns;
using static Playout.Snmp.PlayoutMib.PlayoutMibValues;

namespace Playout.Snmp.PlayoutMib;

/// <summary>PLAYOUT-MIB's scalars and tables over an <see cref="IPlayoutMibSource"/>.</summary>
public static class PlayoutMibObjects
{
    public static void Register(MibTree tree, PlayoutMibOids oids, IPlayoutMibSource source)
    {
        tree.Register(new MibScalar(oids.ProductName, () => new OctetString(source.ProductName)));
        tree.Register(new MibScalar(oids.ProductVersion, () => new OctetString(source.ProductVersion)));
        tree.Register(new MibTable<ChannelRow>(oids.ChannelEntry, source.Channels, row => new Oid([row.Index]), ChannelColumns(source)));
        tree.Register(new MibTable<OutputRow>(oids.OutputEntry, source.Outputs, row => new Oid([row.ChannelIndex, row.Index]), OutputColumns));
        tree.Register(new MibTable<AlarmRow>(oids.AlarmEntry, () => source.Alarms().Where(HasIndex), AlarmIndex, AlarmColumns(source)));
        tree.Register(new MibTable<DeviceRow>(oids.DeviceEntry, source.Devices, row => new Oid([row.Index]), DeviceColumns));
        tree.Register(new MibTable<TxPairRow>(oids.TxPairEntry, source.TxPairs, row => new Oid([row.Index]), TxPairColumns(source)));
    }

    /// <summary>The alarmTable index of an alarm: its id as Unsigned32 (alarms whose id does not fit are not listed).</summary>
    public static Oid AlarmIndex(AlarmRow row) => new([(uint)row.Id]);

    public static bool HasIndex(AlarmRow row) => row.Id is > 0 and <= uint.MaxValue;

    private static MibColumn<ChannelRow>[] ChannelColumns(IPlayoutMibSource source) =>
    [
        new(ChannelName, row => new OctetString(row.Name)),
        new(ChannelFormat, row => new OctetString(row.Format)),
        new(PlayoutMibOids.Columns.ChannelState, row => Enum(row.State)),
        new(ChannelOnAirEvent, row => new OctetString(row.OnAirEvent)),
        new(ChannelRemaining, row => TimeTicks.From(row.Remaining)),
        new(ChannelNextEvent, row => new OctetString(row.NextEvent)),
        new(ChannelLateTicks, row => Count(row.LateTicks)),
        new(ChannelDroppedFrames, row => Count(row.DroppedFrames)),
        new(ChannelLoudnessIntegrated, row => Tenths(row.LoudnessIntegrated)),
        new(ChannelLoudnessShortTerm, row => Tenths(row.LoudnessShortTerm)),
        new(ChannelTruePeak, row => Tenths(row.TruePeak)),
        new(ChannelBlackState, row => Enum(row.Black)),
        new(ChannelFreezeState, row => Enum(row.Freeze)),
        new(ChannelSilenceState, row => Enum(row.Silence)),
        new(PlayoutMibOids.Columns.ChannelAction, _ => Enum(ChannelAction.Idle), new ColumnWrite<ChannelRow>(TestAction,
            (row, value, request) => source.Act(row.Index, (ChannelAction)((Integer32)value).Value, request.Principal))),
    ];

    /// <summary>channelAction takes take(2) to skip(5), on a channel run from a schedule.</summary>
    private static ErrorStatus TestAction(ChannelRow row, SnmpValue value) => value switch
    {
        Integer32 { Value: >= (int)ChannelAction.Take and <= (int)ChannelAction.Skip } when !row.Automated => ErrorStatus.InconsistentValue,
        Integer32 { Value: >= (int)ChannelAction.Take and <= (int)ChannelAction.Skip } => ErrorStatus.NoError,
        Integer32 => ErrorStatus.WrongValue,
        _ => ErrorStatus.WrongType,
    };

    private static readonly MibColumn<OutputRow>[] OutputColumns =
    [
        new(OutputType, row => new OctetString(row.Type)),
        new(OutputTarget, row => new OctetString(row.Target)),
        new(PlayoutMibOids.Columns.OutputState, row => Enum(row.State)),
        new(OutputFramesSent, row => Count(row.FramesSent)),
        new(OutputFramesDropped, row => Count(row.FramesDropped)),
    ];

    private static readonly MibColumn<DeviceRow>[] DeviceColumns =
    [
        new(DeviceName, row => new OctetString(row.Name)),
        new(DeviceType, row => new OctetString(row.Type)),
        new(PlayoutMibOids.Columns.DeviceState, row => Enum(row.State)),
    ];

    private static MibColumn<TxPairRow>[] TxPairColumns(IPlayoutMibSource source) =>
    [
        new(TxPairName, row => new OctetString(row.Name)),
        new(TxPairMain, row => new OctetString(row.Main)),
        new(TxPairReserve, row => new OctetString(row.Reserve)),
        new(TxPairOnAir, row => Enum(row.OnAir), new ColumnWrite<TxPairRow>((row, value) => TestChangeover(source, row, value),
            (row, value, request) => source.Changeover(row.Index, (PairSide)((Integer32)value).Value, request.Principal))),
        new(TxPairMainFault, row => new OctetString(row.MainFault)),
        new(TxPairReserveFault, row => new OctetString(row.ReserveFault)),
        new(TxPairChangeovers, row => Count(row.Changeovers)),
        new(TxPairLastReason, row => new OctetString(row.LastReason)),
        new(TxPairHeld, row => new OctetString(row.Held)),
    ];

    /// <summary>txPairOnAir takes main(1) or reserve(2), a side whose transmitter has a link.</summary>
    private static ErrorStatus TestChangeover(IPlayoutMibSource source, TxPairRow row, SnmpValue value) => value switch
    {
        Integer32 { Value: (int)PairSide.Main or (int)PairSide.Reserve } side when !source.CanChangeover(row.Index, (PairSide)side.Value) => ErrorStatus.InconsistentValue,
        Integer32 { Value: (int)PairSide.Main or (int)PairSide.Reserve } => ErrorStatus.NoError,
        Integer32 => ErrorStatus.WrongValue,
        _ => ErrorStatus.WrongType,
    };

    private static MibColumn<AlarmRow>[] AlarmColumns(IPlayoutMibSource source) =>
    [
        new(AlarmSource, row => new OctetString(row.Source)),
        new(AlarmSeverity, row => Enum(row.Severity)),
        new(AlarmText, row => new OctetString(row.Text)),
        new(AlarmRaisedTime, row => DateAndTime(row.RaisedAt)),
        new(AlarmAcked, row => Truth(row.Acked), new ColumnWrite<AlarmRow>(TestAcknowledge, (row, _, request) => source.Acknowledge(row.Id, request.Principal))),
        new(AlarmAckUser, row => new OctetString(row.AckUser)),
    ];

    /// <summary>alarmAcked takes true(1) only: an acknowledge cannot be taken back.</summary>
    private static ErrorStatus TestAcknowledge(AlarmRow _, SnmpValue value) => value switch
    {
        Integer32 { Value: 1 } => ErrorStatus.NoError,
        Integer32 => ErrorStatus.WrongValue,
        _ => ErrorStatus.WrongType,
    };
}
