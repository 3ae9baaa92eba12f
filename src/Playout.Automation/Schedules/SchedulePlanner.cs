namespace Playout.Automation.Schedules;

/// <summary>
/// Lays a schedule out in ticks. Rules (docs/AUTOMATION.md):
/// <list type="bullet">
/// <item>A day's first event starts at the day start unless it has a fixed start of its own; a follow event starts when the one before ends.</item>
/// <item>A fixed start (or an anchor: an actual start, an operator's take) wins: the event before is cut on that frame (overrun),
/// events that no longer fit are skipped, and a gap before it is filled with filler.</item>
/// <item>A manual event waits, untimed, behind open-ended filler until an operator takes it; so do the follow events after it.
/// A later fixed start ends the filler but leaves them waiting before it: they are skipped only when it airs untaken.</item>
/// <item>A held item and an event with no length (live, still without duration) run open-ended until the next fixed start.</item>
/// </list>
/// Pure: the same schedule and anchors always give the same plan.
/// </summary>
public sealed class SchedulePlanner(ScheduleSettings settings, IScheduleTimeBase time, Func<PrimaryEvent, MediaTimes?>? media = null)
{
    private readonly BlockExpander _expander = new(time, media ?? (_ => null));

    public ScheduleSettings Settings => settings;
    public IScheduleTimeBase Time => time;

    /// <summary>A clip's catalogued length and radio markers; null for other kinds and files the catalogue does not have.</summary>
    public MediaTimes? MediaOf(PrimaryEvent e) => e.Kind == PrimaryKind.Clip ? media?.Invoke(e) : null;

    /// <summary>How many frames <paramref name="e"/> runs for, as the plan lays it out; null (with the problem, for a clip) when unknown.</summary>
    public (long? Frames, string? Problem) LengthOf(PrimaryEvent e) => _expander.LengthOf(e);

    /// <summary>Lays out the broadcast days from <paramref name="fromDay"/> until the programme reaches <paramref name="horizon"/>.</summary>
    public SchedulePlan Plan(ChannelSchedule schedule, DateOnly fromDay, PlanAnchors anchors, long horizon)
    {
        var items = new List<PlannedItem>();
        var skipped = new List<SkippedItem>();
        // The plan starts at its first day's start: time before the first event (or before a later day with events, or with
        // none at all) is filler.
        long? cursor = time.TickAtLocal(fromDay, settings.DayStart);
        // Days with a schedule of their own, and with a template every day up to the horizon.
        var last = schedule.Template is null ? schedule.Days.Keys.LastOrDefault() : DateOnly.MaxValue;
        for (var date = fromDay; date <= last; date = date.AddDays(1))
        {
            // Nothing starting at or after the horizon is laid out, whether or not earlier days placed anything.
            if (time.TickAtLocal(date, settings.DayStart) >= horizon)
                break;
            if (schedule.DayOrTemplate(date) is not { } day)
                continue;
            // The day's first placed entry starts at the day start; an event's timing goes to its first placed entry (a fixed
            // block whose first child is skipped still starts at its time).
            bool firstOfDay = true;
            foreach (var group in _expander.Expand(day))
            {
                PlanEntry? timing = null;
                foreach (var next in group.Entries)
                {
                    var entry = timing is { } t ? next with { Timing = t.Timing, FixedAt = t.FixedAt } : next;
                    if (FarEnough(items, cursor, horizon) && !firstOfDay && !LaidOutAnyway(entry, day.Date, cursor, horizon, anchors))
                    {
                        // Laid out as far as needed: the rest of this event is not (a loop may fill the day), but a later
                        // fixed start before the horizon (or the day start, for its first event) still cuts in, so the
                        // day's other events are still read.
                        if (group.Loops)
                            break;
                        continue;
                    }
                    string? why = anchors.Skipped.TryGetValue(entry.Key, out var reason) ? reason : entry.Problem;
                    if (why is not null)
                    {
                        AddSkipped(skipped, entry, day.Date, why, items.Count);
                        timing = entry.Timing == TimingMode.Follow ? null : entry;
                        continue;
                    }
                    long? start = StartOf(entry, day.Date, firstOfDay, cursor, anchors);
                    cursor = Place(items, skipped, day.Date, entry, start, cursor, anchors, firstOfDay);
                    (firstOfDay, timing) = (false, null);
                }
            }
        }
        // After the last event the filler holds the air until the schedule is extended.
        if (cursor is long end)
            items.Add(Filler(items.Count > 0 ? items[^1].Day : fromDay, "end", end, null));
        return new SchedulePlan(items, skipped);
    }

