using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>
/// Take, hold and skip: each becomes an anchor of the plan (so a re-plan keeps it), marks it for laying out again and
/// is noted, with who asked and when, on the as-run entry of the item it concerns. Used under the automation's lock,
/// on a plan brought up to date. The state machine they form is in docs/AUTOMATION.md.
/// </summary>
internal sealed class OperatorActions(RunningPlan plan, AsRunTracker asRun, CueBook cues)
{
    /// <summary>The next event goes to air at <paramref name="at"/>: one waiting for its take, or the next one early (the one on air is cut).</summary>
    public EditResult Take(long now, long at, string who, string when)
    {
        if (plan.Next(now, asRun.OnAir?.Item.Key) is not { } next)
            return EditResult.Refused("there is no next event to take");
        plan.Anchors = plan.Anchors with { Starts = plan.Anchors.Starts.SetItem(next.Key, at) };
        asRun.Note(next.Key, $"taken by {who} at {when}");
        if (asRun.OnAir is { Item.IsFiller: false } onAir)
            asRun.Note(onAir.Item.Key, $"taken off air by {who} at {when}");
        return Changed();
    }

    /// <summary>The event on air stays past its planned end; the events after it wait for a take (fixed starts still cut it).</summary>
    public EditResult Hold(string who, string when)
    {
        if (asRun.OnAir is not { Item.IsFiller: false } onAir)
            return EditResult.Refused("nothing is on air to hold");
        if (plan.Anchors.Held == onAir.Item.Key)
            return EditResult.Refused($"{onAir.Item.Event.Id} is already held");
        plan.Anchors = plan.Anchors with { Held = onAir.Item.Key };
        asRun.Note(onAir.Item.Key, $"held by {who} at {when}");
        return Changed();
    }

    /// <summary>The next event leaves the running order; the one after it follows the event on air.</summary>
    public EditResult Skip(long now, string who, string when)
    {
        if (plan.Next(now, asRun.OnAir?.Item.Key) is not { } next)
            return EditResult.Refused("there is no next event to skip");
        if (!cues.TryWithdrawCut(next.Key))
            return EditResult.Refused($"{next.Event.Id} is already going to air");
        plan.Drop(next.Key, "skipped by an operator");
        asRun.Note(next.Key, $"skipped by {who} at {when}");
        return Changed();
    }

    private EditResult Changed()
    {
        plan.Dirty = true;
        return EditResult.Done(plan.Schedule.Version);
    }
}
