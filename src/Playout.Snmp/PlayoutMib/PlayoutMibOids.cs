using Playout.Snmp.Data;

namespace Playout.Snmp.PlayoutMib;

/// <summary>
/// PLAYOUT-MIB's object identifiers under the agent's enterprise prefix (configs/PLAYOUT-MIB.txt uses
/// 1.3.6.1.4.1.32473, the documentation number, until a private enterprise number is registered).
/// </summary>
public sealed class PlayoutMibOids(Oid enterprise)
{
    public static readonly Oid DocumentationEnterprise = Oid.Parse("1.3.6.1.4.1.32473");

    public Oid Root { get; } = enterprise;

    public Oid ProductName => Root.Append(1, 1, 1);
    public Oid ProductVersion => Root.Append(1, 1, 2);
    public Oid ChannelEntry => Root.Append(1, 2, 1, 1);
    public Oid OutputEntry => Root.Append(1, 3, 1, 1);
    public Oid AlarmEntry => Root.Append(1, 4, 1, 1);
    public Oid DeviceEntry => Root.Append(1, 5, 1, 1);
    public Oid TxPairEntry => Root.Append(1, 6, 1, 1);

    /// <summary>playoutServer: the agent's sysObjectID.</summary>
    public Oid Server => Root.Append(3, 1);

    public Oid AlarmRaised => Root.Append(0, 1);
    public Oid AlarmCleared => Root.Append(0, 2);
    public Oid AlarmAcknowledged => Root.Append(0, 3);
    public Oid ChannelStateChanged => Root.Append(0, 4);
    public Oid TxPairChangeover => Root.Append(0, 5);

    /// <summary>Column numbers under their entries, as in the MIB file.</summary>
    public static class Columns
    {
        public const uint ChannelName = 2, ChannelFormat = 3, ChannelState = 4, ChannelOnAirEvent = 5, ChannelRemaining = 6,
            ChannelNextEvent = 7, ChannelLateTicks = 8, ChannelDroppedFrames = 9, ChannelLoudnessIntegrated = 10,
            ChannelLoudnessShortTerm = 11, ChannelTruePeak = 12, ChannelBlackState = 13, ChannelFreezeState = 14, ChannelSilenceState = 15,
            ChannelAction = 16;

        public const uint OutputType = 2, OutputTarget = 3, OutputState = 4, OutputFramesSent = 5, OutputFramesDropped = 6;

        public const uint AlarmSource = 2, AlarmSeverity = 3, AlarmText = 4, AlarmRaisedTime = 5, AlarmAcked = 6, AlarmAckUser = 7;

        public const uint DeviceName = 2, DeviceType = 3, DeviceState = 4;

        public const uint TxPairName = 2, TxPairMain = 3, TxPairReserve = 4, TxPairOnAir = 5, TxPairMainFault = 6, TxPairReserveFault = 7,
            TxPairChangeovers = 8, TxPairLastReason = 9, TxPairHeld = 10;
    }
}
