namespace Playout.Automation.Schedules;

/// <summary>The channel's programme laid out in ticks, in running order, and the events that get no air time.</summary>
public sealed record SchedulePlan(IReadOnlyList<PlannedItem> Items, IReadOnlyList<SkippedItem> Skipped)
{
    /// <summary>The item on air at <paramref name="tick"/>, or null (before the plan, or waiting in a gap of unknown start).</summary>
    public PlannedItem? At(long tick) =>
        Items.LastOrDefault(i => i.Start <= tick && (i.End is null || tick < i.End));

    /// <summary>The first timed item starting after <paramref name="tick"/>.</summary>
    public PlannedItem? NextAfter(long tick) => Items.FirstOrDefault(i => i.Start > tick);
}
