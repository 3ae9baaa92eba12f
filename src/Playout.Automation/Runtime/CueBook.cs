using Microsoft.Extensions.Logging;
using Playout.Automation.Schedules;
using Playout.Engine.Channels;
using Playout.Engine.Producers;
using Playout.Engine.Stage;

namespace Playout.Automation.Runtime;

/// <summary>
/// The items the automation has cued ahead of air. An item is cued a lookahead before its start (or its earliest
/// secondary event): its secondaries are queued and its SCTE-35 sent. It is pre-rolled — its producer opened and its
/// cut queued for its start tick — only within the pre-roll window and the pool's budget. Cues the plan no longer
/// matches are re-timed or withdrawn (their producers and graphics closed). Used under the automation's lock, except
/// the openings <see cref="Review"/> hands out, which are opened outside it.
/// </summary>
internal sealed class CueBook
{
    private readonly Dictionary<string, Cue> _cues = new(StringComparer.Ordinal);
    private readonly Channel _channel;
    private readonly IEventSources _sources;
    private readonly SecondaryDispatcher _secondaries;
    private readonly IScheduleTimeBase _time;
    private readonly PrerollBudget _budget;
    private readonly int _layer;
    private readonly long _margin;
    private readonly long _joinDelay;
    private readonly long _secondaryLead;
    private readonly long _lookahead;

    /// <summary>Run on the tick with each cut, after it (the silence fallback goes off air on the next item's first frame).</summary>
    public Action<ChannelStage>? OnTake { get; set; }

    public CueBook(Channel channel, IEventSources sources, SecondaryDispatcher secondaries, ScheduleSettings settings, IScheduleTimeBase time, long margin)
    {
        _channel = channel;
        _sources = sources;
        _secondaries = secondaries;
        _time = time;
        _layer = settings.ProgrammeLayer;
        _margin = margin;
        _lookahead = time.Frames(settings.CueAhead);
        _budget = new PrerollBudget(channel.Context.VideoPool, Math.Min(_lookahead, time.Frames(PrerollBudget.Window)));
        _joinDelay = time.Frames(TimeSpan.FromSeconds(1));
        _secondaryLead = time.Frames(TimeSpan.FromMinutes(1));
    }

    /// <summary>The cue lookahead in ticks.</summary>
    public long Lookahead => _lookahead;

    /// <summary>Removes and returns the cues whose cut has gone to air, in the order they applied.</summary>
    public IReadOnlyList<Cue> TakeAired()
    {
        var aired = _cues.Values.Where(c => c.HasAired).OrderBy(c => c.TakeApplied!.Result).ToList();
        foreach (var cue in aired)
            _cues.Remove(cue.Item.Key);
        return aired;
    }

    /// <summary>A cut the channel refused (queued too late, e.g. after a slow open) is queued again rather than lost.</summary>
    public void RequeueRefused()
    {
        foreach (var cue in _cues.Values.Where(c => c.TakeApplied is { IsFaulted: true }))
        {
            _channel.Context.Logger.LogWarning("{Channel}: {Event} missed its cut ({Reason}); cutting to it as soon as possible", _channel.Name,
                cue.Item.Event.Id, cue.TakeApplied!.Exception!.InnerException?.Message);
            cue.Take = null;
            cue.TakeApplied = null;
        }
    }

    /// <summary>What the rundown shows of each cue (and of <paramref name="onAir"/>'s), by item key.</summary>
    public Dictionary<string, CueView> Views(Cue? onAir)
    {
        var views = _cues.Values.ToDictionary(c => c.Item.Key, CueView.Of, StringComparer.Ordinal);
        if (onAir is not null)
            views[onAir.Item.Key] = CueView.Of(onAir);
        return views;
    }

    /// <summary>Withdraws the queued cut of <paramref name="key"/>, if any; false when it has already gone to air.</summary>
    public bool TryWithdrawCut(string key) => !_cues.TryGetValue(key, out var cue) || cue.Take is not { } take || take.Withdraw();

