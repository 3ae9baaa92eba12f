using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>
/// Take, hold and skip: each becomes an anchor of the plan (so a re-plan keeps it) and marks it for laying out again.
/// Used under the automation's lock, on a plan brought up to date.
/// </summary>
internal sealed class OperatorActions(RunningPlan plan, AsRunTracker asRun, CueBook cues)
{
    /// <summary>The next event goes to air at <paramref name="at"/>: one waiting for its take, or the next one early (the one on air is cut).</summary>
    public EditResult Take(long now, long at)
    {
        if (plan.Next(now, asRun.OnAir?.Item.Key) is not { } next)
            return EditResult.Refused("there is no next event to take");
        plan.Anchors = plan.Anchors with { Starts = plan.Anchors.Starts.SetItem(next.Key, at) };
        return Changed();
    }

    /// <summary>The event on air stays past its planned end; the events after it wait for a take (fixed starts still cut it).</summary>
    public EditResult Hold()
    {
        if (asRun.OnAir is not { } onAir)
            return EditResult.Refused("nothing is on air to hold");
        plan.Anchors = plan.Anchors with { Held = onAir.Item.Key };
        return Changed();
    }

    /// <summary>The next event leaves the running order; the one after it follows the event on air.</summary>
    public EditResult Skip(long now)
    {
        if (plan.Next(now, asRun.OnAir?.Item.Key) is not { } next)
            return EditResult.Refused("there is no next event to skip");
        if (!cues.TryWithdrawCut(next.Key))
            return EditResult.Refused($"{next.Event.Id} is already going to air");
        plan.Anchors = plan.Anchors with { Skipped = plan.Anchors.Skipped.Add(next.Key) };
        return Changed();
    }

    private EditResult Changed()
    {
        plan.Dirty = true;
        return EditResult.Done(plan.Schedule.Version);
    }
}