    /// <summary>Whether the plan reaches <paramref name="horizon"/>: its programme runs to it, or enough items wait for a take.</summary>
    private static bool FarEnough(List<PlannedItem> items, long? cursor, long horizon) =>
        cursor is long c ? c >= horizon : UntimedAtEnd(items) >= MaxWaiting;

    /// <summary>An entry laid out however far the plan reaches: one that has aired or been taken, or a fixed start before the horizon.</summary>
    private bool LaidOutAnyway(PlanEntry entry, DateOnly day, long? cursor, long horizon, PlanAnchors anchors) =>
        anchors.Starts.ContainsKey(entry.Key)
        || entry.Timing == TimingMode.Fixed && (cursor is null || TickOfDay(day, entry.FixedAt ?? settings.DayStart) < horizon);

    /// <summary>A loop's later passes fill time: getting no air time is not a skip of anything scheduled.</summary>
    private static void AddSkipped(List<SkippedItem> skipped, PlanEntry entry, DateOnly day, string reason, int before)
    {
        if (!entry.Repeat)
            skipped.Add(new SkippedItem(entry.Key, day, entry.Event, reason, before));
    }

    private long? StartOf(PlanEntry entry, DateOnly day, bool firstOfDay, long? cursor, PlanAnchors anchors)
    {
        if (anchors.Starts.TryGetValue(entry.Key, out long anchored))
            return anchored;
        return entry.Timing switch
        {
            TimingMode.Fixed => TickOfDay(day, entry.FixedAt ?? settings.DayStart),
            TimingMode.Manual => null,
            _ => firstOfDay ? time.TickAtLocal(day, settings.DayStart) : cursor,
        };
    }

    /// <summary>A time of day of broadcast day <paramref name="day"/>: before the day start it is the next calendar morning.</summary>
    private long TickOfDay(DateOnly day, TimeSpan timeOfDay)
    {
        int days = (int)Math.Floor(timeOfDay.TotalDays);
        var within = timeOfDay - TimeSpan.FromDays(days);
        if (days == 0 && within < settings.DayStart)
            days = 1;
        return time.TickAtLocal(day.AddDays(days), within);
    }