    /// <summary>Queues again the secondaries of the item on air whose end moved (held, taken early, cut by an edit).</summary>
    public void Retime(Cue onAir, long now)
    {
        onAir.WithdrawSecondaries();
        _secondaries.Queue(onAir, now + _margin);
    }

    /// <summary>
    /// Cues every item of <paramref name="ahead"/> due within the lookahead, re-times or withdraws the cues the plan no
    /// longer matches, and says what is to be opened (producers within the pre-roll window and budget, graphics).
    /// </summary>
    public IReadOnlyList<CueOpening> Review(IEnumerable<PlannedItem> ahead, string? onAir, long now)
    {
        long earliest = now + _margin, limit = now + _lookahead;
        var wanted = new List<Cue>();
        bool manualReady = false;
        foreach (var item in ahead)
        {
            // An item over before a cut could reach it is passed over, unless its cut is queued already (a short item
            // right after the one on air, cued in time).
            if (item.Key == onAir || item.End <= now || item.End <= earliest && !Queued(item.Key, now))
                continue;
            if (item.Start is null)
            {
                // The first event waiting for a take is pre-rolled, untimed, so the operator's take cuts to it at once.
                if (!manualReady && Keep(item, null) is { } manual)
                    wanted.Add(manual);
                manualReady = true;
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
            if (Keep(item, take) is { } cue)
                wanted.Add(cue);
        }
        var keys = wanted.Select(c => c.Item.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _cues.Values.Where(c => !keys.Contains(c.Item.Key)).ToList())
        {
            // A cut that has just gone to air is left alone: the next pump collects it.
            if (stale.Withdraw())
            {
                stale.Close(_channel.Context.Background);
                _cues.Remove(stale.Item.Key);
            }
        }
        return Openings(wanted, now);
    }

    /// <summary>Installs what was opened for the cues; then, unless the plan changed meanwhile, queues the cuts and secondaries that are ready.</summary>
    public void Install(IReadOnlyList<CueOpening> openings, long now, bool settled)
    {
        foreach (var opening in openings)
        {
            var cue = opening.Cue;
            if (!_cues.TryGetValue(cue.Item.Key, out var current) || current != cue)
            {
                opening.Discard(_channel.Context.Background);
                continue;
            }
            cue.Producer ??= opening.Producer;
            cue.Graphics ??= opening.Graphics;
        }
        if (settled)
            QueueReady(now);
    }

    /// <summary>Withdraws every cue and closes what they opened (the automation stops).</summary>
    public void Clear()
    {
        foreach (var cue in _cues.Values)
        {
            if (cue.Withdraw())
                cue.Close(_channel.Context.Background);
        }
        _cues.Clear();
    }

    /// <summary>
    /// Producers to open, in running order. Those that decode ahead into the pool (clips, live inputs) open within the
    /// pre-roll window — the first of them (what a take would cut to) anywhere in the lookahead — while the budget lasts;
    /// the rest (colours, bars, pictures: one frame each) open when cued. The one item waiting for a take opens at once
    /// and outside the budget, so it never keeps the timed items after it from their frames.
    /// </summary>
    private List<CueOpening> Openings(List<Cue> wanted, long now)
    {
        int held = _cues.Values.Count(c => c.Producer is not null && Budgeted(c));
        bool first = true;
        var openings = new List<CueOpening>();
        foreach (var cue in wanted)
        {
            bool budgeted = Budgeted(cue);
            bool producer = cue.Producer is null && (!budgeted || ((first || cue.TakeAt - now <= _budget.Frames) && held < _budget.Producers));
            first &= !budgeted;
            if (producer && budgeted)
                held++;
            if (producer || cue.Graphics is null)
                openings.Add(new CueOpening(cue, producer ? Offset(cue) : null, cue.Graphics is null));
        }
        return openings;
    }

    /// <summary>Whether a cue's producer counts against the pre-roll budget: a timed clip or live input, which holds pool frames ahead of air.</summary>
    private static bool Budgeted(Cue cue) => cue.TakeAt is not null && !cue.Item.IsFiller && cue.Item.Event.Kind is PrimaryKind.Clip or PrimaryKind.Live;

    /// <summary>Where in its source an item's producer starts: later than planned when it joins in progress.</summary>
    private TimeSpan Offset(Cue cue) =>
        cue.Item.SourceOffset + (cue.TakeAt > cue.Item.Start ? _time.InstantOf(cue.TakeAt.Value) - _time.InstantOf(cue.Item.Start!.Value) : TimeSpan.Zero);

    /// <summary>Queues the cut of each pre-rolled timed cue not queued yet, and the secondaries of each timed cue whose graphics are open.</summary>
    private void QueueReady(long now)
    {
        foreach (var cue in _cues.Values)
        {
            if (cue.TakeAt is not long wanted || cue.Graphics is null)
                continue;
            if (cue.Producer is { } producer && cue.Take is null)
            {
                long at = Math.Max(wanted, _channel.Tick + _margin);
                var take = new CueState();
                int layer = _layer;
                cue.Take = take;
                cue.TakeTick = at;
                int mix = cue.Item.Event.Mix is { } mixIn ? (int)_time.Frames(mixIn) : 0;
                var taken = OnTake;
                cue.TakeApplied = _channel.Execute(take.Command($"{cue.Item.Event.Id} to air", stage =>
                {
                    ToAir(stage[layer], producer, mix);
                    taken?.Invoke(stage);
                }, at));
            }
            _secondaries.Queue(cue, now + _margin);
        }
    }

    /// <summary>An item's cut, or its mix over the item before (which plays on under it, past its own end, for the mix's frames).</summary>
    private static void ToAir(Layer layer, Producer producer, int mixFrames)
    {
        if (mixFrames <= 1)
        {
            layer.Load(producer);
            return;
        }
        layer.LoadBackground(producer);
        layer.Take(new Transition(TransitionKind.Mix, mixFrames));
    }

    /// <summary>The cue of <paramref name="item"/>, made or re-timed for <paramref name="takeAt"/> (null: untimed); null when its cut has just aired.</summary>
    private Cue? Keep(PlannedItem item, long? takeAt)
    {
        if (_cues.TryGetValue(item.Key, out var cue))
        {
            bool sameSource = SameSource(cue.Item, item);
            bool sameTiming = cue.Item.Start == item.Start && cue.Item.End == item.End && cue.TakeAt.HasValue == takeAt.HasValue;
            if (sameSource && sameTiming)
                return cue;
            // Re-timed, it keeps what it opened; changed, it is withdrawn and closed.
            if (!cue.Withdraw())
                return null;
            if (!sameSource)
            {
                cue.Close(_channel.Context.Background);
                _cues.Remove(item.Key);
                cue = null;
            }
        }
        cue ??= _cues[item.Key] = new Cue(item);
        cue.Item = item;
        cue.TakeAt = takeAt;
        return cue;
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
        // A cut queued in time for its start stays as it is, however close that start has come.
        if (Queued(key, now) && _cues[key].TakeTick == start)
            return start;
        if (start >= now)
            return earliest;
        return _cues.TryGetValue(key, out var cue) && cue.TakeAt is long at ? at : earliest + _joinDelay;
    }

    /// <summary>Whether the cut of <paramref name="key"/> is queued for a tick still to come.</summary>
    private bool Queued(string key, long now) => _cues.TryGetValue(key, out var cue) && cue.Take is not null && cue.TakeTick >= now;

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

    private static bool SameSource(PlannedItem a, PlannedItem b) =>
        a.SourceOffset == b.SourceOffset && EventEquality.Same(a.Event, b.Event);
}
