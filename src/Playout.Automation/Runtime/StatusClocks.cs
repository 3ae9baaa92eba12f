using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>A count-to clock: the event it counts to, its time of day and the time left (timecode and frames); null parts are not known yet.</summary>
public sealed record CountdownClock(string Id, string Title, string? At, string? In, long? InFrames);

/// <summary>
/// The count-to clocks an operator watches: the next fixed start, the next manual event (when the running order reaches it),
/// the next break (<see cref="Breaks"/>) and the end of automation (where the schedule runs out — no template, no later day —
/// and the end filler takes the air); each null when the plan (6 hours ahead) has none.
/// </summary>
public sealed record StatusClocks(CountdownClock? NextFixed, CountdownClock? NextManual, CountdownClock? NextBreak, CountdownClock? EndOfAutomation)
{
    internal static StatusClocks Of(AutomationSnapshot snapshot, long now, ITimecodes tc)
    {
        var items = snapshot.Plan.Items;
        string? onAir = snapshot.OnAir?.Key;
        CountdownClock? Clock(PlannedItem? item, long? at) => item is null ? null
            : new CountdownClock(item.Event.Id, item.Event.DisplayName, at is long a ? tc.OfDay(a) : null, at is long b ? tc.Duration(Math.Max(0, b - now)) : null,
                at is long c ? Math.Max(0, c - now) : null);
        var ahead = Enumerable.Range(snapshot.FirstAhead, Math.Max(0, items.Count - snapshot.FirstAhead))
            .Where(i => !items[i].IsFiller && items[i].Key != onAir && !(items[i].End <= now)).ToList();
        int manual = ahead.FirstOrDefault(i => items[i].Event.Timing == TimingMode.Manual && items[i].Start is null, -1);
        int breakAt = ahead.FirstOrDefault(i => items[i].Start > now && Breaks.IsBreak(items[i].Event), -1);
        var nextFixed = FirstFixed(snapshot, now);
        return new StatusClocks(Clock(nextFixed, nextFixed?.Start),
            manual < 0 ? null : Clock(items[manual], ReachedAt(items, manual)),
            breakAt < 0 ? null : Clock(items[breakAt], items[breakAt].Start),
            EndOf(snapshot) is var (last, end) ? Clock(last, end) : null);
    }

    /// <summary>The first fixed start of the plan still to come (what status has shown as "next fixed" all along).</summary>
    internal static PlannedItem? FirstFixed(AutomationSnapshot snapshot, long now) =>
        snapshot.Plan.Items.Skip(snapshot.FirstAhead).FirstOrDefault(i => i.Start > now && !i.IsFiller && i.Event.Timing == TimingMode.Fixed);

    /// <summary>
    /// When the running order reaches a manual event waiting for its take: where the open-ended filler before it starts
    /// (the planner puts one there), else the end of the item before it, when known.
    /// </summary>
    private static long? ReachedAt(IReadOnlyList<PlannedItem> items, int index) =>
        index == 0 ? null : items[index - 1] is { IsFiller: true, End: null } filler ? filler.Start : items[index - 1].End;

    /// <summary>The last scheduled item before the tick the schedule runs out at (<see cref="ScheduleEndAlarm"/>); null while it goes on.</summary>
    private static (PlannedItem Last, long End)? EndOf(AutomationSnapshot snapshot)
    {
        if (snapshot.ScheduleEnd is not long end)
            return null;
        var last = snapshot.Plan.Items.LastOrDefault(i => !i.IsFiller && i.Start < end);
        return last is null ? null : (last, end);
    }
}
