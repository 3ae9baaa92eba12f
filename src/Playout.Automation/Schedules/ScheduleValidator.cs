using Playout.Automation.Runtime;

namespace Playout.Automation.Schedules;

/// <summary>
/// Checks a schedule before it goes anywhere near air. Each problem names the day, the event and the field.
/// Importers report the same problems with the file and line they came from.
/// </summary>
public static class ScheduleValidator
{
    /// <param name="sources">Where sources may come from; null: not checked (a schedule built in code, tests).</param>
    public static IReadOnlyList<string> Validate(ChannelSchedule schedule, IDeviceCommands? devices, SourceRules? sources = null)
    {
        var problems = new List<string>();
        if (schedule.Days.Count > ScheduleLimits.DaysPerSchedule)
            problems.Add($"days: {schedule.Days.Count} days, more than the {ScheduleLimits.DaysPerSchedule} a schedule may hold");
        foreach (var day in schedule.Days.Values)
            CheckDay($"{day.Date:yyyy-MM-dd}", day.Events, devices, sources, problems);
        if (schedule.Template is { } template)
            CheckDay("template", template, devices, sources, problems);
        return problems;
    }

    /// <summary>The problems of one event (and its secondaries and children), each as "event ID: field: what is wrong".</summary>
    public static IEnumerable<string> Check(PrimaryEvent e, IDeviceCommands? devices, bool inBlock, SourceRules? sources = null)
    {
        string at = $"event {Shown(e.Id)}";
        if (string.IsNullOrWhiteSpace(e.Id))
            yield return "event: id: missing";
        foreach (var problem in Sizes(e))
            yield return $"{at}: {problem}";
        if (e.Kind != PrimaryKind.Block && e.Kind != PrimaryKind.Filler && string.IsNullOrWhiteSpace(e.Source))
            yield return $"{at}: source: a {e.Kind.ToString().ToLowerInvariant()} event needs one";
        else if (sources is not null && e.Source is { Length: <= ScheduleLimits.SourceLength } source && SourceProblem(e.Kind, source, sources) is { } where)
            yield return $"{at}: source: {where}";
        if (e.Timing == TimingMode.Fixed && e.Start is null)
            yield return $"{at}: start: a fixed event needs a start time";
        if (e.Timing != TimingMode.Fixed && e.Start is not null)
            yield return $"{at}: start: only a fixed event has a start time (timing is {e.Timing.ToString().ToLowerInvariant()})";
        if (e.Start < TimeSpan.Zero || e.Start >= TimeSpan.FromHours(48))
            yield return $"{at}: start: {e.Start} is not a time of day";
        if (e.Duration <= TimeSpan.Zero)
            yield return $"{at}: duration: must be positive";
        if (e.In < TimeSpan.Zero || e.Out <= (e.In ?? TimeSpan.Zero))
            yield return $"{at}: out: the out point must come after the in point";
        if (e.Loop && e.Duration is null)
            yield return $"{at}: duration: a loop needs a duration to fill";
        if (e.Mix <= TimeSpan.Zero || e.Mix > PrimaryEvent.MaxMix)
            yield return $"{at}: mix: {e.Mix} is not a mix of more than 0 and at most {PrimaryEvent.MaxMix.TotalSeconds:0} s";
        if (inBlock && e.Timing != TimingMode.Follow)
            yield return $"{at}: timing: events inside a block follow one another";
        if (e.Kind == PrimaryKind.Block)
        {
            if (e.Blocks.Count == 0)
                yield return $"{at}: children: a block needs events";
            var ids = new HashSet<string>(StringComparer.Ordinal);
            if (e.Blocks.Count > ScheduleLimits.ChildrenPerBlock)
                yield return $"{at}: children: {e.Blocks.Count} events, more than the {ScheduleLimits.ChildrenPerBlock} a block may hold";
            foreach (var child in e.Blocks)
            {
                if (child is null)
                {
                    yield return $"{at}: children: an entry is empty (null)";
                    continue;
                }
                if (!ids.Add(child.Id))
                    yield return $"{at}, event {child.Id}: id: used twice in the block";
                foreach (var problem in Check(child, devices, inBlock: true, sources))
                    yield return $"{at}, {problem}";
            }
        }
        else if (e.Blocks.Count > 0)
            yield return $"{at}: children: only a block has child events";
        if (e.SecondaryEvents.Count > ScheduleLimits.SecondariesPerEvent)
            yield return $"{at}: secondaries: {e.SecondaryEvents.Count}, more than the {ScheduleLimits.SecondariesPerEvent} an event may have";
        for (int i = 0; i < e.SecondaryEvents.Count; i++)
        {
            if (e.SecondaryEvents[i] is null)
                yield return $"{at}, secondary {i + 1}: empty (null)";
            else if (CheckSecondary(e.SecondaryEvents[i], devices, sources) is { } problem)
                yield return $"{at}, secondary {i + 1} ({e.SecondaryEvents[i].Kind}): {problem}";
        }
    }

