namespace Playout.Automation.Schedules;

/// <summary>A scheduled event that gets no air time in the plan, and why.</summary>
/// <param name="Before">The index of the plan item it would have preceded: it is logged as skipped when that item airs.</param>
public sealed record SkippedItem(string Key, DateOnly Day, PrimaryEvent Event, string Reason, int Before);
