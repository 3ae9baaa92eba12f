using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>
/// The schedule as the automation runs it: the schedule, the anchors of what happened on air, and the plan laid out
/// from them, laid out again when either changes. Used under the automation's lock.
/// </summary>
internal sealed class RunningPlan(SchedulePlanner planner)
{
    /// <summary>How far ahead the running plan is laid out (and status looks for the next fixed start).</summary>
    public static readonly TimeSpan Span = TimeSpan.FromHours(6);

    private readonly long _span = planner.Time.Frames(Span);

    /// <summary>The plan always reaches this far ahead, so an end of schedule within the warning window is in it.</summary>
    private readonly long _endWarning = planner.Time.Frames(planner.Settings.EndWarningWindow);
    private long _until = long.MinValue;

    /// <summary>Plan items before this index have ended: scans start here (a long plan is not walked from its start 100 times a second).</summary>
    private int _pastItems;

    private ChannelSchedule _schedule = ChannelSchedule.Empty;

    /// <summary>Fixed items a plan has had ahead of now (see <see cref="Missed"/>).</summary>
    private readonly HashSet<string> _inTime = new(StringComparer.Ordinal);

    /// <summary>The schedule (set under the lock; read by anyone: an edit swaps it whole).</summary>
    public ChannelSchedule Schedule
    {
        get => Volatile.Read(ref _schedule);
        set => Volatile.Write(ref _schedule, value);
    }

    public PlanAnchors Anchors { get; set; } = PlanAnchors.None;

    /// <summary>The tick the plan is laid out to.</summary>
    public long Horizon => _until;
    public SchedulePlan Plan { get; private set; } = new([], []);

    /// <summary>Set when the plan must be laid out again (an edit, an operator's action, an item off its planned frame, a media scan).</summary>
    public bool Dirty { get; set; } = true;

    /// <summary>Whether the plan must be laid out again now: it changed, or its end comes within <paramref name="lookahead"/> or the end-of-schedule warning window.</summary>
    public bool Due(long now, long lookahead) => Dirty || now + Math.Max(lookahead, _endWarning) >= _until;

    public void Replan(long now, DateOnly firstDay)
    {
        Plan = planner.Plan(Schedule, firstDay, Anchors, now + _span);
        _until = now + _span;
        _pastItems = 0;
        Dirty = false;
    }

    /// <summary>Index of the first item that has not ended (the one on air stays).</summary>
    public int FirstAhead(long now, string? onAir)
    {
        var items = Plan.Items;
        while (_pastItems < items.Count && items[_pastItems].Key != onAir
            && (items[_pastItems].End <= now || items[_pastItems].Start is null && StartedAfter(_pastItems, now)))
            _pastItems++;
        return _pastItems;
    }

    /// <summary>The plan from the first item that has not ended yet.</summary>
    public IEnumerable<PlannedItem> Ahead(long now, string? onAir) => Plan.Items.Skip(FirstAhead(now, onAir));

    /// <summary>The first event after the one on air: a timed one, or one waiting for a take.</summary>
    public PlannedItem? Next(long now, string? onAir)
    {
        var ahead = Ahead(now, onAir);
        if (onAir is not null && ahead.Any(i => i.Key == onAir))
            ahead = ahead.SkipWhile(i => i.Key != onAir).Skip(1);
        // An item whose time has passed (pinned where it was, logged skipped) is no next event.
        return ahead.FirstOrDefault(i => !i.IsFiller && !(i.End <= now));
    }

    public int IndexOf(string key)
    {
        for (int i = 0; i < Plan.Items.Count; i++)
        {
            if (Plan.Items[i].Key == key)
                return i;
        }
        return -1;
    }

    /// <summary>Notes where an item actually went to air; re-plans only when that is off its planned frame.</summary>
    public void Started(PlannedItem item, long tick)
    {
        // The plan keeps the item where it actually went (a take, a late join keeps its planned timeline).
        long anchor = item.Start is long planned && planned <= tick ? planned : tick;
        if (Anchors.Starts.TryGetValue(item.Key, out long known) && known == anchor)
            return;
        Anchors = Anchors with { Starts = Anchors.Starts.SetItem(item.Key, anchor) };
        // On its planned frame the plan stays as it is: no re-plan per item (a loop of short items airs several a second).
        Dirty |= anchor != item.Start;
    }

    /// <summary>
    /// Notes that <paramref name="item"/> came off air at <paramref name="tick"/>: it ends there in every later plan (an edit
    /// never stretches it back onto air), and a hold on it is over.
    /// </summary>
    public void Ended(PlannedItem item, long tick)
    {
        if (item.IsFiller)
            return;
        Anchors = Anchors with { Ends = Anchors.Ends.SetItem(item.Key, tick), Held = Anchors.Held == item.Key ? null : Anchors.Held };
        Dirty |= item.End != tick;
    }