    /// <summary>Where an event's source may not come from, by what its kind opens: a filler's colour or "bars" is no file.</summary>
    private static string? SourceProblem(PrimaryKind kind, string source, SourceRules sources) => kind switch
    {
        PrimaryKind.Live => sources.CheckLive(source),
        PrimaryKind.Filler when source.Equals("bars", StringComparison.OrdinalIgnoreCase) || source.StartsWith('#') || !Path.HasExtension(source) => null,
        PrimaryKind.Filler => sources.CheckFile(source),
        PrimaryKind.Block => null,
        _ => sources.CheckMedia(source),
    };

    private static IEnumerable<string> Sizes(PrimaryEvent e)
    {
        if (TextProblem("id", e.Id, ScheduleLimits.IdLength) is { } id)
            yield return id;
        if (TextProblem("title", e.Title, ScheduleLimits.TitleLength) is { } title)
            yield return title;
        if (TextProblem("source", e.Source, ScheduleLimits.SourceLength) is { } source)
            yield return source;
    }

    /// <summary>Why a text field is too long or holds a control character (a line break would split the as-run log), or null.</summary>
    private static string? TextProblem(string field, string? text, int max) =>
        text is null ? null
        : text.Length > max ? $"{field}: {text.Length} characters, more than the {max} allowed"
        : text.Any(char.IsControl) ? $"{field}: holds a control character (a line break, tab, …)"
        : null;

    // An id too long to be one is named by its start, not repeated whole in every message.
    private static string Shown(string? id) => id is { Length: > ScheduleLimits.IdLength } ? id[..40] + "…" : id ?? "";

    private static void CheckDay(string day, IReadOnlyList<PrimaryEvent> events, IDeviceCommands? devices, SourceRules? sources, List<string> problems)
    {
        if (events.Count > ScheduleLimits.EventsPerDay)
            problems.Add($"{day}: {events.Count} events, more than the {ScheduleLimits.EventsPerDay} a day may hold");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e is null)
            {
                problems.Add($"{day}: an event is empty (null)");
                continue;
            }
            if (!ids.Add(e.Id))
                problems.Add($"{day}, event {e.Id}: id: used twice in the day");
            foreach (var problem in Check(e, devices, inBlock: false, sources))
                problems.Add($"{day}, {problem}");
        }
    }

    private static string? CheckSecondary(SecondaryEvent s, IDeviceCommands? devices, SourceRules? sources) => s.Kind switch
    {
        _ when TextProblem("source", s.Source, ScheduleLimits.SourceLength) is { } tooLong => tooLong,
        _ when TextProblem("device", s.Device, ScheduleLimits.NameLength) is { } tooLong => tooLong,
        _ when TextProblem("command", s.Command, ScheduleLimits.NameLength) is { } tooLong => tooLong,
        _ when s.Arguments?.Count > ScheduleLimits.ArgumentsPerCommand => $"args: {s.Arguments.Count}, more than the {ScheduleLimits.ArgumentsPerCommand} a command may take",
        _ when s.Arguments?.Select(a => TextProblem($"args.{Shown(a.Key)}", a.Key, ScheduleLimits.NameLength) ?? TextProblem($"args.{a.Key}", a.Value, ScheduleLimits.ValueLength))
            .FirstOrDefault(p => p is not null) is { } badArgument => badArgument,
        SecondaryKind.LogoOn or SecondaryKind.GraphicsTake when string.IsNullOrWhiteSpace(s.Source) => "source: the graphic to show is missing",
        SecondaryKind.LogoOn or SecondaryKind.GraphicsTake when sources?.CheckFile(s.Source!) is { } where => $"source: {where}",
        SecondaryKind.AudioLevel when s.LevelDb is not double level || double.IsNaN(level) => "level: the target level (dB) is missing",
        SecondaryKind.AudioLevel when s.LevelDb > 12 => $"level: {s.LevelDb} dB is more than the +12 dB a level change may add",
        SecondaryKind.Scte35 when s.Scte35 is null => "scte35: the splice (event id, out/in, duration) is missing",
        SecondaryKind.Device when string.IsNullOrWhiteSpace(s.Device) => "device: missing",
        SecondaryKind.Device when string.IsNullOrWhiteSpace(s.Command) => "command: missing",
        SecondaryKind.Device when devices is null || !devices.Has(s.Device!) => $"device: no device named {s.Device} is configured",
        SecondaryKind.Device when devices!.Check(s.Device!, s.Command!, s.Arguments ?? new Dictionary<string, string>()) is { Count: > 0 } refused =>
            $"command {s.Command} of device {s.Device}: {string.Join("; ", refused)}",
        _ when s.Layer < 0 => "layer: must not be negative",
        _ when s.Frames < 0 => "frames: must not be negative",
        _ => null,
    };
}
