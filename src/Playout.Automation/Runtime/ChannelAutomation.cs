using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using Playout.Engine.Probes;
using Playout.Engine.Channels;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>
/// Runs a channel from its schedule. A pump (its own thread, or a test between ticks) lays the schedule out in
/// ticks (<see cref="RunningPlan"/>), cues each event a lookahead ahead and pre-rolls it a couple of seconds ahead
/// (<see cref="CueBook"/>), notes what went to air for the as-run log (<see cref="AsRunTracker"/>) and raises an alarm
/// when the schedule runs out (<see cref="ScheduleEndAlarm"/>); edits and
/// operator actions (<see cref="OperatorActions"/>) re-plan. After each step the pump publishes a snapshot that status
/// readers use without taking the lock. Producers and graphics are opened outside the lock; nothing here runs on the tick.
/// </summary>
public sealed class ChannelAutomation : IDisposable
{
    private readonly Channel _channel;
    private readonly SchedulePlanner _planner;
    private readonly IEventSources _sources;
    private readonly SecondaryDispatcher _secondaries;
    private readonly RunningPlan _plan;
    private readonly CueBook _cues;
    private readonly AsRunTracker _asRun;
    private readonly OperatorActions _actions;
    private readonly ScheduleEndAlarm _endAlarm;
    private readonly FillerAlarm _fillerAlarm;
    private readonly ChannelOverrides _overrides;
    private readonly ITimecodes _timecodes;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    /// <summary>One step at a time (the pump thread, the first step at start-up, a test's): a cue is opened by one step only.</summary>
    private readonly Lock _stepping = new();
    private readonly long _margin;
    private readonly string _missedAlarm;

    /// <summary>The tick of the first plan: fixed starts before it join in progress, later ones air on their frame or are missed.</summary>
    private long? _since;

    /// <summary>The tick of the last take an operator asked for (the debounce counts from it).</summary>
    private long? _lastTake;
    private AutomationSnapshot _snapshot = AutomationSnapshot.Empty;
    private Thread? _thread;
    private volatile bool _stopping;

    public ChannelAutomation(Channel channel, SchedulePlanner planner, IEventSources sources, ITimecodes timecodes,
        AsRunJournal? journal = null, IDeviceCommands? devices = null, IScte35Output? scte35 = null)
    {
        _channel = channel;
        _planner = planner;
        _sources = sources;
        _timecodes = timecodes;
        _log = channel.Context.Logger;
        var time = planner.Time;
        // Far enough ahead that a cut queued now reaches the tick thread before its tick, on a loaded machine too.
        _margin = Math.Max(2, time.Frames(TimeSpan.FromMilliseconds(120)));
        _secondaries = new SecondaryDispatcher(channel, planner.Settings, time, sources, devices, scte35);
        _plan = new RunningPlan(planner);
        _cues = new CueBook(channel, sources, _secondaries, planner.Settings, time, _margin);
        _asRun = new AsRunTracker(channel, time, timecodes, journal);
        _actions = new OperatorActions(_plan, _asRun, _cues);
        _endAlarm = new ScheduleEndAlarm(channel, time, planner.Settings);
        _missedAlarm = $"{channel.Name}/missed";
        _fillerAlarm = new FillerAlarm(channel, timecodes);
        _overrides = new ChannelOverrides(channel);
        _plan.Anchors = _asRun.History(time);
        Devices = devices;
    }

    public Channel Channel => _channel;
    public IDeviceCommands? Devices { get; }

    /// <summary>Where the sources of an edited schedule may come from; null: not checked.</summary>
    public SourceRules? Sources { get; init; }
    public SchedulePlanner Planner => _planner;
    public ITimecodes Timecodes => _timecodes;

    /// <summary>The schedule, with every accepted edit (read without the lock: an edit swaps it whole).</summary>
    public ChannelSchedule Schedule => _plan.Schedule;

    /// <summary>The plan as the pump last laid it out.</summary>
    public SchedulePlan Plan => Snapshot.Plan;

    /// <summary>As-run entries written since the service started.</summary>
    public IReadOnlyList<AsRunEntry> RecentAsRun => _asRun.Recent;

    private AutomationSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>
    /// Replaces the schedule with <paramref name="edited"/>, applied at the next pump. Refused (with the reason) when
    /// it would change, move or delete the event on air, unless <paramref name="force"/>.
    /// </summary>
    public EditResult Apply(Func<ChannelSchedule, ChannelSchedule> edit, bool force = false)
    {
        lock (_gate)
        {
            ChannelSchedule edited;
            try
            {
                edited = edit(_plan.Schedule);
            }
            catch (ScheduleEditException error)
            {
                return EditResult.Refused(error.Message);
            }
            var problems = ScheduleValidator.Validate(edited, Devices, Sources);
            if (problems.Count > 0)
                return EditResult.Refused(string.Join("; ", problems));
            if (!force && OnAirChange(edited) is { } reason)
                return EditResult.Refused($"{reason}; send it with force to apply anyway");
            _plan.Schedule = edited;
            _plan.Dirty = true;
            return EditResult.Done(edited.Version);
        }
    }

