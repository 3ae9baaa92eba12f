using Playout.Automation.Schedules;

namespace Playout.Automation.Scripting;

/// <summary>
/// A running order a script builds: a day of the schedule (<see cref="ScriptGlobals.Day"/>, written back when the
/// script changes it) or a draft that belongs to no day (<see cref="ScriptGlobals.Draft"/>) until copied onto one.
/// Times are the channel's times of day, counted from its day start; a fixed event resets the clock to its start.
/// Every method returns the builder, so calls chain.
/// </summary>
public sealed class DayBuilder
{
    private readonly ScriptGlobals _globals;
    private List<PrimaryEvent> _events;

    internal DayBuilder(ScriptGlobals globals, DateOnly? date, IEnumerable<PrimaryEvent> events, bool changed)
    {
        _globals = globals;
        Date = date;
        _events = [.. events];
        Changed = changed;
    }

    /// <summary>The day this builds; null for a draft.</summary>
    public DateOnly? Date { get; }

    public IReadOnlyList<PrimaryEvent> Events => _events;

    /// <summary>Whether the script changed this running order (an untouched day is not written back, so a day that comes from the channel's template stays on it).</summary>
    internal bool Changed { get; private set; }

    /// <summary>The time of day the running order ends (past 24:00 when it runs into the next morning).</summary>
    public TimeSpan End
    {
        get
        {
            var clock = _globals.DayStart;
            foreach (var e in _events)
                clock = StartOf(e, clock) + LengthOf(e);
            return clock;
        }
    }

    /// <summary>Appends <paramref name="e"/> (make one with <see cref="ScriptGlobals.Clip"/>, <see cref="ScriptGlobals.Live"/>, <see cref="ScriptGlobals.Filler"/>, or a <c>new PrimaryEvent(...)</c>).</summary>
    public DayBuilder Add(PrimaryEvent e)
    {
        _events.Add(e);
        Changed = true;
        return this;
    }

    /// <summary>Appends a clip that follows the event before it (see <see cref="ScriptGlobals.Clip"/>).</summary>
    public DayBuilder Clip(string id, string file, ScriptTime? duration = null, string? title = null) =>
        Add(_globals.Clip(id, file, duration, title));

    /// <summary>Appends <paramref name="e"/> with a fixed start at time of day <paramref name="at"/>.</summary>
    public DayBuilder Fixed(ScriptTime at, PrimaryEvent e) => Add(e with { Timing = TimingMode.Fixed, Start = at });

    /// <summary>A day <paramref name="date"/> with a copy of these events; it replaces that date's day when the script ends.</summary>
    public DayBuilder CopyTo(ScriptDate date) => _globals.Track(new DayBuilder(_globals, date, _events, changed: true));

    /// <summary>
    /// Puts a break (<paramref name="makeBreak"/>(1), (2)…) at every multiple of <paramref name="interval"/> after the
    /// day start, on the clock: breaks push the programme on, so the next break still comes at the next mark. A mark
    /// inside an event splits it (a clip continues from where it stopped, a looping one starts its loop again; the parts after the first get ids "ID-2",
    /// "ID-3"…; start-anchored secondaries stay with the first part, end-anchored ones go with the last). A mark
    /// between two events puts the break between them; marks after the last event and within a gap before a fixed
    /// event get none. Blocks are not split: a mark inside one is an error.
    /// </summary>
    public DayBuilder InsertEvery(ScriptTime interval, Func<int, PrimaryEvent> makeBreak)
    {
        if (interval.Value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval.Value, "the interval must be positive");
        var output = new List<PrimaryEvent>();
        var clock = _globals.DayStart;
        var mark = clock + interval;
        int breaks = 0;

        void Break()
        {
            var b = makeBreak(++breaks);
            output.Add(b);
            clock += LengthOf(b);
            while (mark <= clock)
                mark += interval;
        }

        foreach (var e in _events)
        {
            var start = StartOf(e, clock);
            if (e.Timing == TimingMode.Fixed)
            {
                // Marks up to a fixed start fall in a gap (or on the event itself) and get no break.
                clock = start;
                while (mark <= clock)
                    mark += interval;
            }
            else if (clock == mark && output.Count > 0)
                Break();
            var rest = e;
            var length = LengthOf(e);
            int part = 1;
            while (clock + length > mark)
            {
                _globals.Cancellation.ThrowIfCancellationRequested();
                var (head, tail) = Split(rest, e.Id, mark - clock, length, ++part);
                output.Add(head);
                clock = mark;
                Break();
                rest = tail;
                length = tail.Duration!.Value;
            }
            output.Add(rest);
            clock += length;
        }
        _events = output;
        Changed = true;
        return this;
    }

