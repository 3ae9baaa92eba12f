using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;

namespace Playout.Automation.Runtime;

/// <summary>
/// The channel's "filler" warning: filler holding the air before a later event (a gap in the plan, or an event waiting
/// for a take) is raised while it is on air, naming what comes next, and cleared when an event goes to air. Filler with
/// nothing next is the end of the schedule (<see cref="ScheduleEndAlarm"/>). Used under the automation's lock.
/// </summary>
internal sealed class FillerAlarm(Channel channel, ITimecodes timecodes)
{
    private readonly string _source = $"{channel.Name}/filler";

    /// <summary>The item the raised alarm names and its start (null: not raised), so the message is made only when they change.</summary>
    private (string Key, long? Start)? _raisedFor;

    public void Review(PlannedItem? onAir, PlannedItem? next)
    {
        if (onAir is not { IsFiller: true } || next is null)
        {
            Clear();
            return;
        }
        if (_raisedFor == (next.Key, next.Start))
            return;
        string what = next.Start is long start
            ? $"filler on air: a gap in the schedule until {timecodes.OfDay(start)}, then {next.Event.Id}"
            : $"filler on air: {next.Event.Id} waits for a take";
        channel.Context.Alarms.Raise(_source, AlarmSeverity.Warning, what);
        _raisedFor = (next.Key, next.Start);
    }

    public void Clear()
    {
        if (_raisedFor is null)
            return;
        channel.Context.Alarms.Clear(_source);
        _raisedFor = null;
    }
}
