namespace Playout.Snmp.PlayoutMib;

/// <summary>
/// What the service shows through PLAYOUT-MIB. Each method returns a snapshot taken when called (once per
/// request per table); they are called on the agent's thread and must not block on a channel's tick.
/// </summary>
public interface IPlayoutMibSource
{
    string ProductName { get; }

    string ProductVersion { get; }

    IReadOnlyList<ChannelRow> Channels();

    IReadOnlyList<OutputRow> Outputs();

    IReadOnlyList<AlarmRow> Alarms();

    IReadOnlyList<DeviceRow> Devices();

    IReadOnlyList<TxPairRow> TxPairs();

    /// <summary>Whether pair <paramref name="pairIndex"/> can change over to <paramref name="to"/> now (its transmitter there has a link).</summary>
    bool CanChangeover(uint pairIndex, PairSide to);

    /// <summary>Starts an operator's changeover of pair <paramref name="pairIndex"/> to <paramref name="to"/> in the name of <paramref name="who"/> (done after the response); false for an unknown pair.</summary>
    bool Changeover(uint pairIndex, PairSide to, string who);

    /// <summary>Takes, holds, releases or skips on channel <paramref name="channelIndex"/>'s schedule in the name of <paramref name="who"/>; false when it could not.</summary>
    bool Act(uint channelIndex, ChannelAction action, string who);

    /// <summary>Acknowledges alarm <paramref name="alarmId"/> in the name of <paramref name="who"/>; false for an unknown alarm.</summary>
    bool Acknowledge(long alarmId, string who);
}