    /// <summary>Lays the plan out again at the next pump (the media catalogue learned clip lengths).</summary>
    public void Invalidate()
    {
        lock (_gate)
            _plan.Dirty = true;
    }

    /// <summary>The schedule laid out <paramref name="span"/> ahead of now, as it stands (for checks such as missing media); takes no lock.</summary>
    public SchedulePlan PlanAhead(TimeSpan span)
    {
        var snapshot = Snapshot;
        long now = _channel.Tick;
        return _planner.Plan(Schedule, FirstDay(snapshot.OnAir, now), snapshot.Anchors, now + _planner.Time.Frames(span));
    }

    /// <summary>
    /// Takes the next event to air now: a manual event waiting for its take, or the next event early (the one on air is
    /// cut). <paramref name="who"/> asked: it is noted on the as-run entries concerned, with the time.
    /// </summary>
    public EditResult Take(string who = DefaultOperator) => Take(who, debounced: true);

    /// <summary>
    /// Puts the next break (an event ahead with an SCTE-35 out cue, <see cref="Breaks"/>) on air now: a jump to it and a take,
    /// as a GPI from a studio starts one; refused when the plan ahead has no break.
    /// </summary>
    public EditResult StartBreak(string who = DefaultOperator)
    {
        if (Status().Clocks.NextBreak is not { } next)
            return EditResult.Refused("no break is planned ahead");
        var jumped = Next(next.Id, who);
        return jumped.Ok ? Take(who, debounced: false) : jumped;
    }

    /// <summary>A second take within this long of the last one is refused (a double press on the panel); zero: none is.</summary>
    public TimeSpan TakeDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <param name="key">The item to take (an insert going to air now); null: the next event.</param>
    private EditResult Take(string who, bool debounced, string? key = null)
    {
        lock (_gate)
        {
            long now = Fresh();
            if (debounced && _lastTake is long last && _planner.Time.InstantOf(now) - _planner.Time.InstantOf(last) is var since && since < TakeDebounce)
                return EditResult.Refused($"take ignored: the last cut was {(long)since.TotalMilliseconds} ms ago");
            var result = _actions.Take(now, now + _margin, who, _timecodes.OfDay(now), key);
            if (result.Ok)
            {
                _lastTake = now;
                // The take's cut ends a break-in: what was taken is what the operator wants to see.
                _overrides.CancelBreakIn(now + _margin);
            }
            return result;
        }
    }

    /// <summary>
    /// Makes event <paramref name="id"/> of the running order ahead the next one (a jump): the events before it are skipped
    /// ("jumped over"); refused when one of them has a fixed start or is already going to air.
    /// </summary>
    public EditResult Next(string id, string who = DefaultOperator) => Acting(now =>
    {
        var result = _actions.Next(now, id, who, _timecodes.OfDay(now));
        if (result.Ok)
            NoteAction(now, "next", $"jump to {id}", who);
        return result;
    });

