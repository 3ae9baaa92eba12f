using Playout.Automation.AsRun;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Automation.Timing;
using Playout.Engine.Alarms;

namespace Playout.Automation.Tests.Simulation;

/// <summary>What the invariants read after each step: the run's history so far and the channel as the step left it.</summary>
internal sealed class SimState(ScheduleTimeBase time, ScheduleSettings settings, long margin)
{
    public ScheduleTimeBase Time => time;
    public ScheduleSettings Settings => settings;

    /// <summary>The automation's cue margin: a cut is never queued closer than this.</summary>
    public long Margin => margin;

    /// <summary>How long after a restart the item under way may take to join (one second after the margin), plus a frame.</summary>
    public long JoinAllowance => margin + time.Frames(TimeSpan.FromSeconds(1)) + 1;

    /// <summary>The channel's next tick (the step pumped the automation at it).</summary>
    public long Now { get; set; }

    /// <summary>The last tick run and the programme's centre sample on it (null before the first).</summary>
    public (long Tick, int Y, int Cb, int Cr)? Sample { get; set; }

    public AutomationStatus Status { get; set; } = null!;

    /// <summary>The rundown as of this step, when the step acted, or wrote entries a simulated minute or more after the last check (else null).</summary>
    public Rundown? Rundown { get; set; }
    public ChannelSchedule Schedule { get; set; } = ChannelSchedule.Empty;
    public AlarmBoard Alarms { get; set; } = null!;

    private readonly Dictionary<string, List<AsRunEntry>> _byKey = new(StringComparer.Ordinal);
    private readonly List<AsRunEntry> _asRun = [];

    /// <summary>Every as-run entry written, across restarts, in the order written.</summary>
    public IReadOnlyList<AsRunEntry> AsRun => _asRun;

    public void Add(AsRunEntry entry)
    {
        _asRun.Add(entry);
        if (!_byKey.TryGetValue(entry.Key, out var entries))
            _byKey[entry.Key] = entries = [];
        entries.Add(entry);
    }

    /// <summary>The entries written since the last step's checks.</summary>
    public int NewFrom { get; set; }

    /// <summary>The items' entries written since the last step's checks (operators' notes — a jump, an insert — are no items).</summary>
    public IEnumerable<AsRunEntry> NewEntries => AsRun.Skip(NewFrom).Where(e => e.Status.IsItem());
    public List<SimDone> Done { get; } = [];
    public List<SimRestart> Restarts { get; } = [];

    /// <summary>Whether an action or edit was made at this step (the automation has not settled the alarm for it yet).</summary>
    public bool ActedNow { get; set; }

    /// <summary>The run is over: checks that wait for a later entry give their verdict now.</summary>
    public bool Ended { get; set; }

    /// <summary>What the programme shows for a colour (cached: painting one costs a pool frame).</summary>
    public Func<string?, (int Y, int Cb, int Cr)> SampleOf { get; set; } = null!;

    public string When(long tick) => $"{time.InstantOf(tick):yyyy-MM-dd HH:mm:ss.ff} (tick {tick}, {time.OfDay(tick)})";

    /// <summary>Accepted operator actions on <paramref name="key"/>.</summary>
    public IEnumerable<SimDone> ActedOn(string key) => Done.Where(d => d.Ok && d.Key == key);

    /// <summary>Entries of <paramref name="key"/> so far.</summary>
    public IReadOnlyList<AsRunEntry> EntriesOf(string key) => _byKey.TryGetValue(key, out var entries) ? entries : [];

    /// <summary>The entries of <paramref name="entry"/>'s key written before it.</summary>
    public IEnumerable<AsRunEntry> Before(AsRunEntry entry) => EntriesOf(entry.Key).TakeWhile(e => !ReferenceEquals(e, entry));

    /// <summary>Whether an accepted edit (insert, delete, move) or a restart happened in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool Edited(long from, long to) =>
        Done.Any(d => d.Ok && d.Action.Kind is SimActionKind.Insert or SimActionKind.Delete or SimActionKind.Move && d.Tick >= from && d.Tick <= to)
        || Restarts.Any(r => r.Tick >= from && r.Tick <= to);

    /// <summary>The event a plan key names in the schedule as it stands, with its day and index there (a block's child: the child, and whether it opens the block's first pass); null when gone.</summary>
    public (DaySchedule Day, PrimaryEvent Top, PrimaryEvent Event, bool First, int Index)? Find(string key)
    {
        var parts = key.Split('/');
        if (parts.Length < 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", out var date) || Schedule.DayOrTemplate(date) is not { } day)
            return null;
        int index = day.Events.ToList().FindIndex(e => e.Id == parts[1]);
        if (index < 0)
            return null;
        var top = day.Events[index];
        if (parts.Length == 2)
            return (day, top, top, true, index);
        int hash = parts[2].LastIndexOf('#');
        string child = hash < 0 ? parts[2] : parts[2][..hash];
        int childIndex = top.Blocks.ToList().FindIndex(c => c.Id == child);
        if (childIndex < 0)
            return null;
        return (day, top, top.Blocks[childIndex], childIndex == 0 && parts[2][(hash + 1)..] == "0", index);
    }

    public static string Line(AsRunEntry e) =>
        $"{e.Key} {e.Status.ToString().ToLowerInvariant()}{(e.Reason is null ? "" : $" ({e.Reason})")} planned {e.PlannedTick?.ToString() ?? "-"}+{e.PlannedFrames} actual {e.ActualTick?.ToString() ?? "-"}+{e.ActualFrames}";
}
