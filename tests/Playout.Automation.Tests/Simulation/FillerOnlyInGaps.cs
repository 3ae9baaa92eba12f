using Playout.Automation.AsRun;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Filler airs only where the schedule leaves a gap: until a fixed start or a day's first event (and not past its frame), before
/// an event waiting for a take (a manual event, or one following a manual or open-ended event), or after the last event. Filler before an event
/// that simply follows the one before it is time lost, unless an edit or a restart around it, or an operator's take or skip
/// of that event, explains it: a held event stays on air, a take or skip of another leaves no gap.
/// </summary>
internal sealed class FillerOnlyInGaps : ISimInvariant
{
    private AsRunEntry? _before;

    public string Name => "filler only where the plan has a gap";

    public SimFailure? Check(SimState state)
    {
        foreach (var entry in state.NewEntries.Where(e => e.Status != AsRunStatus.Skipped))
        {
            var before = _before;
            _before = entry;
            if (entry.Status != AsRunStatus.Filler || entry.Key == "end@filler" || entry.ActualTick is not long start)
                continue;
            string next = entry.Key[..^"@filler".Length];
            long end = start + entry.ActualFrames;
            long from = (before?.ActualTick ?? start) - state.Time.Frames(state.Settings.CueAhead);
            if (state.Find(next) is not { } found || state.ActedOn(next).Any() || SkippedBefore(state, next) || state.Edited(from, end)
                || JoinedAfterAction(state, entry, from, end))
                continue;
            // Before a timed event the gap ends by its frame (earlier when another timed start took the air first): filler
            // still on air after it stands in for a missed event.
            if (found.First && FixedEventsAirOnTheirFrame.FrameOf(state, found.Day, found.Index) is long frame)
            {
                if (end <= frame)
                    continue;
                return new SimFailure(Name, entry.Key, $"filler from {state.When(start)} until {state.When(end)}, past {next}'s frame {state.When(frame)}",
                    [.. new[] { before }.OfType<AsRunEntry>(), entry]);
            }
            if (WaitsForTake(found))
                continue;
            // The day's events before it all skipped: the day start passes to it (docs/AUTOMATION.md), a gap until then.
            if (found.First && FirstLeftOfDay(state, found.Day, found.Index) && end <= state.Time.TickAtLocal(found.Day.Date, state.Settings.DayStart))
                continue;
            return new SimFailure(Name, entry.Key,
                $"filler from {state.When(start)} for {entry.ActualFrames} frames before {next}, which follows the event before it (the plan has no gap there)",
                [.. new[] { before }.OfType<AsRunEntry>(), entry]);
        }
        return null;
    }

    /// <summary>
    /// Whether the filler is the start-up of a join: an operator's skip or take just before put the next event's time in
    /// the past, and it joins in progress once its source has had the join's delay to open (docs/AUTOMATION.md).
    /// </summary>
    private static bool JoinedAfterAction(SimState state, AsRunEntry filler, long from, long end) =>
        filler.ActualFrames <= state.JoinAllowance
        && state.Done.Any(d => d.Ok && d.Action.Kind is SimActionKind.Skip or SimActionKind.Take && d.Tick >= from && d.Tick <= end);

    /// <summary>
    /// Whether an operator skipped an earlier child of the same block: the block's timing (a fixed start, the day start)
    /// passes to its first child left, so filler before that one is the gap before the block.
    /// </summary>
    private static bool SkippedBefore(SimState state, string key)
    {
        int block = key.IndexOf('/', key.IndexOf('/') + 1);
        return block > 0 && state.Done.Any(d => d.Ok && d.Action.Kind == SimActionKind.Skip && d.Key?.StartsWith(key[..(block + 1)], StringComparison.Ordinal) == true);
    }

    /// <summary>Whether every event of <paramref name="day"/> before the one at <paramref name="index"/> is logged skipped.</summary>
    private static bool FirstLeftOfDay(SimState state, DaySchedule day, int index) =>
        index > 0 && day.Events.Take(index).All(e => state.EntriesOf(e.Kind == PrimaryKind.Block ? $"{day.Date:yyyy-MM-dd}/{e.Id}/{e.Blocks[0].Id}#0" : $"{day.Date:yyyy-MM-dd}/{e.Id}")
            .Any(entry => entry.Status == AsRunStatus.Skipped));

    /// <summary>Whether the event waits for a take: a manual event, or one after a manual or open-ended event of its day.</summary>
    private static bool WaitsForTake((DaySchedule Day, PrimaryEvent Top, PrimaryEvent Event, bool First, int Index) found) =>
        found.Day.Events.Take(found.Index + 1).Any(e => e.Timing == TimingMode.Manual || e.Duration is null && e.Kind != PrimaryKind.Block);
}