    /// <summary>
    /// Inserts <paramref name="e"/> (a new id) after the event on air: it follows that event, or goes to air now (a take)
    /// when <paramref name="now"/> or when filler is on air (there is nothing to wait for). While a block's event is on air it
    /// is a break-in (<see cref="BreakIn"/>): the block runs on. Refused while nothing is on air, or when the edit is refused.
    /// </summary>
    public EditResult Insert(PrimaryEvent e, bool now, string who = DefaultOperator)
    {
        if (InBlock() is { } block)
            return BreakIn(e, now, block, who);
        bool take = false;
        DateOnly day = default;
        var result = Apply(schedule =>
        {
            (day, var after, bool filler) = InsertionPoint(schedule) ?? throw new ScheduleEditException("nothing is on air to insert after");
            take = now || filler;
            return ScheduleEdits.Insert(schedule, day, e with { Timing = take ? TimingMode.Manual : TimingMode.Follow, Start = null }, after);
        });
        if (!result.Ok)
            return result;
        if (take)
        {
            var taken = Take(who, debounced: false, $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{e.Id}");
            if (!taken.Ok)
            {
                Apply(schedule => ScheduleEdits.Delete(schedule, day, e.Id));
                return EditResult.Refused($"{taken.Reason}: the event on air fills the rest of its day, leaving no time after it to take the insert from, so it was taken back");
            }
            result = taken;
        }
        Acting(tick =>
        {
            NoteAction(tick, "insert", $"insert {e.Source} as {e.Id} ({(take ? "now" : "next")})", who);
            return result;
        });
        return result;
    }

    /// <summary>The block whose event is on air, or null.</summary>
    private string? InBlock()
    {
        lock (_gate)
        {
            Fresh();
            return BlockOnAir();
        }
    }

    private string? BlockOnAir() =>
        _asRun.OnAir?.Item is { IsFiller: false } onAir && TopLevelId(onAir.Key) is var top && top != onAir.Event.Id ? top : null;

    /// <summary>
    /// An insert while block <paramref name="block"/> is on air, which a schedule edit cannot place (edits go between a day's
    /// events, so it would wait for the whole block: a day-long loop's end): <paramref name="e"/> is shown alone for its length,
    /// from the next tick a cut can reach (<paramref name="now"/>) or as the block's event on air ends, while the block runs on
    /// underneath, unseen and unheard, to show again in progress as under an emergency. A take ends it early. Refused while an
    /// emergency or another break-in is in force, for an insert of unknown length, and for next when the event on air has no
    /// planned end.
    /// </summary>
    private EditResult BreakIn(PrimaryEvent e, bool now, string block, string who)
    {
        var (frames, problem) = _planner.LengthOf(e);
        if (frames is not > 0)
            return EditResult.Refused(problem ?? $"an insert while block {block} is on air needs a duration (it covers the block for that long)");
        // Opened before the lock, as cues are: a file's open never holds up the pump.
        var producer = _sources.Primary(e, TimeSpan.Zero);
        var result = Acting(tick =>
        {
            _overrides.Expire(tick);
            if (BlockOnAir() != block)
                return EditResult.Refused($"block {block} went off air meanwhile: insert again");
            if (_overrides.Emergency is not null)
                return EditResult.Refused("an emergency is in force: clear it before inserting");
            if (_overrides.BreakIn is { } running)
                return EditResult.Refused($"insert {running.Item.Event.Id} is in force until {_timecodes.OfDay(running.End)}: take to end it first");
            long start = tick + _margin;
            string? onAirKey = _asRun.OnAir?.Item.Key;
            if (!now)
            {
                if (_plan.Plan.Items.FirstOrDefault(i => i.Key == onAirKey) is not { End: long end })
                    return EditResult.Refused("the event on air has no planned end (it is held): insert it now instead");
                start = Math.Max(start, end);
            }
            // A fixed start airs on its frame: it ends the insert there, as it would cut any event.
            var cutBy = _plan.Ahead(tick, onAirKey).FirstOrDefault(i => i.Fixed && i.Start > start && i.Start < start + frames.Value);
            long length = (cutBy?.Start ?? start + frames.Value) - start;
            var day = _planner.Time.BroadcastDayOf(start, _planner.Settings.DayStart);
            var item = new PlannedItem($"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{e.Id}", day, e, start, start + length, length, false);
            _overrides.StartBreakIn(new BreakIn(item, start, start + length, block, who), producer);
            string what = $"insert {e.Source} as {e.Id} over block {block} from {_timecodes.OfDay(start)} for {_timecodes.Duration(length)}"
                + (cutBy is null ? "" : $" (cut by fixed event {cutBy.Event.Id})");
            NoteAction(tick, "insert", what, who, start, length);
            return EditResult.Done(_plan.Schedule.Version);
        });
        if (!result.Ok)
            producer.Dispose();
        return result;
    }

    /// <summary>
    /// Cuts the programme at the next tick to <paramref name="producer"/> on the emergency layer (the filler, a slate), or
    /// (null) to layer <paramref name="layer"/> as it is (a live input's); the automation runs on unseen. A second emergency
    /// replaces the first.
    /// </summary>
    public EditResult Emergency(string to, string? input, int layer, Producer? producer, string who = DefaultOperator) => Acting(now =>
    {
        _fallback?.Withdraw();
        _overrides.Cut(new EmergencyStatus(to, input, _timecodes.OfDay(now), who), producer is null ? layer : ChannelOverrides.EmergencyLayer, producer);
        NoteAction(now, "emergency", input is null ? $"emergency: cut to {to}" : $"emergency: cut to input {input}", who);
        return EditResult.Done(_plan.Schedule.Version);
    });

    /// <summary>Ends the emergency at the next tick: the automation's programme shows again, the event whose time it is in progress.</summary>
    public EditResult ClearEmergency(string who = DefaultOperator) => Acting(now =>
    {
        if (_overrides.Emergency is null)
            return EditResult.Refused("no emergency is in force");
        _fallback?.Withdraw();
        _overrides.Clear();
        NoteAction(now, "emergency", "emergency cleared", who);
        return EditResult.Done(_plan.Schedule.Version);
    });

    /// <summary>Shows or hides the channel's graphics <paramref name="layers"/> (the automation's graphics layer and the configured ones) from the next tick.</summary>
    public EditResult Graphics(bool on, IReadOnlyList<int> layers, string who = DefaultOperator) => Acting(now =>
    {
        if (_overrides.GraphicsUnchanged(on) is { } reason)
            return EditResult.Refused(reason);
        _overrides.Graphics([_planner.Settings.GraphicsLayer, .. layers], on);
        NoteAction(now, "graphics", $"graphics {(on ? "on" : "off")}", who);
        return EditResult.Done(_plan.Schedule.Version);
    });

    /// <summary>Runs an action under the lock on a plan brought up to date, then writes the as-run notes it made.</summary>
    private EditResult Acting(Func<long, EditResult> act)
    {
        EditResult result;
        Action[] notes;
        lock (_gate)
        {
            result = act(Fresh());
            notes = _asRun.TakeNotes();
        }
        foreach (var write in notes)
            write();
        return result;
    }

    /// <summary>An operator's action in the as-run log: a note of its own at once, and on the entry of the item on air.</summary>
    /// <param name="at">The tick what the action put on air starts (a break-in), with its length in <paramref name="frames"/>; else now.</param>
    private void NoteAction(long now, string action, string what, string who, long? at = null, long frames = 0)
    {
        string done = $"{what} by {who} at {_timecodes.OfDay(now)}";
        if (_asRun.OnAir is { } onAir)
            _asRun.Note(onAir.Item.Key, done);
        _asRun.WriteNote(_planner.Time.BroadcastDayOf(now, _planner.Settings.DayStart), $"{action} {now}", action, what, "operator",
            AsRunStatus.Operator, done, at ?? now, frames);
    }

    /// <summary>
    /// Where an insert goes, in <paramref name="schedule"/>: after the event on air (a block's child: after the block), or
    /// — filler on air — before the event the filler stands before (after the day's last event at the end); null with nothing on air.
    /// </summary>
    private (DateOnly Day, string? After, bool Filler)? InsertionPoint(ChannelSchedule schedule)
    {
        if (_asRun.OnAir?.Item is not { } onAir)
            return null;
        if (!onAir.IsFiller)
            return (onAir.Day, TopLevelId(onAir.Key), false);
        string before = onAir.Key[..^"@filler".Length];
        var events = schedule.DayOrTemplate(onAir.Day)?.Events ?? [];
        if (before == "end")
            return (onAir.Day, events.Count > 0 ? events[^1].Id : null, true);
        var day = DateOnly.ParseExact(before[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dayEvents = schedule.DayOrTemplate(day)?.Events ?? [];
        int index = dayEvents.ToList().FindIndex(x => x.Id == TopLevelId(before));
        return (day, index > 0 ? dayEvents[index - 1].Id : null, true);
    }

    /// <summary>The id of the day's event an item key names ("date/id", "date/block/child#pass" → the block).</summary>
    private static string TopLevelId(string key)
    {
        string rest = key[11..];
        int end = rest.IndexOfAny(['/', '#']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>Holds the event on air past its planned end; the events after it wait for a take (fixed starts still cut it).</summary>
    public EditResult Hold(string who = DefaultOperator)
    {
        lock (_gate)
        {
            long now = Fresh();
            return _actions.Hold(now, who, _timecodes.OfDay(now));
        }
    }

    /// <summary>Releases a hold: the event on air ends at its planned end if that is still ahead, else the next event follows now.</summary>
    public EditResult Release(string who = DefaultOperator)
    {
        lock (_gate)
        {
            long now = Fresh();
            return _actions.Release(now, now + _margin, who, _timecodes.OfDay(now));
        }
    }

    /// <summary>Drops the next event from the running order; the one after it follows the event on air.</summary>
    public EditResult Skip(string who = DefaultOperator)
    {
        lock (_gate)
        {
            long now = Fresh();
            return _actions.Skip(now, who, _timecodes.OfDay(now));
        }
    }

    /// <summary>Who an action is noted as when the caller names nobody.</summary>
    public const string DefaultOperator = "an operator";

    /// <summary>An alarm of this channel changed: the as-run log notes it at the time it happened ("alarm ID" entries, docs/MONITORING.md).</summary>
    public void Note(AlarmEvent change)
    {
        var alarm = change.Alarm;
        var (at, what) = change.Kind switch
        {
            AlarmEventKind.Raised => (alarm.RaisedAt, $"raised, {alarm.Severity.ToString().ToLowerInvariant()}: {alarm.Message}"),
            AlarmEventKind.Cleared => (alarm.ClearedAt ?? alarm.RaisedAt, $"cleared: {alarm.Message}"),
            _ => (alarm.Ack!.At, $"acknowledged by {alarm.Ack.Who}{(alarm.Ack.Comment is { } comment ? $": {comment}" : "")}"),
        };
        long tick = _planner.Time.TickAt(at);
        Noting(() => _asRun.WriteNote(_planner.Time.BroadcastDayOf(tick, _planner.Settings.DayStart), $"alarm {alarm.Id}", alarm.Id.ToString(CultureInfo.InvariantCulture),
                alarm.Source, "alarm", AsRunStatus.Alarm, what, tick, 0));
    }

    /// <summary>
    /// A command from outside the running order took effect at <paramref name="tick"/> (an AMCP client's PLAY on a layer
    /// of its own): an operator note as the operators' actions get (event id <paramref name="source"/>, "what by who at
    /// TIMECODE"), at that tick, without touching the item on air's entry (docs/AMCP.md).
    /// </summary>
    public void NoteOperator(long tick, string source, string who, string what) =>
        Noting(() => _asRun.WriteNote(_planner.Time.BroadcastDayOf(tick, _planner.Settings.DayStart), $"{source} {who} {tick}", source,
            what, "operator", AsRunStatus.Operator, $"{what} by {who} at {_timecodes.OfDay(tick)}", tick, 0));

    /// <summary>
    /// Measures each item's loudness on the channel's <paramref name="probe"/>: items are marked on it as they go to air, and
    /// their figures come back as loudness notes in the as-run log. Dispose the result to stop.
    /// </summary>
    public IDisposable Measure(LoudnessProbe probe)
    {
        lock (_gate)
        {
            _asRun.Started = probe.MarkItem;
            if (_asRun.OnAir is { } onAir)
                probe.MarkItem(onAir.Tick, onAir.Item.Key);
        }
        return probe.Subscribe(measured => Noting(() => _asRun.Measured(measured)));
    }

    /// <summary>A programme probe's episode opened or closed: the as-run log notes it in each item it touched (docs/MONITORING.md).</summary>
    public void Note(ProbeEvent episode)
    {
        Noting(() => _asRun.Probe(episode));
        if (_fallback is not null && SilenceFallback.Wants(episode))
            FailOver(_fallback);
    }

    /// <summary>
    /// The silence failover's fallback (a playlist of a folder's files, looping), opened when the programme has been silent
    /// for the silence probe's time; null: none (<see cref="SilenceFallback"/>).
    /// </summary>
    public Func<Producer>? Fallback
    {
        init
        {
            _fallback = value is null ? null : new SilenceFallback(_channel, value);
            _cues.OnTake = _fallback is null ? null : _fallback.UncoverOnTake;
        }
    }

    private readonly SilenceFallback? _fallback;

    /// <summary>The longest hold an operator may put on the silence failover.</summary>
    public static readonly TimeSpan LongestFallbackHold = TimeSpan.FromHours(3);

    /// <summary>
    /// Holds the silence failover for <paramref name="duration"/> (intended silence: a minute's silence, a pause in a live
    /// programme): silence stays on air, under the warning <c>CHANNEL/fallback hold</c>, until the hold's end or
    /// <see cref="ReleaseFallback"/>. A hold again replaces the first.
    /// </summary>
    public EditResult HoldFallback(TimeSpan duration, string who = DefaultOperator) => Acting(now =>
    {
        if (_fallback is null)
            return EditResult.Refused("this channel has no silence failover (automation.fallback)");
        if (duration <= TimeSpan.Zero || duration > LongestFallbackHold)
            return EditResult.Refused($"a hold lasts more than 0 and at most {LongestFallbackHold.TotalMinutes} minutes; asked {duration.TotalMinutes:0.##}");
        long until = now + _channel.Context.Format.FrameIndexAt(duration);
        _fallback.Hold(until, who, _timecodes.OfDay(until));
        NoteAction(now, "fallback", $"silence failover held until {_timecodes.OfDay(until)}", who);
        return EditResult.Done(_plan.Schedule.Version);
    });

    /// <summary>Ends an operator's hold on the silence failover: silence from now on brings the fallback again.</summary>
    public EditResult ReleaseFallback(string who = DefaultOperator) => Acting(now =>
    {
        if (_fallback?.Release(now) != true)
            return EditResult.Refused("the silence failover is not held");
        NoteAction(now, "fallback", "silence failover hold released", who);
        return EditResult.Done(_plan.Schedule.Version);
    });

    /// <summary>Until which tick an operator holds the silence failover, or null.</summary>
    public long? FallbackHeldUntil => _fallback?.HeldUntil;

    /// <summary>Covers the silent programme with the fallback, unless an emergency is in force already or an operator holds it.</summary>
    private void FailOver(SilenceFallback fallback)
    {
        if (fallback.IsHeld(_channel.Tick))
        {
            Noting(() => NoteAction(_channel.Tick, "fallback", "silence on air: the failover is held", SilenceFallback.Who));
            return;
        }
        Producer producer;
        try
        {
            producer = fallback.Open();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            fallback.Failed(error.Message);
            return;
        }
        var result = Acting(now =>
        {
            if (_overrides.Emergency is not null)
                return EditResult.Refused("an emergency is in force");
            var onAir = _asRun.OnAir?.Item is { } item ? (item.Key, item.Event.DisplayName) : ((string, string)?)null;
            fallback.CutTo(_overrides, new EmergencyStatus(SilenceFallback.To, null, _timecodes.OfDay(now), SilenceFallback.Who), producer, onAir);
            NoteAction(now, "emergency", "silence: cut to the fallback", SilenceFallback.Who);
            return EditResult.Done(_plan.Schedule.Version);
        });
        if (!result.Ok)
            producer.Dispose();
    }

    /// <summary>Makes notes under the lock, then writes them (and any the cuts made meanwhile) outside it.</summary>
    private void Noting(Action note)
    {
        Action[] notes;
        lock (_gate)
        {
            note();
            notes = _asRun.TakeNotes();
        }
        foreach (var write in notes)
            write();
    }

    public AutomationStatus Status()
    {
        var snapshot = Snapshot;
        var status = AutomationStatus.Of(_channel, snapshot, _timecodes, _overrides.Emergency, _overrides.GraphicsOn, _overrides.BreakIn);
        long now = status.Tick;
        return status with
        {
            FallbackHeldUntil = _fallback?.HeldUntil is long until && now < until ? _timecodes.OfDay(until) : null,
            // The intro counts down from the tick the item aired; the next item's is its length.
            OnAir = status.OnAir is { } onAir && snapshot.OnAirTick is long aired && IntroFrames(snapshot.OnAir!) is long intro && aired + intro > now
                ? onAir with { Intro = _timecodes.Duration(aired + intro - now) } : status.OnAir,
            Next = status.Next is { } next && IntroFrames(snapshot.Next!) is long length ? next with { Intro = _timecodes.Duration(length) } : status.Next,
        };
    }

    /// <summary>
    /// Frames from an item's first frame to its file's intro marker; null without one (or one before where the item starts).
    /// Looked up in the catalogue once an item (a plan's items are new records when it is laid out again, as a marker set
    /// over the API makes it): a status is read many times a second, and the catalogue is a database.
    /// </summary>
    private long? IntroFrames(PlannedItem item) => _intros.GetValue(item, i => new StrongBox<long?>(LookUpIntro(i))).Value;

    private readonly ConditionalWeakTable<PlannedItem, StrongBox<long?>> _intros = [];

    private long? LookUpIntro(PlannedItem item)
    {
        if (item.IsFiller || _planner.MediaOf(item.Event) is not { Markers.Intro: { } intro })
            return null;
        var from = item.SourceOffset; // where in the file the item starts: its in point, else the cue-in
        return intro > from ? _planner.Time.Frames(intro - from) : null;
    }

    /// <summary>The break on air now (an event with an SCTE-35 out cue, <see cref="Breaks"/>) as "break ID 'TITLE'", or null; reads the snapshot, never the lock.</summary>
    public string? BreakOnAir() =>
        Snapshot.OnAir is { IsFiller: false } item && Breaks.IsBreak(item.Event) ? $"break {item.Event.Id} '{item.Event.DisplayName}'" : null;

    /// <summary>The next event when its producer is pre-rolled (a take or its start cuts to it at once); else null.</summary>
    public PlannedItem? CuedNext() =>
        Snapshot is { Next: { } next } snapshot && snapshot.Cues.TryGetValue(next.Key, out var cue) && cue.PreRolled ? next : null;

    /// <summary>
    /// The rundown <paramref name="span"/> ahead of now: <paramref name="asRun"/>'s items (today's as-run entries) first, then
    /// the item on air and the plan ahead with each item's state; <paramref name="missing"/> says whether an event's media is
    /// not there (null: never). Reads the snapshot, never the lock.
    /// </summary>
    public Rundown Rundown(TimeSpan span, IEnumerable<AsRunEntry> asRun, Func<PrimaryEvent, bool>? missing = null)
    {
        var snapshot = Snapshot;
        long now = _channel.Tick;
        var plan = _planner.Plan(Schedule, FirstDay(snapshot.OnAir, now), snapshot.Anchors, now + _planner.Time.Frames(span));
        return Runtime.Rundown.Of(this, snapshot, plan, now, now + _planner.Time.Frames(span), asRun, missing ?? (_ => false));
    }

    /// <summary>Runs the pump on a thread of its own, every few milliseconds.</summary>
    public void Start()
    {
        _thread = new Thread(() =>
        {
            while (!_stopping)
            {
                try
                {
                    Pump();
                }
                catch (Exception error)
                {
                    _log.LogError(error, "{Channel}: automation pump failed", _channel.Name);
                }
                Thread.Sleep(10);
            }
        }) { Name = $"{_channel.Name} automation", IsBackground = true };
        _thread.Start();
    }

    /// <summary>
    /// One step: notes the cuts that went to air, re-plans after a change, cues what falls in the lookahead and pre-rolls
    /// what falls in the pre-roll window (opening producers outside the lock), then publishes the status snapshot.
    /// </summary>
    public void Pump()
    {
        lock (_stepping)
            Step();
    }

    private void Step()
    {
        IReadOnlyList<CueOpening> openings;
        Action[] notes;
        long now;
        lock (_gate)
        {
            now = _channel.Tick;
            Collect();
            if (_fallback?.Release(now, expiredOnly: true) == true)
                NoteAction(now, "fallback", "silence failover hold ended", SilenceFallback.Who);
            if (_fallback?.Ends(_overrides.Emergency, _asRun.OnAir?.Item.Key) == true)
            {
                _overrides.Clear();
                NoteAction(now, "emergency", $"fallback ended: {_asRun.OnAir?.Item.Event.DisplayName ?? "the next item"} went to air", SilenceFallback.Who);
            }
            _cues.RequeueRefused();
            if (_plan.Due(now, _cues.Lookahead))
                Replan(now);
            _asRun.Watch();
            // An item with its final as-run entry never goes to air (again), whatever a later plan says.
            openings = _cues.Review(_plan.Ahead(now, _asRun.OnAir?.Item.Key).Where(i => !_asRun.IsFinal(i.Key)), _asRun.OnAir?.Item.Key, now);
            notes = _asRun.TakeNotes();
        }
        foreach (var write in notes)
            write();
        foreach (var opening in openings)
            opening.Open(_sources, _secondaries);
        lock (_gate)
        {
            // An edit or an operator's action meanwhile: the cuts wait for the next step's plan.
            _cues.Install(openings, now, settled: !_plan.Dirty);
            // After an edit meanwhile the plan is not the schedule's yet: the next step reviews both.
            if (!_plan.Dirty)
                _endAlarm.Review(_plan.Plan, _plan.Horizon, _plan.Schedule, _asRun.OnAir?.Item, now);
            Publish(now);
            if (!_plan.Dirty)
                _fillerAlarm.Review(_asRun.OnAir?.Item, Snapshot.Next);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread?.Join();
        lock (_gate)
        {
            _cues.Clear();
            if (_asRun.OnAir is { } onAir)
            {
                onAir.Cue.WithdrawSecondaries();
                onAir.Cue.Close(_channel.Context.Background);
            }
            _asRun.Stop();
            foreach (var write in _asRun.TakeNotes())
                write();
            _endAlarm.Clear();
            _fillerAlarm.Clear();
            if (_channel.Context.Alarms.IsActive(_missedAlarm))
                _channel.Context.Alarms.Clear(_missedAlarm);
        }
    }

    private void Publish(long now)
    {
        string? onAir = _asRun.OnAir?.Item.Key;
        var snapshot = new AutomationSnapshot(_plan.Schedule.Version, _plan.Plan, _plan.FirstAhead(now, onAir), _plan.Anchors,
            _asRun.OnAir?.Item, _asRun.OnAir?.Tick, _actions.Mode(now), _plan.Next(now, onAir), _cues.Views(_asRun.OnAir?.Cue),
            _endAlarm.End is long end && end != long.MinValue ? end : null);
        Volatile.Write(ref _snapshot, snapshot);
        // Now and next for programme guides, replaced only when it changes (an output sends a new EIT version then); made
        // only then too, as this runs every step.
        if (!ReferenceEquals(snapshot.OnAir, _guideOf.OnAir) || snapshot.OnAirTick != _guideOf.OnAirTick || !ReferenceEquals(snapshot.Next, _guideOf.Next))
        {
            _guideOf = (snapshot.OnAir, snapshot.OnAirTick, snapshot.Next);
            var guide = new ProgrammeGuide(GuideEvent(snapshot.OnAir, snapshot.OnAirTick), GuideEvent(snapshot.Next, null));
            if (guide != _channel.Context.Guide)
                _channel.Context.Guide = guide;
        }
    }

    /// <summary>The items the channel's guide was last made from (under the lock, as <see cref="Publish"/> runs).</summary>
    private (PlannedItem? OnAir, long? OnAirTick, PlannedItem? Next) _guideOf;

    private static GuideEvent? GuideEvent(PlannedItem? item, long? since) =>
        item is not null && (since ?? item.Start) is long start ? new GuideEvent(item.Event.DisplayName, start, item.End) : null;

    /// <summary>Brings the plan up to date (cuts that went to air noted, laid out again if anything changed); returns the tick it is as of.</summary>
    private long Fresh()
    {
        long now = _channel.Tick;
        Collect();
        if (_plan.Dirty)
            Replan(now);
        return now;
    }

    /// <summary>Notes the cuts that went to air; a fixed start on its frame again ends the alarm of one missed.</summary>
    private void Collect()
    {
        _asRun.Collect(_cues.TakeAired(), _plan);
        if (_asRun.OnAir is { Item.Fixed: true } && _channel.Context.Alarms.IsActive(_missedAlarm))
            _channel.Context.Alarms.Clear(_missedAlarm);
    }

    /// <summary>
    /// Plans start at the day of the item on air when it began the day before, else at the broadcast day of now (filler on
    /// air may carry a later day's date: the end filler of a plan whose last event was tomorrow's).
    /// </summary>
    private DateOnly FirstDay(PlannedItem? onAir, long now)
    {
        var today = _planner.Time.BroadcastDayOf(now, _planner.Settings.DayStart);
        return onAir?.Day is { } day && day < today ? day : today;
    }

    private void Replan(long now)
    {
        var firstDay = FirstDay(_asRun.OnAir?.Item, now);
        _plan.Forget(firstDay.AddDays(-1));
        _asRun.Forget(firstDay.AddDays(-1));
        _plan.Replan(now, firstDay);
        _since ??= now;
        if (_plan.Missed(now, _since.Value) is { Count: > 0 } missed)
        {
            // A fixed start never fires late: one that had passed when it became known is logged and left out.
            foreach (var item in missed)
            {
                string reason = $"missed: its fixed start {_timecodes.OfDay(item.Start!.Value)} had passed when it was scheduled";
                _plan.Drop(item.Key, reason);
                _asRun.Skipped(item, reason);
                _channel.Context.Alarms.Raise(_missedAlarm, AlarmSeverity.Warning, $"fixed event {item.Event.Id} ({item.Event.DisplayName}) {reason}");
            }
            _plan.Replan(now, firstDay);
        }
        foreach (var passed in _plan.Passed(now).ToList())
        {
            _asRun.Skipped(passed, $"its time ({_timecodes.OfDay(passed.Start!.Value)} to {_timecodes.OfDay(passed.End!.Value)}) passed before it could go to air");
            _plan.Pin(passed);
        }
        if (_asRun.OnAir is { } onAir && _plan.Plan.Items.FirstOrDefault(i => i.Key == onAir.Item.Key) is { } current)
        {
            if (current.End != onAir.Item.End)
            {
                // Held, taken early, cut by an edit: what hangs on its end moves with it (or waits while the end is open).
                onAir.Cue.Item = current;
                _cues.Retime(onAir.Cue, now);
            }
            _asRun.OnAir = onAir with { Item = current };
        }
    }

    /// <summary>Why <paramref name="edited"/> would change the event on air, or null when it leaves it alone.</summary>
    private string? OnAirChange(ChannelSchedule edited)
    {
        if (_asRun.OnAir is not { } onAir || onAir.Item.IsFiller)
            return null;
        long tick = _channel.Tick;
        var now = _plan.PlanOf(edited, onAir.Item.Day, tick, _since ?? tick).Items.FirstOrDefault(i => i.Key == onAir.Item.Key);
        string what = $"event {onAir.Item.Event.Id} ({onAir.Item.Event.DisplayName}) is on air since {_timecodes.OfDay(onAir.Tick)}";
        if (now is null)
            return $"{what}: the edit removes it";
        if (!EventEquality.Same(now.Event, onAir.Item.Event))
            return $"{what}: the edit changes it";
        if (now.End != onAir.Item.End)
            return $"{what}: the edit moves its end from {Tc(onAir.Item.End)} to {Tc(now.End)}";
        return null;
    }

    private string Tc(long? tick) => tick is long t ? _timecodes.OfDay(t) : "open";
}
