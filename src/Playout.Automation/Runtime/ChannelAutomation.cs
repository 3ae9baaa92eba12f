using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.Engine.Channels;
using Playout.Engine.Commands;

namespace Playout.Automation.Runtime;

/// <summary>
/// Runs a channel from its schedule. A pump (its own thread, or a test between ticks) lays the schedule out in
/// ticks, pre-rolls each event a lookahead ahead (opens its producer, which starts decoding) and queues its cut
/// to air for its exact start tick, with its secondary events on theirs; the tick thread applies them on the
/// frame. Edits and operator actions re-plan; cues that no longer match are re-timed or withdrawn before they
/// apply. When a cut applies, the item before it is written to the as-run log. Nothing here runs on the tick.
/// </summary>
public sealed class ChannelAutomation : IDisposable
{
    private readonly Channel _channel;
    private readonly SchedulePlanner _planner;
    private readonly IEventSources _sources;
    private readonly SecondaryDispatcher _secondaries;
    private readonly AsRunRecorder _asRun;
    private readonly ITimecodes _timecodes;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Cue> _cues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loggedSkips = new(StringComparer.Ordinal);
    private readonly long _margin;
    private readonly long _joinDelay;
    private readonly long _secondaryLead;
    private readonly long _lookahead;
    private readonly long _planSpan;
    /// <summary>How far ahead the running plan is laid out (and status looks for the next fixed start).</summary>
    public static readonly TimeSpan PlanSpan = TimeSpan.FromHours(6);

    private ChannelSchedule _schedule = ChannelSchedule.Empty;
    private PlanAnchors _anchors = PlanAnchors.None;
    private SchedulePlan _plan = new([], []);
    private long _planUntil = long.MinValue;

