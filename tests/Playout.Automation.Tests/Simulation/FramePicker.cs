using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Picks the next frame a simulated channel runs: the first where anything can happen. Never past a queued command (the
/// channel would refuse it as late) or an action; each start of the plan and each fixed start of the schedule runs on its
/// frame, and the pump also runs when it enters the cue lookahead and the pre-roll window; otherwise a step of at most
/// <paramref name="maxStep"/> frames, so the automation re-plans and raises its alarms on time.
/// </summary>
internal sealed class FramePicker(long lookahead, long preroll, long maxStep)
{
    private IReadOnlyList<PlannedItem>? _items;

    /// <summary>Plan items before this one started at or before a frame already run.</summary>
    private int _cursor;

    public long Next(long now, long action, long? command, IReadOnlyList<PlannedItem> plan, IEnumerable<long> fixedStarts)
    {
        long best = Math.Min(now + maxStep, Math.Max(now, action));
        if (command is long due)
            best = Math.Min(best, Math.Max(due, now));
        if (!ReferenceEquals(plan, _items))
            (_items, _cursor) = (plan, 0);
        while (_cursor < plan.Count && plan[_cursor].Start is long passed && passed <= now)
            _cursor++;
        for (int i = _cursor; i < plan.Count; i++)
        {
            if (plan[i].Start is not long start || start <= now)
                continue;
            if (start - lookahead > best)
                break;
            best = Consider(start, now, best);
        }
        foreach (long start in fixedStarts)
        {
            if (start > now)
                best = Consider(start, now, best);
        }
        return best;
    }

    private long Consider(long start, long now, long best)
    {
        foreach (long at in (ReadOnlySpan<long>)[start, start - preroll, start - lookahead])
        {
            if (at > now && at < best)
                best = at;
        }
        return best;
    }
}
