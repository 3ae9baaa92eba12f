namespace Playout.Automation.Schedules;

/// <summary>One thing to lay out: an event, or one pass of a block's child, before it has ticks.</summary>
/// <param name="Length">Frames it runs; null: open-ended (until cut by the next fixed start).</param>
/// <param name="Problem">Why it cannot be laid out (a clip of unknown length), or null.</param>
/// <param name="Repeat">A second or later pass of a looping block: it fills time, so getting no air time is not a skip.</param>
internal sealed record PlanEntry(string Key, PrimaryEvent Event, TimingMode Timing, TimeSpan? FixedAt, long? Length,
    TimeSpan SourceOffset, string? Problem, bool Repeat = false);

/// <summary>One event of a day as plan entries: the event itself, or a block's children pass by pass (lazily: a loop may fill a day).</summary>
internal sealed record PlanGroup(PrimaryEvent Event, IEnumerable<PlanEntry> Entries)
{
    public bool Loops => Event.Kind == PrimaryKind.Block && Event.Loop;
}
