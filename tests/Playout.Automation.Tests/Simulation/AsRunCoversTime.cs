using Playout.Automation.AsRun;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// The as-run log accounts for every frame: each entry that went to air (filler too) starts where the one before ended, so
/// their frames add up to the time elapsed. The only hole allowed is a restart's start-up gap (at most the join delay after
/// the last of restarts in a row).
/// </summary>
internal sealed class AsRunCoversTime : ISimInvariant
{
    private AsRunEntry? _last;
    private long _frames;
    private long _gaps;

    public string Name => "as-run durations add up to the time elapsed";

    public SimFailure? Check(SimState state)
    {
        foreach (var entry in state.NewEntries.Where(e => e.Status != AsRunStatus.Skipped))
        {
            if (entry.ActualTick is not long start || entry.ActualFrames <= 0)
                return new SimFailure(Name, entry.Key, "an entry that went to air without an actual start or with no frames", [entry]);
            if (_last is { ActualTick: long lastStart } last)
            {
                long end = lastStart + last.ActualFrames;
                var restart = state.Restarts.LastOrDefault(r => r.Tick >= lastStart && r.Tick <= start);
                long gap = start - end;
                // Restarts in a row (the service stopped again before the first joined): the gap runs from the first to the
                // last one's start-up join.
                var chain = state.Restarts.Where(r => r.Tick >= end && r.Tick <= start).ToList();
                // An item that would be over before it could join is passed over, and the next one starts on its own frame:
                // up to a second more (what the passed item had left, less than the join's delay).
                // An operator's skip or take during the start-up gap starts the join again (the item it was joining left).
                long from = chain.Count > 0 ? chain[^1].Tick : start;
                from = state.Done.Where(d => d.Ok && d.Action.Kind is SimActionKind.Skip or SimActionKind.Take && d.Tick >= from && d.Tick <= start)
                    .Select(d => d.Tick).DefaultIfEmpty(from).Max();
                long joined = start - from;
                bool startUp = chain.Count > 0 && chain[0].Tick == end && gap >= 0
                    && (joined <= state.JoinAllowance || entry.PlannedTick == start && joined <= 2 * state.JoinAllowance);
                if (gap != 0 && !startUp)
                    return new SimFailure(Name, entry.Key,
                        $"starts at {state.When(start)} but the entry before ended at {state.When(end)}: {(gap > 0 ? $"{gap} frames unaccounted for" : $"{-gap} frames counted twice")}"
                        + (restart is null ? "" : $" (restart at {state.When(restart.Tick)})")
                        + $"; so far {_frames} frames logged + {_gaps} start-up frames vs {end - First(state)} elapsed", [last, entry]);
                _gaps += gap;
            }
            _frames += entry.ActualFrames;
            _last = entry;
        }
        return null;
    }

    private static long First(SimState state) => state.AsRun.First(e => e.Status != AsRunStatus.Skipped).ActualTick ?? 0;
}
