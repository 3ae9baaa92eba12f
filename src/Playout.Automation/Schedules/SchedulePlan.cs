namespace Playout.Automation.Schedules;

/// <summary>The channel's programme laid out in ticks, in running order, and the events that get no air time.</summary>
public sealed record SchedulePlan(IReadOnlyList<PlannedItem> Items, IReadOnlyList<SkippedItem> Skipped);
