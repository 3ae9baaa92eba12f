using Playout.Automation.Runtime;

namespace Playout.Automation.Schedules;

/// <summary>
/// Checks a schedule before it goes anywhere near air. Each problem names the day, the event and the field.
/// Importers report the same problems with the file and line they came from.
/// </summary>
public static class ScheduleValidator
{
    public static IReadOnlyList<string> Validate(ChannelSchedule schedule, IDeviceCommands? devices)
    {
        var problems = new List<string>();
        foreach (var day in schedule.Days.Values)
            CheckDay($"{day.Date:yyyy-MM-dd}", day.Events, devices, problems);
        if (schedule.Template is { } template)
            CheckDay("template", template, devices, problems);
        return problems;
    }

    /// <summary>The problems of one event (and its secondaries and children), each as "event ID: field: what is wrong".</summary>
    public static IEnumerable<string> Check(PrimaryEvent e, IDeviceCommands? devices, bool inBlock)
    {
        string at = $"event {e.Id}";
        if (string.IsNullOrWhiteSpace(e.Id))
            yield return "event: id: missing";
        if (e.Kind != PrimaryKind.Block && e.Kind != PrimaryKind.Filler && string.IsNullOrWhiteSpace(e.Source))
            yield return $"{at}: source: a {e.Kind.ToString().ToLowerInvariant()} event needs one";
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
        if (inBlock && e.Timing != TimingMode.Follow)
            yield return $"{at}: timing: events inside a block follow one another";
        if (e.Kind == PrimaryKind.Block)
        {
            if (e.Blocks.Count == 0)
                yield return $"{at}: children: a block needs events";
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var child in e.Blocks)
            {
                if (child is null)
                {
                    yield return $"{at}: children: an entry is empty (null)";
                    continue;
                }
                if (!ids.Add(child.Id))
                    yield return $"{at}, event {child.Id}: id: used twice in the block";
                foreach (var problem in Check(child, devices, inBlock: true))
                    yield return $"{at}, {problem}";
            }
        }
        else if (e.Blocks.Count > 0)
            yield return $"{at}: children: only a block has child events";
        for (int i = 0; i < e.SecondaryEvents.Count; i++)
        {
            if (e.SecondaryEvents[i] is null)
                yield return $"{at}, secondary {i + 1}: empty (null)";
            else if (CheckSecondary(e.SecondaryEvents[i], devices) is { } problem)
                yield return $"{at}, secondary {i + 1} ({e.SecondaryEvents[i].Kind}): {problem}";
        }
    }

    private static void CheckDay(string day, IReadOnlyList<PrimaryEvent> events, IDeviceCommands? devices, List<string> problems)
    {
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
            foreach (var problem in Check(e, devices, inBlock: false))
                problems.Add($"{day}, {problem}");
        }
    }

    private static string? CheckSecondary(SecondaryEvent s, IDeviceCommands? devices) => s.Kind switch
    {
        SecondaryKind.LogoOn or SecondaryKind.GraphicsTake when string.IsNullOrWhiteSpace(s.Source) => "source: the graphic to show is missing",
        SecondaryKind.AudioLevel when s.LevelDb is not double level || double.IsNaN(level) => "level: the target level (dB) is missing",
        SecondaryKind.AudioLevel when s.LevelDb > 12 => $"level: {s.LevelDb} dB is more than the +12 dB a level change may add",
        SecondaryKind.Scte35 when s.Scte35 is null => "scte35: the splice (event id, out/in, duration) is missing",
        SecondaryKind.Device when string.IsNullOrWhiteSpace(s.Device) => "device: missing",
        SecondaryKind.Device when string.IsNullOrWhiteSpace(s.Command) => "command: missing",
        SecondaryKind.Device when devices is null || !devices.Has(s.Device!) => $"device: no device named {s.Device} is configured",
        _ when s.Layer < 0 => "layer: must not be negative",
        _ when s.Frames < 0 => "frames: must not be negative",
        _ => null,
    };
}
