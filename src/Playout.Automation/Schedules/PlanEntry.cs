namespace Playout.Automation.Schedules;

/// <summary>One thing to lay out: an event, or one pass of a block's child, before it has ticks.</summary>
/// <param name="Length">Frames it runs; null: open-ended (until cut by the next fixed start).</param>
/// <param name="Problem">Why it cannot be laid out (a clip of unknown length), or null.</param>
internal sealed record PlanEntry(string Key, PrimaryEvent Event, TimingMode Timing, TimeSpan? FixedAt, long? Length,
    TimeSpan SourceOffset, string? Problem);
