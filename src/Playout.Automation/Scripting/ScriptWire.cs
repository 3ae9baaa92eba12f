using System.Text.Json;
using Playout.Automation.Schedules;

namespace Playout.Automation.Scripting;

/// <summary>
/// The conversation between the service and a script worker: one JSON object a line, UTF-8. The service writes a
/// <see cref="ScriptRequest"/>, then a <see cref="MediaAnswer"/> for each media lookup the script makes; the worker
/// writes <see cref="WorkerMessage"/>s: started, log lines and lookups as they happen (so a worker killed at a
/// limit has still sent its log), and last the outcome.
/// </summary>
internal static class ScriptWire
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string Write<T>(T message) => JsonSerializer.Serialize(message, Options);

    public static T Read<T>(string line) => JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException("an empty message");
}

/// <summary>What to run: the compiled script, and the <see cref="ScriptContext"/> (less the media library, which answers over the pipe).</summary>
internal sealed record ScriptRequest(byte[] Assembly, byte[] Symbols, string EntryType, string EntryMethod, ScheduleData Schedule,
    DateOnly Today, TimeSpan DayStart, bool KnowsMedia, ScriptLimits Limits);

/// <summary>A schedule's days and template (its version stays with the service's copy).</summary>
internal sealed record ScheduleData(IReadOnlyList<DaySchedule> Days, IReadOnlyList<PrimaryEvent>? Template)
{
    public static ScheduleData Of(ChannelSchedule schedule) => new([.. schedule.Days.Values], schedule.Template);

    public ChannelSchedule ToSchedule()
    {
        var schedule = Days.Count == 0 ? ChannelSchedule.Empty : ChannelSchedule.Empty.With(Days);
        return Template is null ? schedule : schedule.WithTemplate(Template);
    }
}

/// <summary>One message of the worker; exactly one of its fields is set.</summary>
internal sealed record WorkerMessage(bool Started = false, string? Log = null, string? MediaLength = null, WorkerOutcome? Done = null);

/// <summary>The service's answer to a media lookup: the file's length, or null when unknown.</summary>
internal sealed record MediaAnswer(TimeSpan? Length);

/// <summary>How the script ended: what it changed, or its error.</summary>
internal sealed record WorkerOutcome(ScheduleChanges? Changes, ScriptError? Error);

/// <summary>
/// What a script changed in the schedule it was given, so that the service builds the result on its own copy: the
/// days the script left alone stay the very objects the service had (how "unchanged" is told, and cheap to send).
/// </summary>
internal sealed record ScheduleChanges(IReadOnlyList<DaySchedule> Days, IReadOnlyList<DateOnly> Removed, bool TemplateChanged,
    IReadOnlyList<PrimaryEvent>? Template)
{
    public static ScheduleChanges Between(ChannelSchedule before, ChannelSchedule after) => new(
        [.. after.Days.Values.Where(d => !ReferenceEquals(before[d.Date], d))],
        [.. before.Days.Keys.Where(date => after[date] is null)],
        !ReferenceEquals(before.Template, after.Template),
        after.Template);

    /// <summary>The script's schedule made from <paramref name="input"/> (the same object when the script changed nothing).</summary>
    public ChannelSchedule ApplyTo(ChannelSchedule input)
    {
        var schedule = input;
        foreach (var date in Removed)
            schedule = schedule.Without(date);
        if (Days.Count > 0)
            schedule = schedule.With(Days);
        return TemplateChanged ? schedule.WithTemplate(Template) : schedule;
    }
}