    /// <summary>Pins an item whose time passed without its airing where it was (an edit never moves it back into the future).</summary>
    public void Pin(PlannedItem item)
    {
        // Where the plan has it already: nothing to lay out again.
        Anchors = Anchors with { Starts = Anchors.Starts.SetItem(item.Key, item.Start!.Value), Ends = Anchors.Ends.SetItem(item.Key, item.End!.Value) };
    }

    /// <summary>Drops <paramref name="key"/> from the running order for good, with why.</summary>
    public void Drop(string key, string reason)
    {
        Anchors = Anchors with { Skipped = Anchors.Skipped.SetItem(key, reason) };
        Dirty = true;
    }

    /// <summary>
    /// Fixed items of the plan whose start has passed without their airing although the plan never had them ahead of
    /// now: they became known too late (scheduled after their time), and a fixed start never fires late. Fixed items
    /// the plan has ahead of now are remembered as cued in time (their cut may still apply on the first tick after a
    /// stall). Items before <paramref name="since"/> (the automation's first step) are not judged: they join in progress.
    /// </summary>
    public IReadOnlyList<PlannedItem> Missed(long now, long since) => Missed(Plan, now, since, remember: true);

    /// <summary>
    /// What <paramref name="schedule"/> lays out as from <paramref name="firstDay"/>, with the anchors as they are and
    /// the fixed starts it would miss left out (see <see cref="Missed(long, long)"/>).
    /// </summary>
    public SchedulePlan PlanOf(ChannelSchedule schedule, DateOnly firstDay, long now, long since)
    {
        var plan = planner.Plan(schedule, firstDay, Anchors, now + _span);
        if (Missed(plan, now, since, remember: false) is not { Count: > 0 } missed)
            return plan;
        var skipped = Anchors.Skipped.SetItems(missed.Select(m => KeyValuePair.Create(m.Key, "missed")));
        return planner.Plan(schedule, firstDay, Anchors with { Skipped = skipped }, now + _span);
    }

    private List<PlannedItem> Missed(SchedulePlan plan, long now, long since, bool remember)
    {
        var missed = new List<PlannedItem>();
        foreach (var item in plan.Items)
        {
            if (!item.Fixed || item.Start is not long start)
                continue;
            if (start >= now)
            {
                if (remember)
                    _inTime.Add(item.Key);
            }
            else if (start >= since && !_inTime.Contains(item.Key) && !Anchors.Starts.ContainsKey(item.Key))
                missed.Add(item);
        }
        return missed;
    }

    /// <summary>
    /// Items after the last one that went to air whose whole time has passed without their going to air: an edit, a skip
    /// or the service's downtime put them in the past. They stay in the plan (the items after them keep their times: the
    /// schedule's timeline wins, and the item whose time is now joins in progress) and are reported once as skipped.
    /// </summary>
    public IEnumerable<PlannedItem> Passed(long now)
    {
        var items = Plan.Items;
        int last = -1;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Start <= now && Anchors.Starts.ContainsKey(items[i].Key))
                last = i;
        }
        if (last < 0)
            yield break;
        for (int i = last + 1; i < items.Count && items[i].Start is long start && start < now && items[i].End <= now; i++)
        {
            if (!items[i].IsFiller && !items[i].Repeat)
                yield return items[i];
        }
    }

    /// <summary>Drops the anchors of days before <paramref name="day"/> (keys start with the date), so memory stays flat over weeks on air.</summary>
    public void Forget(DateOnly day)
    {
        bool Old(string key) => IsBefore(key, day);
        _inTime.RemoveWhere(Old);
        if (Anchors.Starts.Keys.Any(Old) || Anchors.Skipped.Keys.Any(Old) || Anchors.Ends.Keys.Any(Old))
            Anchors = Anchors with
            {
                Starts = Anchors.Starts.RemoveRange(Anchors.Starts.Keys.Where(Old)),
                Skipped = Anchors.Skipped.RemoveRange(Anchors.Skipped.Keys.Where(Old)),
                Ends = Anchors.Ends.RemoveRange(Anchors.Ends.Keys.Where(Old)),
            };
    }

    /// <summary>Whether the item <paramref name="key"/> names belongs to a day before <paramref name="day"/> (keys start with their date).</summary>
    public static bool IsBefore(string key, DateOnly day) =>
        string.CompareOrdinal(key, 0, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 0, 10) < 0;

    /// <summary>Whether the first timed item after <paramref name="index"/> has started: an untimed item before it was passed by.</summary>
    private bool StartedAfter(int index, long now)
    {
        for (int i = index + 1; i < Plan.Items.Count; i++)
        {
            if (Plan.Items[i].Start is long start)
                return start <= now;
        }
        return false;
    }
}
