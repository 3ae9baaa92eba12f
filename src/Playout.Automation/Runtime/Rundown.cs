using Playout.Automation.AsRun;
using Playout.Automation.Imports;
using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>A secondary event under its primary in the rundown: queued once its item is cued, done once applied.</summary>
/// <param name="Offset">From its anchor, signed: "start+00:00:05:00", "end-00:00:10:00".</param>
/// <param name="State">"pending" (not cued yet), "queued", "done".</param>
public sealed record RundownSecondary(string Id, string Kind, string Title, string Offset, string State);

/// <summary>
/// One item of the rundown. Times are time-of-day timecode (a played item's: as it aired); <see cref="State"/> is one of
/// "played", "onair", "cued" (its producer pre-rolled), "ready", "missing" (its media is not there), "skipped", "failed".
/// </summary>
public sealed record RundownItem(string Key, string Id, string Title, string Kind, string? Source, string? Start, string? End, string? Duration,
    string StartMode, string State, bool IsBreak, bool IsFiller, IReadOnlyList<RundownSecondary> Secondaries);

/// <summary>The running order an operator sees: today's items that have aired (or were skipped) first, then the one on air and the plan ahead.</summary>
public sealed record Rundown(string Channel, long Tick, FrameRateStatus FrameRate, IReadOnlyList<RundownItem> Items)
{
    /// <summary>
    /// The rundown of <paramref name="plan"/> (laid out from the snapshot's anchors) to <paramref name="until"/>, after
    /// <paramref name="asRun"/>'s items (today's entries, in the order written); <paramref name="missing"/> says whether an
    /// event's media is not there.
    /// </summary>
    internal static Rundown Of(ChannelAutomation automation, AutomationSnapshot snapshot, SchedulePlan plan, long now, long until,
        IEnumerable<AsRunEntry> asRun, Func<PrimaryEvent, bool> missing)
    {
        var tc = automation.Timecodes;
        var time = automation.Planner.Time;
        string? onAir = snapshot.OnAir?.Key;
        var items = new List<RundownItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in asRun.Where(e => e.Status.IsItem() && e.Key != onAir))
        {
            var e = automation.Schedule.DayOrTemplate(entry.Day)?.Events.FirstOrDefault(x => x.Id == entry.EventId);
            seen.Add(entry.Key);
            items.Add(new RundownItem(entry.Key, entry.EventId, entry.Title, entry.Kind, entry.Source, entry.ActualTimecode,
                entry.ActualTick is long t ? tc.OfDay(t + entry.ActualFrames) : null, entry.ActualTick is null ? null : entry.ActualDuration,
                e is null ? "follow" : StartMode(e, false), entry.Status switch
                {
                    AsRunStatus.Skipped => "skipped",
                    AsRunStatus.Failed => "failed",
                    _ => "played",
                }, e is not null && Breaks.IsBreak(e), entry.Status == AsRunStatus.Filler, []));
        }
        int played = items.Count;
        var skippedBefore = plan.Skipped.Where(s => !seen.Contains(s.Key)).ToLookup(s => s.Before);
        for (int i = 0; i < plan.Items.Count; i++)
        {
            var item = plan.Items[i];
            if (item.Start >= until)
                break;
            foreach (var skipped in skippedBefore[i])
                items.Add(Skipped(skipped));
            // The planner may lay two fillers out under one key (a gap, then a wait): the first not over is the one on air.
            bool isOnAir = item.Key == onAir && !(item.End <= now) && !items.Skip(played).Any(i => i.State == "onair");
            if (seen.Contains(item.Key) || !isOnAir && (item.End <= now || item.End is null && item.Start < now && item.IsFiller))
                continue;
            snapshot.Cues.TryGetValue(item.Key, out var cue);
            string state = isOnAir ? "onair" : !item.IsFiller && missing(item.Event) ? "missing" : cue is { PreRolled: true } ? "cued" : "ready";
            items.Add(Planned(item, state, cue, isOnAir ? snapshot.OnAirTick : null, time, tc));
        }
        // An edit since the item on air went may lay the plan out without it (filler keyed by an event that has moved): it is
        // on air all the same, first after the played ones.
        if (snapshot.OnAir is { } current && !items.Any(i => i.State == "onair"))
        {
            snapshot.Cues.TryGetValue(current.Key, out var cue);
            items.Insert(played, Planned(current, "onair", cue, snapshot.OnAirTick, time, tc));
        }
        var rate = automation.Channel.Context.Format.FrameRate;
        return new Rundown(automation.Channel.Name, now, new FrameRateStatus(rate.Numerator, rate.Denominator), items);
    }

    private static RundownItem Planned(PlannedItem item, string state, CueView? cue, long? aired, IScheduleTimeBase time, ITimecodes tc) =>
        new(item.Key, item.Event.Id, item.Event.DisplayName, Kind(item), item.Event.Source,
            item.Start is long s ? tc.OfDay(aired ?? s) : aired is long a ? tc.OfDay(a) : null,
            item.End is long end ? tc.OfDay(end) : null,
            item.Start is long from && item.End is long to ? tc.Duration(to - from) : null,
            StartMode(item.Event, item.Fixed), state, Breaks.IsBreak(item.Event), item.IsFiller, Secondaries(item, cue, time, tc));

    private static RundownItem Skipped(SkippedItem skipped) =>
        new(skipped.Key, skipped.Event.Id, skipped.Event.DisplayName, skipped.Event.Kind.ToString().ToLowerInvariant(), skipped.Event.Source, null, null,
            null, StartMode(skipped.Event, false), "skipped", Breaks.IsBreak(skipped.Event), false, []);

    private static string Kind(PlannedItem item) => item.IsFiller ? "filler" : item.Event.Kind.ToString().ToLowerInvariant();

    private static string StartMode(PrimaryEvent e, bool isFixed) =>
        isFixed || e.Timing == TimingMode.Fixed ? "fixed" : e.Timing == TimingMode.Manual ? "manual" : "follow";

    private static List<RundownSecondary> Secondaries(PlannedItem item, CueView? cue, IScheduleTimeBase time, ITimecodes tc)
    {
        var list = new List<RundownSecondary>();
        var secondaries = item.Event.SecondaryEvents;
        for (int i = 0; i < secondaries.Count; i++)
        {
            var s = secondaries[i];
            string state = cue?.Secondaries.TryGetValue(i, out bool applied) == true ? applied ? "done" : "queued" : "pending";
            string offset = $"{s.Anchor.ToString().ToLowerInvariant()}{(s.Offset < TimeSpan.Zero ? "-" : "+")}{tc.Duration(time.Frames(s.Offset.Duration()))}";
            list.Add(new RundownSecondary($"{item.Event.Id}/{i}", NativeScheduleWriter.Name(s.Kind), s.Source ?? s.Command ?? NativeScheduleWriter.Name(s.Kind),
                offset, state));
        }
        return list;
    }
}
