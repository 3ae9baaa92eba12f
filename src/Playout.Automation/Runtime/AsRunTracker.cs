using Microsoft.Extensions.Logging;
using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Probes;

namespace Playout.Automation.Runtime;

/// <summary>
/// Follows what went to air: each cut that applied makes its item the one on air and writes the one it replaced,
/// and the events passed over before it, to the as-run log. Each item gets one entry with one final status (an item
/// on air across a restart gets a second, continued one); operators' actions are noted on the entry of the item they
/// concern. Used under the automation's lock.
/// </summary>
internal sealed class AsRunTracker
{
    private readonly Channel _channel;
    private readonly AsRunRecorder _recorder;

    /// <summary>Items with an entry (this run's, and the last two days' journal): none gets a second final status.</summary>
    private readonly HashSet<string> _final = new(StringComparer.Ordinal);

    /// <summary>Items on air when the service last stopped: their next airing continues that entry.</summary>
    private readonly HashSet<string> _stopped = new(StringComparer.Ordinal);

    /// <summary>Operators' actions not yet written, by item key.</summary>
    private readonly Dictionary<string, List<string>> _actions = new(StringComparer.Ordinal);

    /// <summary>The last two days' journal, read at start-up: what aired before this run.</summary>
    private readonly IReadOnlyList<AsRunEntry> _journal;

    private readonly ProbeNotes _probes;

    /// <summary>Notes made under the automation's lock, written after it (<see cref="TakeNotes"/>).</summary>
    private readonly List<Action> _notes = [];

    public AsRunTracker(Channel channel, IScheduleTimeBase time, ITimecodes timecodes, AsRunJournal? journal)
    {
        _channel = channel;
        _recorder = new AsRunRecorder(channel.Name, time, timecodes, journal);
        _probes = new ProbeNotes(timecodes);
        _journal = RecentJournal(journal);
        foreach (var entry in _journal.Where(e => e.Status != AsRunStatus.Filler))
        {
            _final.Add(entry.Key);
            if (AsRunRecorder.Stopped(entry))
                _stopped.Add(entry.Key);
            else
                _stopped.Remove(entry.Key);
        }
    }

    /// <summary>
    /// What the journal says aired before this run, as anchors: items that aired stay where they aired (one on air when
    /// the service stopped has no end, so it continues), and skipped items stay skipped. A restart never replays an item.
    /// </summary>
    public PlanAnchors History(IScheduleTimeBase time)
    {
        var anchors = PlanAnchors.None;
        foreach (var entry in _journal)
        {
            if (entry.Status == AsRunStatus.Skipped)
                anchors = anchors with { Skipped = anchors.Skipped.SetItem(entry.Key, entry.Reason ?? "skipped") };
            else if (entry.Status != AsRunStatus.Filler && entry.ActualStart is { } start)
            {
                long tick = time.TickAt(start);
                anchors = anchors with
                {
                    Starts = anchors.Starts.ContainsKey(entry.Key) ? anchors.Starts : anchors.Starts.Add(entry.Key, tick),
                    Ends = AsRunRecorder.Stopped(entry) ? anchors.Ends.Remove(entry.Key) : anchors.Ends.SetItem(entry.Key, tick + entry.ActualFrames),
                };
            }
        }
        return anchors;
    }

    /// <summary>Writes a note that is not an item (an alarm's change); it never touches the items' statuses.</summary>
    public void WriteNote(DateOnly day, string key, string id, string title, string kind, AsRunStatus status, string reason, long tick, long frames) =>
        _notes.Add(() => _recorder.Note(day, key, id, title, kind, status, reason, tick, frames));

    /// <summary>
    /// The notes (alarms, probes, loudness) made since the last call, to be written by the caller once it has let go of the
    /// automation's lock: a journal's flush to disk never holds up the cues.
    /// </summary>
    public Action[] TakeNotes()
    {
        if (_notes.Count == 0)
            return [];
        Action[] notes = [.. _notes.Select<Action, Action>(note => () => Write(note))];
        _notes.Clear();
        return notes;
    }

    /// <summary>An item's loudness as it aired, measured a second or so after it came off: a note beside its entry (filler gets none).</summary>
    public void Measured(ItemLoudness measured)
    {
        var aired = Recent.LastOrDefault(e => e.Key == measured.Key && e.ActualTick == measured.StartTick && e.Status.IsItem() && e.Status != AsRunStatus.Filler);
        if (aired is not null)
            _notes.Add(() => _recorder.Loudness(aired, measured));
    }

    /// <summary>A probe's episode opened or closed: its notes are written for the items it touched (<see cref="ProbeNotes"/>).</summary>
    public void Probe(ProbeEvent episode)
    {
        var onAir = OnAir is { } item ? ProbeNotes.ItemSpan.Of(item) : null;
        if (episode.IsOpen)
            _probes.Opened(episode, onAir, Recent, WriteProbe);
        else
            _probes.Closed(episode, onAir, WriteProbe);
    }

    /// <summary>Told of each item as it goes to air: the tick of its first frame and its key.</summary>
    public Action<long, string>? Started { get; set; }

    /// <summary>The item on air (null before the first cut).</summary>
    public OnAirItem? OnAir { get; set; }

