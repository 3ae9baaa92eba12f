using Microsoft.Extensions.Logging;
using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;

namespace Playout.Automation.Runtime;

/// <summary>
/// Follows what went to air: each cut that applied makes its item the one on air and writes the one it replaced,
/// and the events passed over before it, to the as-run log. Used under the automation's lock.
/// </summary>
internal sealed class AsRunTracker
{
    private readonly Channel _channel;
    private readonly AsRunRecorder _recorder;
    private readonly HashSet<string> _loggedSkips = new(StringComparer.Ordinal);

    public AsRunTracker(Channel channel, IScheduleTimeBase time, ITimecodes timecodes, AsRunJournal? journal)
    {
        _channel = channel;
        _recorder = new AsRunRecorder(channel.Name, time, timecodes, journal);
        // After a restart, skips the journal already holds are not logged again.
        foreach (var entry in RecentJournal(journal))
        {
            if (entry.Status == AsRunStatus.Skipped)
                _loggedSkips.Add(entry.Key);
        }
    }

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

    /// <summary>Notes the cuts of <paramref name="aired"/> (in the order they applied); their items' actual starts become anchors of <paramref name="plan"/>.</summary>
    public void Collect(IEnumerable<Cue> aired, RunningPlan plan)
    {
        foreach (var cue in aired)
        {
            long tick = cue.TakeApplied!.Result;
            var previous = OnAir;
            OnAir = new OnAirItem(cue.Item, tick, cue);
            if (previous is not null)
                Record(() => _recorder.Aired(previous, tick));
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

    /// <summary>The item on air when the service stops gets its entry too.</summary>
    public void Stop()
    {
        if (OnAir is { } last)
            Record(() => _recorder.Aired(last, _channel.Tick, "the service stopped"));
        OnAir = null;
    }

    /// <summary>Forgets the skips of days before <paramref name="day"/>.</summary>
    public void Forget(DateOnly day) => _loggedSkips.RemoveWhere(key => RunningPlan.IsBefore(key, day));

    private void LogSkippedBefore(PlannedItem aired, RunningPlan plan)
    {
        int index = plan.IndexOf(aired.Key);
        foreach (var skipped in plan.Plan.Skipped)
        {
            if (skipped.Before <= index && _loggedSkips.Add(skipped.Key))
                Record(() => _recorder.Skipped(skipped));
        }
        // Events still waiting for a take when a later one aired: their chance has gone.
        for (int i = 0; i < index; i++)
        {
            var item = plan.Plan.Items[i];
            if (item.Start is null && !item.IsFiller && _loggedSkips.Add(item.Key))
                Record(() => _recorder.Skipped(new SkippedItem(item.Key, item.Day, item.Event, $"not taken before {aired.Event.Id} started", i)));
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
            _channel.Context.Alarms.Raise(alarm, AlarmSeverity.Major, $"the as-run journal cannot be written: {error.Message}");
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
            _channel.Context.Logger.LogError("{Channel}: {Error}", _channel.Name, error.Message);
            return [];
        }
    }
}
