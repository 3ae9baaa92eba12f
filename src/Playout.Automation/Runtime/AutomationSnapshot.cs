using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>
/// What the automation's pump last saw, published whole after each step so status readers, the API and checks read it
/// without taking the automation's lock or laying anything out.
/// </summary>
/// <param name="FirstAhead">Index in <paramref name="Plan"/> of the first item that had not ended.</param>
/// <param name="Cues">The cues ahead of air and the one on air, by item key (for the rundown's states).</param>
/// <param name="ScheduleEnd">The tick the schedule runs out at (<see cref="ScheduleEndAlarm"/>); null while it goes on.</param>
internal sealed record AutomationSnapshot(long ScheduleVersion, SchedulePlan Plan, int FirstAhead, PlanAnchors Anchors, PlannedItem? OnAir,
    long? OnAirTick, AutomationMode Mode, PlannedItem? Next, IReadOnlyDictionary<string, CueView> Cues, long? ScheduleEnd)
{
    public static AutomationSnapshot Empty { get; } = new(ChannelSchedule.Empty.Version, new([], []), 0, PlanAnchors.None, null, null, AutomationMode.Idle, null,
        new Dictionary<string, CueView>(), null);
}
