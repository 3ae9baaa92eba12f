using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;

namespace Playout.Automation.Runtime;

/// <summary>
/// The channel's "schedule" alarm: black on air must not go unnoticed. A warning while the schedule runs out within the
/// warning window ("end of schedule in 12 min", whole minutes so the board logs it once a minute, not every step), major
/// once filler holds the air with nothing scheduled next; cleared when an edit extends the schedule. A gap before a later
/// event is not an end, nor is an open-ended event or one waiting for a take. Used under the automation's lock.
/// </summary>
internal sealed class ScheduleEndAlarm(Channel channel, IScheduleTimeBase time, ScheduleSettings settings)
{
    private readonly string _source = $"{channel.Name}/schedule";
    private readonly long _window = time.Frames(settings.EndWarningWindow);
    private SchedulePlan? _plan;
    private ChannelSchedule? _schedule;
    private long? _end;

    /// <summary>The tick the schedule runs out at, as of the last review (null: it goes on; long.MinValue: the plan is empty).</summary>
    public long? End => _end;

    /// <summary>What is raised: nothing (null), the major alarm (0), the warning of N minutes left (N).</summary>
    private int? _raised;

    /// <summary>Raises, updates or clears the alarm for the plan (laid out up to <paramref name="horizon"/>) as it stands at <paramref name="now"/>.</summary>
    public void Review(SchedulePlan plan, long horizon, ChannelSchedule schedule, PlannedItem? onAir, long now)
    {
        // The end only moves with a new plan or schedule: not looked for again every step.
        if (!ReferenceEquals(plan, _plan) || !ReferenceEquals(schedule, _schedule))
        {
            _end = EndOf(plan, schedule, horizon);
            (_plan, _schedule) = (plan, schedule);
        }
        if (_end is not long end)
            Clear();
        else if (now < end)
        {
            if (end - now <= _window)
                Raise(MinutesBetween(now, end));
            else
                Clear();
        }
        // Until the cut to the filler is noted, the last event is still on air: the warning stands.
        else if (onAir is null or { IsFiller: true })
            Raise(0);
    }

    /// <summary>Whole minutes, rounded up, from whole seconds (a frame count at 29.97 is not exactly the minutes it stands for); at least 1.</summary>
    private int MinutesBetween(long now, long end) =>
        Math.Max(1, (int)Math.Ceiling(Math.Round((time.InstantOf(end) - time.InstantOf(now)).TotalSeconds) / 60));

    public void Clear()
    {
        if (_raised is null)
            return;
        channel.Context.Alarms.Clear(_source);
        _raised = null;
    }

    /// <summary>Raises the warning of <paramref name="minutes"/> left, or the major alarm (0); a message is made only when it changes.</summary>
    private void Raise(int minutes)
    {
        if (_raised == minutes)
            return;
        if (minutes == 0)
            channel.Context.Alarms.Raise(_source, AlarmSeverity.Major, "filler on air: nothing scheduled next");
        else
            channel.Context.Alarms.Raise(_source, AlarmSeverity.Warning, $"end of schedule in {minutes} min");
        _raised = minutes;
    }

    /// <summary>
    /// The tick the schedule runs out at: where the open-ended filler that ends the plan starts, when no day beyond the plan
    /// has events (long.MinValue: the plan is empty); null while it goes on (a template, a later day, an open-ended event
    /// or one waiting for a take last in the plan). The days the plan reached were laid out: events of theirs that it
    /// left out (skipped, invalid) are no schedule.
    /// </summary>
    private long? EndOf(SchedulePlan plan, ChannelSchedule schedule, long horizon)
    {
        if (schedule.Template is { Count: > 0 } || LaterEvents(schedule, horizon))
            return null;
        var items = plan.Items;
        if (items.Count == 0)
            return long.MinValue;
        return items[^1] is { IsFiller: true, End: null, Start: long start } ? start : null;
    }

    /// <summary>Whether a day the plan did not reach (it starts at or after <paramref name="horizon"/>) has events.</summary>
    private bool LaterEvents(ChannelSchedule schedule, long horizon) =>
        schedule.Days.Any(d => d.Value.Events.Count > 0 && time.TickAtLocal(d.Key, settings.DayStart) >= horizon);
}
