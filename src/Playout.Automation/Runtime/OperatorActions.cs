using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>
/// Take, hold, release and skip as transitions of <see cref="AutomationMode"/>: each becomes an anchor of the plan (so a
/// re-plan keeps it), marks it for laying out again and is noted, with who asked and when, on the as-run entry of the
/// item it concerns. Used under the automation's lock, on a plan brought up to date. docs/AUTOMATION.md has the table.
/// </summary>
internal sealed class OperatorActions(RunningPlan plan, AsRunTracker asRun, CueBook cues)
{
    /// <summary>The state the plan and the item on air are in at <paramref name="now"/>.</summary>
    public AutomationMode Mode(long now)
    {
        if (asRun.OnAir is not { } onAir)
            return AutomationMode.Idle;
        if (plan.Anchors.Held == onAir.Item.Key)
            return AutomationMode.Held;
        return plan.Next(now, onAir.Item.Key) is { Start: null } ? AutomationMode.Waiting : AutomationMode.Running;
    }

    /// <summary>
    /// Any state with a next event → running: the next event goes to air at <paramref name="at"/> (one waiting for its
    /// take, or the next one early: the one on air is cut, and a hold on it ends).
    /// </summary>
    /// <param name="key">The item to take instead of the next one (an insert going to air now); it must be ahead.</param>
    public EditResult Take(long now, long at, string who, string when, string? key = null)
    {
        var next = key is null ? plan.Next(now, asRun.OnAir?.Item.Key) : plan.Ahead(now, asRun.OnAir?.Item.Key).FirstOrDefault(i => i.Key == key);
        if (next is null)
            return EditResult.Refused(key is null ? "there is no next event to take" : $"{key} is not ahead in the running order");
        TakeAt(next, at);
        asRun.Note(next.Key, $"taken by {who} at {when}");
        if (asRun.OnAir is { Item.IsFiller: false } onAir)
            asRun.Note(onAir.Item.Key, $"taken off air by {who} at {when}");
        return Changed();
    }

    /// <summary>Running or waiting → held: the event on air stays past its planned end; the events after it wait (fixed starts still cut it).</summary>
    public EditResult Hold(long now, string who, string when)
    {
        switch (Mode(now))
        {
            case AutomationMode.Idle:
                return EditResult.Refused("nothing is on air to hold");
            case AutomationMode.Held:
                return EditResult.Refused($"{asRun.OnAir!.Item.Event.Id} is already held");
        }
        var onAir = asRun.OnAir!;
        if (onAir.Item.IsFiller)
            return EditResult.Refused("filler is on air: there is no event to hold");
        plan.Anchors = plan.Anchors with { Held = onAir.Item.Key };
        asRun.Note(onAir.Item.Key, $"held by {who} at {when}");
        return Changed();
    }

    /// <summary>
    /// Held → running: the event on air ends at its planned end when that is still ahead (from <paramref name="at"/> on),
    /// else the next event follows at <paramref name="at"/>.
    /// </summary>
    public EditResult Release(long now, long at, string who, string when)
    {
        if (Mode(now) != AutomationMode.Held)
            return EditResult.Refused("nothing is held");
        var onAir = asRun.OnAir!;
        // Past its planned end, the next event cuts it (the hold ends as it comes off air); before, it ends there.
        if (onAir.Item.Start + onAir.Item.Length < at && plan.Next(now, onAir.Item.Key) is { } next)
            TakeAt(next, at);
        else
            plan.Anchors = plan.Anchors with { Held = null };
        asRun.Note(onAir.Item.Key, $"released by {who} at {when}");
        return Changed();
    }

    /// <summary>Any state with a next event (not yet cut to air) → the same state: the next event leaves the running order.</summary>
    public EditResult Skip(long now, string who, string when)
    {
        if (plan.Next(now, asRun.OnAir?.Item.Key) is not { } next)
            return EditResult.Refused("there is no next event to skip");
        if (!cues.TryWithdrawCut(next.Key))
            return EditResult.Refused($"{next.Event.Id} is already going to air");
        plan.Drop(next.Key, "skipped by an operator");
        asRun.Note(next.Key, $"skipped by {who} at {when}");
        asRun.Skipped(next, "skipped by an operator");
        return Changed();
    }

    /// <summary>
    /// Any state with event <paramref name="id"/> ahead → the same state, <paramref name="id"/> next: the events between the one
    /// on air and it leave the running order (as-run skipped, "jumped over"). Refused when one of them has a fixed start (a
    /// jump never drops one unseen: skip it first) or its cut has applied.
    /// </summary>
    public EditResult Next(long now, string id, string who, string when)
    {
        string? onAir = asRun.OnAir?.Item.Key;
        var ahead = plan.Ahead(now, onAir);
        if (onAir is not null && ahead.Any(i => i.Key == onAir))
            ahead = ahead.SkipWhile(i => i.Key != onAir).Skip(1);
        var events = ahead.Where(i => !i.IsFiller && !(i.End <= now)).ToList();
        int index = events.FindIndex(i => i.Event.Id == id || i.Key == id);
        if (index < 0)
            return EditResult.Refused($"there is no event {id} ahead in the running order");
        if (index == 0)
            return EditResult.Refused($"{id} is already next");
        var between = events[..index];
        if (between.FirstOrDefault(i => i.Fixed) is { } fixedStart)
            return EditResult.Refused($"{fixedStart.Event.Id} has a fixed start before {id}: skip it first");
        foreach (var item in between)
        {
            if (!cues.TryWithdrawCut(item.Key))
                return EditResult.Refused($"{item.Event.Id} is already going to air");
        }
        string reason = $"jumped over: {id} was made next";
        foreach (var item in between)
        {
            plan.Drop(item.Key, reason);
            asRun.Note(item.Key, $"jumped over by {who} at {when}");
            asRun.Skipped(item, reason);
        }
        asRun.Note(events[index].Key, $"made next by {who} at {when}");
        return Changed();
    }

    /// <summary>The next event starts at <paramref name="at"/>; a hold on the event on air ends as that cuts it off air.</summary>
    private void TakeAt(PlannedItem next, long at) => plan.Anchors = plan.Anchors with { Starts = plan.Anchors.Starts.SetItem(next.Key, at) };

    private EditResult Changed()
    {
        plan.Dirty = true;
        return EditResult.Done(plan.Schedule.Version);
    }
}
