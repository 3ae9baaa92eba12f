using Playout.Automation.AsRun;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Every fixed event of the schedule goes to air on its frame (and a day's first event, when it follows, at the day start), or its as-run entry says which rule moved it: skipped
/// ("no air time left before …", "skipped by an operator", "jumped over: …" — a day's first event; a jump refuses a fixed one —, "not taken before …"). An event the operator took early, deleted,
/// or whose frame came within a restart's start-up gap is exempt. The frames come from the schedule, not the plan, so a fixed
/// start the plan never laid out is caught too.
/// </summary>
internal sealed class FixedEventsAirOnTheirFrame : ISimInvariant
{
    private static readonly string[] Rules = ["no air time left before ", "skipped by an operator", "jumped over: ", "not taken before ", "missed: ", "its time ("];
    private readonly Dictionary<string, (long Tick, string Seen)> _missed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private ChannelSchedule? _schedule;
    private List<(string Key, long Tick)> _fixed = [];

    /// <summary>Fixed starts whose frame has come (each aired there, was exempt, or awaits or got its as-run reason).</summary>
    public int Checked => _checked.Count;

    public string Name => "every fixed event airs at its frame or is logged with the rule that moved it";

    /// <summary>The frames of the schedule's fixed events, for the simulation to run each of them.</summary>
    public IReadOnlyList<(string Key, long Tick)> Fixed(SimState state)
    {
        if (!ReferenceEquals(_schedule, state.Schedule))
        {
            _schedule = state.Schedule;
            _fixed = [.. FixedOf(state)];
            // An edit does not make a fixed frame already past due.
            foreach (var (key, tick) in _fixed.Where(f => f.Tick < state.Now))
                _checked.Add(key);
        }
        return _fixed;
    }

    public SimFailure? Check(SimState state)
    {
        if (state.Sample is { } sample)
        {
            foreach (var (key, tick) in Fixed(state))
            {
                if (tick > sample.Tick || !_checked.Add(key))
                    continue;
                if (tick < sample.Tick)
                    return new SimFailure(Name, key, $"the simulation passed over its frame {state.When(tick)} (a harness fault)", []);
                if (state.Status.OnAir?.Key != key && !Exempt(state, key, tick))
                    _missed[key] = (tick, state.Status.OnAir?.Key ?? "nothing");
            }
        }
        foreach (var (key, (tick, seen)) in _missed)
        {
            var entries = state.EntriesOf(key).ToList();
            if (entries.FirstOrDefault() is not { } entry)
            {
                if (state.Ended || state.Now - tick > state.Time.Frames(TimeSpan.FromHours(6)))
                    return new SimFailure(Name, key, $"due at {state.When(tick)}, {seen} was on air instead, and the as-run log never said why", []);
                continue;
            }
            _missed.Remove(key);
            bool moved = entry.Status == AsRunStatus.Skipped && entry.Reason is { } reason && Rules.Any(reason.StartsWith);
            if (!moved)
                return new SimFailure(Name, key, $"due at {state.When(tick)}, {seen} was on air instead; its entry names no rule that moved it", entries);
        }
        return null;
    }

    /// <summary>Taken early by the operator (or aired before its frame), or due within a restart's start-up gap (docs/AUTOMATION.md, known limits).</summary>
    private static bool Exempt(SimState state, string key, long tick) =>
        state.ActedOn(key).Any(d => d.Action.Kind == SimActionKind.Take && d.Tick <= tick)
        // Aired before its frame (taken early), and an edit made that frame its own afterwards (moved first in its day).
        || state.EntriesOf(key).Any(e => e.ActualTick < tick)
        || state.Restarts.Any(r => tick >= r.Tick && tick <= r.Tick + state.JoinAllowance);

    /// <summary>The plan key of an event's first item (a block's: its first child's first pass).</summary>
    private static string KeyOf(DaySchedule day, PrimaryEvent e) =>
        e.Kind == PrimaryKind.Block ? $"{day.Date:yyyy-MM-dd}/{e.Id}/{e.Blocks[0].Id}#0" : $"{day.Date:yyyy-MM-dd}/{e.Id}";

    /// <summary>Each fixed event's key and frame, and each day's first event if it follows, from the schedule's own days.</summary>
    private static IEnumerable<(string Key, long Tick)> FixedOf(SimState state)
    {
        foreach (var day in state.Schedule.Days.Values)
        {
            for (int i = 0; i < day.Events.Count; i++)
            {
                if (FrameOf(state, day, i) is long tick)
                    yield return (KeyOf(day, day.Events[i]), tick);
            }
        }
    }

    /// <summary>
    /// The frame the event at <paramref name="index"/> of <paramref name="day"/> must start on, from the schedule alone: its
    /// fixed start, or the day start for a day's first event that follows (an overrunning day before is cut there); null when untimed.
    /// </summary>
    public static long? FrameOf(SimState state, DaySchedule day, int index)
    {
        var e = day.Events[index];
        if (e.Timing == TimingMode.Follow)
            return index == 0 ? state.Time.TickAtLocal(day.Date, state.Settings.DayStart) : null;
        if (e.Timing != TimingMode.Fixed || e.Start is not { } start)
            return null;
        // Past 24 h (or before the day start): the next calendar morning's time.
        var date = day.Date.AddDays(start >= TimeSpan.FromDays(1) || start < state.Settings.DayStart ? 1 : 0);
        return state.Time.TickAtLocal(date, start >= TimeSpan.FromDays(1) ? start - TimeSpan.FromDays(1) : start);
    }
}