    /// <summary>
    /// Appends a filler event (<paramref name="filler"/>: "black", "bars", a colour or a still's path) from <see cref="End"/>
    /// to time of day <paramref name="timeOfDay"/>; nothing when the running order already reaches it.
    /// </summary>
    public DayBuilder FillTo(ScriptTime timeOfDay, string filler)
    {
        var to = timeOfDay.Value < _globals.DayStart ? timeOfDay.Value + TimeSpan.FromDays(1) : timeOfDay.Value;
        var end = End;
        return to > end ? Add(_globals.Filler($"fill-{to:hh\\:mm\\:ss}", filler, to - end)) : this;
    }

    internal DaySchedule Build() => new(Date!.Value, [.. _events]);

    /// <summary>When <paramref name="e"/> starts if the programme before it ends at <paramref name="clock"/>.</summary>
    private TimeSpan StartOf(PrimaryEvent e, TimeSpan clock) => e.Timing switch
    {
        // As the planner reads it: a fixed time before the day start is on the next calendar morning.
        TimingMode.Fixed when e.Start is { } at => at < _globals.DayStart ? at + TimeSpan.FromDays(1) : at,
        TimingMode.Manual => throw new ScheduleEditException($"event {e.Id} waits for a manual take, so the times after it are not known"),
        _ => clock,
    };

    /// <summary>How long <paramref name="e"/> runs, by the planner's rules (duration, else a clip's Out − In or file length).</summary>
    private TimeSpan LengthOf(PrimaryEvent e)
    {
        if (e.Duration is { } duration)
            return duration;
        var from = e.In ?? TimeSpan.Zero;
        if (e.Kind == PrimaryKind.Clip && !e.Loop && (e.Out ?? _globals.MediaLength(e.Source ?? "")) is { } to)
            return to - from;
        if (e.Kind == PrimaryKind.Block && !e.Loop)
            return e.Blocks.Aggregate(TimeSpan.Zero, (sum, child) => sum + LengthOf(child));
        throw new ScheduleEditException($"event {e.Id}: its length is not known; give it a duration"
            + (e.Kind == PrimaryKind.Clip && !_globals.KnowsMedia ? " (this run has no media library to ask)" : ""));
    }

    /// <summary><paramref name="e"/> cut <paramref name="at"/> into it: the head keeps its id and timing, the tail follows it as part <paramref name="part"/>.</summary>
    private static (PrimaryEvent Head, PrimaryEvent Tail) Split(PrimaryEvent e, string id, TimeSpan at, TimeSpan length, int part)
    {
        if (e.Kind == PrimaryKind.Block)
            throw new ScheduleEditException($"event {e.Id}: a break falls inside this block, and blocks are not split");
        var head = e with { Duration = at, Secondaries = Anchored(e, EventAnchor.Start) };
        var tail = e with
        {
            Id = $"{id}-{part}", Timing = TimingMode.Follow, Start = null, Duration = length - at,
            Secondaries = Anchored(e, EventAnchor.End),
        };
        if (e.Kind == PrimaryKind.Clip && !e.Loop)
        {
            // The clip goes on from the frame it stopped on.
            var cut = (e.In ?? TimeSpan.Zero) + at;
            head = head with { Out = cut };
            tail = tail with { In = cut };
        }
        return (head, tail);
    }

    private static List<SecondaryEvent>? Anchored(PrimaryEvent e, EventAnchor anchor) =>
        e.SecondaryEvents.Where(s => s.Anchor == anchor).ToList() is { Count: > 0 } list ? list : null;
}