    /// <summary>Adds the entry's item (and any filler before it); returns where the programme goes on after it (null: not known yet).</summary>
    private static long? Place(List<PlannedItem> items, List<SkippedItem> skipped, DateOnly day, PlanEntry entry, long? start, long? cursor,
        PlanAnchors anchors, bool firstOfDay)
    {
        if (start is not long s)
        {
            // Untimed (manual, or following one): filler holds the air from where the programme stands. A long run of
            // them (the rest of a held loop) is not laid out item by item: the first few are what a take can reach.
            if (cursor is long c)
                items.Add(Filler(day, entry.Key, c, null));
            if (UntimedAtEnd(items) < MaxWaiting)
                items.Add(new PlannedItem(entry.Key, day, entry.Event, null, null, entry.Length ?? 0, false, entry.SourceOffset, Repeat: entry.Repeat));
            return null;
        }
        // An item that has come off air ends where it did; one held on air runs open-ended.
        long? end = anchors.Ends.TryGetValue(entry.Key, out long ended) ? ended
            : anchors.Held == entry.Key || entry.Length is null ? null : s + entry.Length;
        bool anchored = anchors.Starts.ContainsKey(entry.Key);
        List<PlannedItem> later = [];
        if (cursor is long at && s > at)
            items.Add(Filler(day, entry.Key, at, s));
        else
            later = CutBefore(items, skipped, s, end, entry.Event.Id, i => Pinned(i, anchors));
        string? cut = null;
        if (later.Count > 0 && later[0].Start is long next && (end is null || end > next))
            (end, cut) = (next, $"cut by {later[0].Event.Id}");
        bool isFixed = entry.Timing == TimingMode.Fixed && !anchored;
        items.Add(new PlannedItem(entry.Key, day, entry.Event, s, end, entry.Length ?? 0, false, entry.SourceOffset, cut, entry.Repeat, isFixed,
            firstOfDay && !anchored));
        // What kept its time comes after: the items that follow one another close up behind what is before them, and the
        // gaps before pinned ones are filler again (the filler popped with them is laid anew).
        foreach (var kept in later)
        {
            var item = kept;
            if (items[^1].End is long before && kept.Start > before)
            {
                if (Pinned(kept, anchors))
                    items.Add(Filler(kept.Day, kept.Key, before, kept.Start));
                else
                    item = kept with { Start = before, End = kept.End - kept.Start + before };
            }
            items.Add(item);
        }
        return later.Count > 0 ? items[^1].End : end;
    }

    /// <summary>
    /// Makes room for an item running from <paramref name="start"/> to <paramref name="end"/> (null: open): the item running
    /// then is cut, and later timed items get no air time and are skipped — except items whose time is pinned (a fixed start,
    /// an item that aired or was taken), which keep it together with what follows them once clear of the new item. Those
    /// are handed back, in time order, to come after the new item.
    /// Items waiting for a take stay (untimed, before it): until it starts an operator may still take them.
    /// </summary>
    private static List<PlannedItem> CutBefore(List<PlannedItem> items, List<SkippedItem> skipped, long start, long? end, string by,
        Func<PlannedItem, bool> pinned)
    {
        var waiting = new List<PlannedItem>();
        var later = new List<PlannedItem>();
        while (items.Count > 0 && (items[^1].Start is null || items[^1].Start >= start))
        {
            (items[^1].Start is null ? waiting : later).Insert(0, items[^1]);
            items.RemoveAt(items.Count - 1);
        }
        var kept = new List<PlannedItem>();
        foreach (var item in later)
        {
            if (item.IsFiller)
                continue;
            bool clear = end is long e && item.Start >= e;
            // Pinned to the very frame of the new item, it gives way: the later in the running order wins.
            if (pinned(item) && item.Start > start || clear && kept.Count > 0)
                kept.Add(item);
            else if (!item.Repeat)
                skipped.Add(new SkippedItem(item.Key, item.Day, item.Event, $"no air time left before {by}", items.Count));
        }
        foreach (ref var moved in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(skipped))
            moved = moved.Before > items.Count ? moved with { Before = items.Count } : moved;
        if (items.Count > 0 && (items[^1].End is null || items[^1].End > start))
            items[^1] = items[^1] with { End = start, Cut = $"cut by {by}" };
        items.AddRange(waiting);
        return kept;
    }

    /// <summary>Whether an item's time is pinned: a fixed start, a day's first event at its day start, one that aired or was taken.</summary>
    private static bool Pinned(PlannedItem item, PlanAnchors anchors) => item.Fixed || item.FirstOfDay || anchors.Starts.ContainsKey(item.Key);

    /// <summary>Untimed items laid out in a row at most (waiting for a take, or after a held item).</summary>
    private const int MaxWaiting = 50;

    private static int UntimedAtEnd(List<PlannedItem> items)
    {
        int count = 0;
        while (count < items.Count && items[items.Count - 1 - count].Start is null)
            count++;
        return count;
    }

    private static PlannedItem Filler(DateOnly day, string before, long start, long? end) =>
        new($"{before}@filler", day, new PrimaryEvent("filler", PrimaryKind.Filler, Title: "filler"), start, end, end - start ?? 0, true);
}
