using Playout.Automation.AsRun;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Filler airs only where the schedule leaves a gap: before a fixed start, a day's first event or an event waiting for a
/// take (a manual event, or one following a manual or open-ended event), or after the last event. Filler before an event
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
            if (state.Find(next) is not { } found || Gap(found) || state.ActedOn(next).Any())
                continue;
            long from = (before?.ActualTick ?? start) - state.Time.Frames(state.Settings.CueAhead);
            if (state.Edited(from, start + entry.ActualFrames))
                continue;
            return new SimFailure(Name, entry.Key,
                $"filler from {state.When(start)} for {entry.ActualFrames} frames before {next}, which follows the event before it (the plan has no gap there)",
                [.. new[] { before }.OfType<AsRunEntry>(), entry]);
        }
        return null;
    }

    /// <summary>Whether the schedule leaves a gap (or a wait) before the event: timed, first of its day, or waiting for a take.</summary>
    private static bool Gap((DaySchedule Day, PrimaryEvent Top, PrimaryEvent Event, bool First, int Index) found)
    {
        if (found.First && (found.Top.Timing != TimingMode.Follow || found.Index == 0))
            return true;
        // After a manual or open-ended event, the events that follow wait for a take.
        return found.Day.Events.Take(found.Index + 1).Any(e => e.Timing == TimingMode.Manual || e.Duration is null && e.Kind != PrimaryKind.Block);
    }
}