    /// <summary>As-run entries written since the service started.</summary>
    public IReadOnlyList<AsRunEntry> Recent
    {
        get
        {
            lock (_recorder.Recent)
                return [.. _recorder.Recent];
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/> has its final entry (it aired and came off, or was skipped), so it never goes to air
    /// again; one on air when the service stopped has not (it continues), though it is never logged skipped either.
    /// </summary>
    public bool IsFinal(string key) => _final.Contains(key) && !_stopped.Contains(key);

    /// <summary>
    /// Notes the cuts of <paramref name="aired"/> (in the order they applied): the item replaced is written and ends in
    /// <paramref name="plan"/> where it came off; the new item's actual start becomes an anchor.
    /// </summary>
    public void Collect(IEnumerable<Cue> aired, RunningPlan plan)
    {
        foreach (var cue in aired)
        {
            long tick = cue.TakeApplied!.Result;
            var previous = OnAir;
            OnAir = new OnAirItem(cue.Item, tick, cue);
            _channel.Context.TitleOnAir(cue.Item.Event.DisplayName, tick);
            Started?.Invoke(tick, cue.Item.Key);
            if (previous is not null)
            {
                plan.Ended(previous.Item, tick);
                Write(previous.Item, actions => _recorder.Aired(previous, tick, actions, _stopped.Remove(previous.Item.Key)));
                _probes.ItemEnded(ProbeNotes.ItemSpan.Of(previous), tick, WriteProbe);
            }
            LogSkippedBefore(cue.Item, plan);
            plan.Started(cue.Item, tick);
        }
    }

    /// <summary>Notes the first failure the producer on air reports, for its as-run entry.</summary>
    public void Watch()
    {
        if (OnAir is { Failure: null } onAir && onAir.Cue.Producer?.Failure is { } failure)
            onAir.Failure = failure;
    }

    /// <summary>Notes an operator's action on item <paramref name="key"/> for its entry ("held by alice at 20:46:10:00").</summary>
    public void Note(string key, string action)
    {
        if (!_actions.TryGetValue(key, out var list))
            _actions[key] = list = [];
        list.Add(action);
    }

    /// <summary>Logs <paramref name="item"/> as skipped now (a fixed start missed, say), unless it has its final entry already.</summary>
    public void Skipped(PlannedItem item, string reason)
    {
        if (!_final.Contains(item.Key))
            Write(item, actions => _recorder.Skipped(new SkippedItem(item.Key, item.Day, item.Event, reason, 0), actions));
    }

    /// <summary>The item on air when the service stops gets its entry too; after a restart its rest is a continued entry.</summary>
    public void Stop()
    {
        if (OnAir is { } last)
        {
            Write(last.Item, actions => _recorder.Aired(last, _channel.Tick, actions, _stopped.Remove(last.Item.Key), AsRunRecorder.ServiceStopped));
            _probes.Stopped(ProbeNotes.ItemSpan.Of(last), _channel.Tick, WriteProbe);
        }
        OnAir = null;
    }

    /// <summary>Forgets the items of days before <paramref name="day"/>.</summary>
    public void Forget(DateOnly day)
    {
        _final.RemoveWhere(key => RunningPlan.IsBefore(key, day));
        _stopped.RemoveWhere(key => RunningPlan.IsBefore(key, day));
    }

    private void LogSkippedBefore(PlannedItem aired, RunningPlan plan)
    {
        int index = plan.IndexOf(aired.Key);
        // Events the plan gives no air time before it: logged, and out of the running order for good (an edit that gives
        // them time again never airs one logged skipped).
        foreach (var skipped in plan.Plan.Skipped.Where(s => s.Before <= index && !_final.Contains(s.Key)).ToList())
        {
            if (!plan.Anchors.Skipped.ContainsKey(skipped.Key))
                plan.Drop(skipped.Key, skipped.Reason);
            Write(skipped.Key, false, actions => _recorder.Skipped(skipped, actions));
        }
        // Events still waiting for a take when a later one aired: their chance has gone, and they leave the running order
        // (a loop's later passes are no events of their own: they just stop filling time, and a later edit may resume them).
        for (int i = 0; i < index; i++)
        {
            var item = plan.Plan.Items[i];
            if (item.Start is not null || item.IsFiller || item.Repeat || _final.Contains(item.Key))
                continue;
            string reason = $"not taken before {aired.Event.Id} started";
            plan.Drop(item.Key, reason);
            Write(item, actions => _recorder.Skipped(new SkippedItem(item.Key, item.Day, item.Event, reason, i), actions));
        }
    }

    private void WriteProbe(ProbeKind kind, ProbeNotes.ItemSpan item, long from, long frames, string reason)
    {
        string name = kind.ToString().ToLowerInvariant(), key = $"{name} {from}";
        _notes.Add(() => _recorder.Note(item.Day, key, item.EventId, item.Title, name, AsRunStatus.Probe, reason, from, frames, item.Source));
    }

    private void Write(PlannedItem item, Action<string?> write) => Write(item.Key, item.IsFiller, write);

    /// <summary>
    /// Writes the entry of item <paramref name="key"/> with the operators' actions noted on it; a journal that cannot be
    /// written (disk full) raises an alarm and never stops the automation. Filler is no item of the schedule: it may air
    /// again under the same key (after a restart), so it never counts as final.
    /// </summary>
    private void Write(string key, bool filler, Action<string?> write)
    {
        string? actions = _actions.Remove(key, out var list) ? string.Join("; ", list) : null;
        if (!filler)
            _final.Add(key);
        Write(() => write(actions));
    }

    /// <summary>Writes to the journal; one that cannot be written (disk full) raises an alarm and never stops the automation.</summary>
    private void Write(Action write)
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
            _channel.Context.Alarms.Raise(alarm, AlarmSeverity.Major, $"the as-run journal cannot be written: {error.Message}");
        }
    }

    private IReadOnlyList<AsRunEntry> RecentJournal(AsRunJournal? journal)
    {
        if (journal is null)
            return [];
        try
        {
            return [.. journal.Days().TakeLast(2).SelectMany(journal.Read).Where(e => e.Status.IsItem())];
        }
        catch (InvalidDataException error)
        {
            _channel.Context.Logger.LogError("{Channel}: {Error}", _channel.Name, error.Message);
            return [];
        }
    }
}
