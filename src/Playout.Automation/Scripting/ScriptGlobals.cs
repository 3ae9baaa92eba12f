using Playout.Automation.Schedules;

namespace Playout.Automation.Scripting;

/// <summary>
/// What a schedule script sees as globals (docs/SCRIPTING.md). The script reads <see cref="Schedule"/>, builds days
/// with <see cref="Day"/> and <see cref="Draft"/>, and may assign <see cref="Schedule"/> itself (e.g. with
/// <see cref="ChannelSchedule.Without"/>); its result is <see cref="Schedule"/> as it stands at the end with every
/// changed day written over it. Its return value is ignored. Nothing here touches a channel.
/// </summary>
public sealed class ScriptGlobals
{
    private readonly Func<string, TimeSpan?>? _mediaLength;
    private readonly Dictionary<DateOnly, DayBuilder> _days = [];
    private readonly Action<string>? _log;

    /// <param name="log">Takes each line the script logs, as it logs it (a worker sends it to the service at once).</param>
    internal ScriptGlobals(ScriptContext context, CancellationToken cancellation, Action<string>? log = null)
    {
        Schedule = context.Schedule;
        Today = context.Today;
        DayStart = context.DayStart;
        _mediaLength = context.MediaLength;
        Cancellation = cancellation;
        _log = log;
    }

    /// <summary>The schedule so far: the channel's when the script starts. Days built with <see cref="Day"/> are written over it at the end.</summary>
    public ChannelSchedule Schedule { get; set; }

    /// <summary>The channel's current broadcast day.</summary>
    public DateOnly Today { get; }

    public DateOnly Tomorrow => Today.AddDays(1);

    /// <summary>The time of day the channel's broadcast day starts (a day's first event plays then).</summary>
    public TimeSpan DayStart { get; }

    /// <summary>Cancelled when the script runs out of time, as its worker is stopped; a loop that checks it ends with the same error.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>
    /// The running order of day <paramref name="date"/> to edit: the schedule's events for it (its own, or the channel
    /// template's), else none. Written back over that date when the script ends, if the script changed it. Asking
    /// for the same date again gives the same builder.
    /// </summary>
    public DayBuilder Day(ScriptDate date) => _days.GetValueOrDefault(date)
        ?? Track(new DayBuilder(this, date, Schedule.DayOrTemplate(date)?.Events ?? [], changed: false));

    /// <summary>An empty running order that belongs to no day (a template made in the script); put it on days with <see cref="DayBuilder.CopyTo"/>.</summary>
    public DayBuilder Draft() => new(this, null, [], changed: false);

    /// <summary>A clip event that follows the one before it; without <paramref name="duration"/> it plays to the end of the file.</summary>
    public PrimaryEvent Clip(string id, string file, ScriptTime? duration = null, string? title = null) =>
        new(id, PrimaryKind.Clip, file, title, Duration: duration?.Value);

    /// <summary>A live event (a stream URL or "card:N") that follows the one before it.</summary>
    public PrimaryEvent Live(string id, string source, ScriptTime duration, string? title = null) =>
        new(id, PrimaryKind.Live, source, title, Duration: duration.Value);

    /// <summary>A filler event: "black", "bars", a colour ("#102030") or a still's path.</summary>
    public PrimaryEvent Filler(string id, string source, ScriptTime duration) =>
        new(id, PrimaryKind.Filler, source, Duration: duration.Value);

    /// <summary>A media file's length from the host's media library; null when unknown or when the host has none.</summary>
    public TimeSpan? MediaLength(string source) => _mediaLength?.Invoke(source);

    /// <summary>Adds a line to the log that comes back with the result.</summary>
    public void Log(string line) => _log?.Invoke(line);

    internal bool KnowsMedia => _mediaLength is not null;

    /// <summary>Makes <paramref name="day"/> the builder of its date (a copy onto a date replaces the builder it had).</summary>
    internal DayBuilder Track(DayBuilder day)
    {
        _days[day.Date!.Value] = day;
        return day;
    }

    /// <summary>The script's schedule: <see cref="Schedule"/> with the changed days written over it.</summary>
    internal ChannelSchedule Result()
    {
        var changed = _days.Values.Where(d => d.Changed).Select(d => d.Build()).ToList();
        return changed.Count == 0 ? Schedule : Schedule.With(changed);
    }
}