    /// <summary>Plan items before this index have ended: scans start here (a long plan is not walked from its start 100 times a second).</summary>
    private int _pastItems;
    private bool _dirty = true;
    private OnAirItem? _onAir;
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
        _secondaries = new SecondaryDispatcher(channel, planner.Settings, time, sources, devices, scte35);
        _asRun = new AsRunRecorder(channel.Name, time, timecodes, journal);
        // After a restart, skips the journal already holds are not logged again.
        foreach (var entry in RecentJournal(journal))
        {
            if (entry.Status == AsRunStatus.Skipped)
                _loggedSkips.Add(entry.Key);
        }
        // Far enough ahead that a cut queued now reaches the tick thread before its tick, on a loaded machine too.
        _margin = Math.Max(2, time.Frames(TimeSpan.FromMilliseconds(120)));
        _lookahead = time.Frames(planner.Settings.CueAhead);
        _joinDelay = time.Frames(TimeSpan.FromSeconds(1));
        _secondaryLead = time.Frames(TimeSpan.FromMinutes(1));
        _planSpan = time.Frames(PlanSpan);
        Devices = devices;
    }

    public Channel Channel => _channel;
    public IDeviceCommands? Devices { get; }

    /// <summary>Where the sources of an edited schedule may come from; null: not checked.</summary>
    public SourceRules? Sources { get; init; }
    public SchedulePlanner Planner => _planner;
    public ITimecodes Timecodes => _timecodes;

    public ChannelSchedule Schedule
    {
        get
        {
            lock (_gate)
                return _schedule;
        }
    }

    /// <summary>The current plan (re-planned on each change).</summary>
    public SchedulePlan Plan
    {
        get
        {
            lock (_gate)
                return Fresh();
        }
    }

    /// <summary>As-run entries written since the service started.</summary>
    public IReadOnlyList<AsRunEntry> RecentAsRun
    {
        get
        {
            lock (_asRun.Recent)
                return [.. _asRun.Recent];
        }
    }

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
                edited = edit(_schedule);
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
            _schedule = edited;
            _dirty = true;
            return EditResult.Done(edited.Version);
        }
    }

    /// <summary>Lays the plan out again at the next pump (the media catalogue learned clip lengths).</summary>
    public void Invalidate()
    {
        lock (_gate)
            _dirty = true;
    }

    /// <summary>The schedule laid out <paramref name="span"/> ahead of now, as it stands (for checks such as missing media).</summary>
    public SchedulePlan PlanAhead(TimeSpan span)
    {
        lock (_gate)
        {
            long now = _channel.Tick;
            return _planner.Plan(_schedule, FirstDay(now), _anchors, now + _planner.Time.Frames(span));
        }
    }

    /// <summary>Takes the next event to air now: a manual event waiting for its take, or the next event early (the one on air is cut).</summary>
    public EditResult Take()
    {
        lock (_gate)
        {
            Fresh();
            if (NextItem() is not { } next)
                return EditResult.Refused("there is no next event to take");
            _anchors = _anchors with { Starts = _anchors.Starts.SetItem(next.Key, _channel.Tick + _margin) };
            _dirty = true;
            return EditResult.Done(_schedule.Version);
        }
    }

    /// <summary>Holds the event on air past its planned end; the events after it wait for a take (fixed starts still cut it).</summary>
    public EditResult Hold()
    {
        lock (_gate)
        {
            if (_onAir is null)
                return EditResult.Refused("nothing is on air to hold");
            _anchors = _anchors with { Held = _onAir.Item.Key };
            _dirty = true;
            return EditResult.Done(_schedule.Version);
        }
    }

    /// <summary>Drops the next event from the running order; the one after it follows the event on air.</summary>
    public EditResult Skip()
    {
        lock (_gate)
        {
            Fresh();
            if (NextItem() is not { } next)
                return EditResult.Refused("there is no next event to skip");
            if (_cues.TryGetValue(next.Key, out var cue) && cue.Take is { } take && !take.Withdraw())
                return EditResult.Refused($"{next.Event.Id} is already going to air");
            _anchors = _anchors with { Skipped = _anchors.Skipped.Add(next.Key) };
            _dirty = true;
            return EditResult.Done(_schedule.Version);
        }
    }

    /// <summary>What is on air, what comes next, and the next fixed start.</summary>
    public AutomationStatus Status()
    {
        lock (_gate)
        {
            Fresh();
            return AutomationStatus.Of(_channel, Ahead(), _onAir?.Item, _onAir?.Tick, _anchors.Held is { } held && held == _onAir?.Item.Key,
                NextItem(), _schedule.Version, _timecodes);
        }
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

    /// <summary>One step: notes the cuts that went to air, re-plans after a change, pre-rolls and queues what falls in the lookahead.</summary>
    public void Pump()
    {
        lock (_gate)
        {
            long now = _channel.Tick;
            CollectAired();
            RequeueRefused();
            if (_dirty || now + _lookahead >= _planUntil)
                Replan(now);
            WatchOnAir();
            CueAhead(now);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread?.Join();
        lock (_gate)
        {
            foreach (var cue in _cues.Values)
                Withdraw(cue);
            _cues.Clear();
            // The item on air when the service stops gets its entry too.
            if (_onAir is { } last)
                Record(() => _asRun.Aired(last, _channel.Tick, "the service stopped"));
            _onAir = null;
        }
    }

    private IEnumerable<AsRunEntry> RecentJournal(AsRunJournal? journal)
    {
        if (journal is null)
            return [];
        try
        {
            return [.. journal.Days().TakeLast(2).SelectMany(journal.Read)];
        }
        catch (InvalidDataException error)
        {
            _log.LogError("{Channel}: {Error}", _channel.Name, error.Message);
            return [];
        }
    }

    /// <summary>The plan from the first item that has not ended yet.</summary>
    private IEnumerable<PlannedItem> Ahead()
    {
        long now = _channel.Tick;
        var items = _plan.Items;
        while (_pastItems < items.Count && items[_pastItems].Key != _onAir?.Item.Key
            && (items[_pastItems].End <= now || items[_pastItems].Start is null && StartedAfter(_pastItems, now)))
            _pastItems++;
        return items.Skip(_pastItems);
    }

    /// <summary>Whether the first timed item after <paramref name="index"/> has started: an untimed item before it was passed by.</summary>
    private bool StartedAfter(int index, long now)
    {
        for (int i = index + 1; i < _plan.Items.Count; i++)
        {
            if (_plan.Items[i].Start is long start)
                return start <= now;
        }
        return false;
    }

    /// <summary>The first event after the one on air: a timed one, or one waiting for a take.</summary>
    private PlannedItem? NextItem()
    {
        var ahead = Ahead();
        if (_onAir is { } onAir && ahead.Any(i => i.Key == onAir.Item.Key))
            ahead = ahead.SkipWhile(i => i.Key != onAir.Item.Key).Skip(1);
        return ahead.FirstOrDefault(i => !i.IsFiller);
    }

    /// <summary>The plan as of now: cuts that went to air since the last pump noted, laid out again if anything changed.</summary>
    private SchedulePlan Fresh()
    {
        CollectAired();
        if (_dirty)
            Replan(_channel.Tick);
        return _plan;
    }

    /// <summary>Plans start at the day of the item on air (it may have begun the day before), else the broadcast day of now.</summary>
    private DateOnly FirstDay(long now) => _onAir?.Item.Day ?? _planner.Time.BroadcastDayOf(now, _planner.Settings.DayStart);

    private void Replan(long now)
    {
        Forget(FirstDay(now).AddDays(-1));
        _plan = _planner.Plan(_schedule, FirstDay(now), _anchors, now + _planSpan);
        _planUntil = now + _planSpan;
        _pastItems = 0;
        _dirty = false;
        if (_onAir is { } onAir && _plan.Items.FirstOrDefault(i => i.Key == onAir.Item.Key) is { } current)
        {
            if (current.End != onAir.Item.End)
            {
                // Held, taken early, cut by an edit: what hangs on its end moves with it (or waits while the end is open).
                onAir.Cue.Item = current;
                onAir.Cue.WithdrawSecondaries();
                _secondaries.Queue(onAir.Cue, now + _margin);
            }
            _onAir = onAir with { Item = current };
        }
    }

    /// <summary>Drops what is remembered of days before <paramref name="day"/> (keys start with the date), so memory stays flat over weeks on air.</summary>
    private void Forget(DateOnly day)
    {
        string first = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        bool Old(string key) => string.CompareOrdinal(key, 0, first, 0, first.Length) < 0;
        if (_anchors.Starts.Keys.Any(Old) || _anchors.Skipped.Any(Old))
            _anchors = _anchors with { Starts = _anchors.Starts.RemoveRange(_anchors.Starts.Keys.Where(Old)), Skipped = _anchors.Skipped.Except(_anchors.Skipped.Where(Old)) };
        _loggedSkips.RemoveWhere(Old);
    }

    /// <summary>Cuts that applied since the last pump: the item before each goes to the as-run log.</summary>
    private void CollectAired()
    {
        var aired = _cues.Values.Where(c => c.TakeApplied is { IsCompletedSuccessfully: true } && c.Take!.HasApplied)
            .OrderBy(c => c.TakeApplied!.Result).ToList();
        foreach (var cue in aired)
        {
            long tick = cue.TakeApplied!.Result;
            _cues.Remove(cue.Item.Key);
            var previous = _onAir;
            _onAir = new OnAirItem(cue.Item, tick, cue);
            if (previous is not null)
                Record(() => _asRun.Aired(previous, tick));
            LogSkippedBefore(cue.Item);
            // The plan keeps the item where it actually went (a take, a late join keeps its planned timeline).
            long anchor = cue.Item.Start is long planned && planned <= tick ? planned : tick;
            if (!_anchors.Starts.TryGetValue(cue.Item.Key, out long known) || known != anchor)
            {
                _anchors = _anchors with { Starts = _anchors.Starts.SetItem(cue.Item.Key, anchor) };
                // On its planned frame the plan stays as it is: no re-plan per item (a loop of short items airs several a second).
                _dirty |= anchor != cue.Item.Start;
            }
        }
    }

    /// <summary>A cut the channel refused (queued too late, e.g. after a slow open) is queued again rather than lost.</summary>
    private void RequeueRefused()
    {
        foreach (var cue in _cues.Values.Where(c => c.TakeApplied is { IsFaulted: true }))
        {
            _log.LogWarning("{Channel}: {Event} missed its cut ({Reason}); cutting to it as soon as possible", _channel.Name, cue.Item.Event.Id,
                cue.TakeApplied!.Exception!.InnerException?.Message);
            cue.Take = null;
            cue.TakeApplied = null;
        }
    }

    private void LogSkippedBefore(PlannedItem aired)
    {
        int index = IndexOf(aired.Key);
        foreach (var skipped in _plan.Skipped)
        {
            if (skipped.Before <= index && _loggedSkips.Add(skipped.Key))
                Record(() => _asRun.Skipped(skipped));
        }
        // Events still waiting for a take when a later one aired: their chance has gone.
        for (int i = 0; i < index; i++)
        {
            var item = _plan.Items[i];
            if (item.Start is null && !item.IsFiller && _loggedSkips.Add(item.Key))
                Record(() => _asRun.Skipped(new SkippedItem(item.Key, item.Day, item.Event, $"not taken before {aired.Event.Id} started", i)));
        }
    }

    /// <summary>Writes an as-run entry; a journal that cannot be written (disk full) raises an alarm and never stops the automation.</summary>
    private void Record(Action write)
    {
        string alarm = $"{_channel.Name}/as-run";
        try
        {
            write();
            if (_channel.Context.Alarms.IsActive(alarm))
                _channel.Context.Alarms.Clear(alarm);
        }
        catch (IOException error)
        {
            _channel.Context.Alarms.Raise(alarm, Engine.Alarms.AlarmSeverity.Major, $"the as-run journal cannot be written: {error.Message}");
        }
    }

    private int IndexOf(string key)
    {
        for (int i = 0; i < _plan.Items.Count; i++)
        {
            if (_plan.Items[i].Key == key)
                return i;
        }
        return -1;
    }

    private void WatchOnAir()
    {
        if (_onAir is { Failure: null } onAir && onAir.Cue.Producer.Failure is { } failure)
            onAir.Failure = failure;
    }

    /// <summary>Pre-rolls and queues every item starting within the lookahead; re-times or withdraws cues the plan no longer has.</summary>
    private void CueAhead(long now)
    {
        long earliest = now + _margin, limit = now + _lookahead;
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        bool manualReady = false;
        foreach (var item in Ahead())
        {
            if (item.Key == _onAir?.Item.Key || item.End <= earliest)
                continue;
            if (item.Start is null)
            {
                // The first event waiting for a take is pre-rolled, untimed, so the operator's take cuts to it at once.
                if (!manualReady)
                {
                    wanted.Add(item.Key);
                    Ensure(item, null, now);
                    manualReady = true;
                }
                continue;
            }
            // Secondaries may lead their item by up to a minute: look that far past the lookahead for them.
            if (item.Start > limit + _secondaryLead)
                break;
            if (CueTick(item) > limit)
                continue;
            long take = TakeTick(item.Start.Value, item.Key, now);
            // Under way but over before it could join: the items after it take the air on their own frames.
            if (take >= item.End)
                continue;
            wanted.Add(item.Key);
            Ensure(item, take, now);
        }
        foreach (var stale in _cues.Values.Where(c => !wanted.Contains(c.Item.Key)).ToList())
        {
            if (Withdraw(stale))
                _cues.Remove(stale.Item.Key);
        }
    }

    /// <summary>
    /// The tick an item's cut is queued for: its start, or the first tick a command can still reach when the start is
    /// that close; an item already under way (start-up, an edit) joins in progress once its producer has had a second to open.
    /// </summary>
    private long TakeTick(long start, string key, long now)
    {
        long earliest = now + _margin;
        if (start >= earliest)
            return start;
        if (start >= now)
            return earliest;
        return _cues.TryGetValue(key, out var cue) && cue.Take is not null ? cue.TakeTick : earliest + _joinDelay;
    }

    /// <summary>When an item must be cued: a lookahead before its start, or before its earliest secondary event.</summary>
    private long CueTick(PlannedItem item)
    {
        long tick = item.Start!.Value;
        foreach (var secondary in item.Event.SecondaryEvents)
        {
            if (_secondaries.TickOf(secondary, item) is long at)
                tick = Math.Min(tick, at);
        }
        return tick;
    }

    /// <summary>Makes sure <paramref name="item"/> is pre-rolled and its cut queued for <paramref name="takeAt"/> (null: untimed).</summary>
    private void Ensure(PlannedItem item, long? takeAt, long now)
    {
        if (_cues.TryGetValue(item.Key, out var cue))
        {
            bool sameSource = SameSource(cue.Item, item);
            bool sameTiming = cue.Item.Start == item.Start && cue.Item.End == item.End && (cue.Take is not null) == (takeAt is not null);
            if (sameSource && sameTiming)
                return;
            // A cut that has just gone to air is left alone: the next pump collects it.
            if (!Withdraw(cue, keepProducer: sameSource))
                return;
            if (!sameSource)
            {
                _cues.Remove(item.Key);
                cue = null;
            }
        }
        if (cue is null)
        {
            var offset = item.SourceOffset + (takeAt > item.Start ? _planner.Time.InstantOf(takeAt.Value) - _planner.Time.InstantOf(item.Start!.Value) : TimeSpan.Zero);
            var producer = item.IsFiller ? _sources.Filler() : _sources.Primary(item.Event, offset);
            cue = new Cue(item, producer);
            _cues[item.Key] = cue;
        }
        cue.Item = item;
        cue.Take = null;
        cue.TakeApplied = null;
        if (takeAt is long wanted)
        {
            long at = Math.Max(wanted, _channel.Tick + _margin);
            var take = new CueState();
            int layer = _planner.Settings.ProgrammeLayer;
            var producer = cue.Producer;
            cue.Take = take;
            cue.TakeTick = at;
            cue.TakeApplied = _channel.Execute(take.Command($"{item.Event.Id} to air", stage => stage[layer].Load(producer), at));
            _secondaries.Queue(cue, now + _margin);
        }
    }

    /// <summary>Withdraws a cue's queued commands and closes its producer (unless it is kept for a re-timed cut); false when its cut has already gone to air.</summary>
    private bool Withdraw(Cue cue, bool keepProducer = false)
    {
        if (cue.Take is { } take && !take.Withdraw())
            return false;
        cue.WithdrawSecondaries();
        if (!keepProducer)
            _channel.Context.Background.Dispose(cue.Producer);
        return true;
    }

    private static bool SameSource(PlannedItem a, PlannedItem b) =>
        a.SourceOffset == b.SourceOffset && EventEquality.Same(a.Event, b.Event);

    /// <summary>Why <paramref name="edited"/> would change the event on air, or null when it leaves it alone.</summary>
    private string? OnAirChange(ChannelSchedule edited)
    {
        if (_onAir is not { } onAir || onAir.Item.IsFiller)
            return null;
        var plan = _planner.Plan(edited, onAir.Item.Day, _anchors, _channel.Tick + _planSpan);
        var now = plan.Items.FirstOrDefault(i => i.Key == onAir.Item.Key);
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
