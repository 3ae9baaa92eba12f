using Playout.Automation.Runtime;
using Playout.Automation.Schedules;

namespace Playout.Automation.Imports;

/// <summary>
/// The model checks of an imported file: <see cref="ScheduleValidator.Check"/> on every event that mapped cleanly,
/// and unique ids within a day, each reported at the event's place in the file.
/// </summary>
internal static class ImportValidation
{
    public static void Check(ImportedDays days, IDeviceCommands? devices, SourceRules? sources, ImportProblems problems)
    {
        if (days.Days.Count > ScheduleLimits.DaysPerSchedule)
            problems.Error(days.Days[ScheduleLimits.DaysPerSchedule].At, $"more than the {ScheduleLimits.DaysPerSchedule} days a schedule may hold", field: "date");
        foreach (var day in days.Days)
        {
            if (day.Events.Count > ScheduleLimits.EventsPerDay)
                problems.Error(day.Events[ScheduleLimits.EventsPerDay].At, $"more than the {ScheduleLimits.EventsPerDay} events a day may hold ({day.Date:yyyy-MM-dd})");
            var first = new Dictionary<string, ImportedEvent>(StringComparer.Ordinal);
            foreach (var imported in day.Events)
            {
                var e = imported.Event;
                if (!first.TryAdd(e.Id, imported))
                    problems.Error(imported.At, $"id used twice in {day.Date:yyyy-MM-dd} (first {Where(first[e.Id].At)})", e.Id, "id");
                Check(imported, devices, sources, problems);
            }
        }
    }

    /// <summary>The validator's checks of one top-level event that mapped cleanly, each reported where the file sets the field.</summary>
    public static void Check(ImportedEvent imported, IDeviceCommands? devices, SourceRules? sources, ImportProblems problems)
    {
        if (!imported.Clean)
            return;
        foreach (var problem in ScheduleValidator.Check(imported.Event, devices ?? UncheckedDevices.Instance, inBlock: false, sources))
            Report(imported, problem, problems);
    }

    /// <summary>
    /// A problem the validator words "event ID: field: what is wrong" about a field the event sets is reported where the
    /// file sets it, naming the event and the field; any other (a missing field, a child's, a secondary's) at the event.
    /// </summary>
    private static void Report(ImportedEvent imported, string problem, ImportProblems problems)
    {
        string prefix = $"event {imported.Event.Id}: ";
        int end = problem.StartsWith(prefix, StringComparison.Ordinal) ? problem.IndexOf(": ", prefix.Length, StringComparison.Ordinal) : -1;
        if (end > 0 && imported.Fields.TryGetValue(problem[prefix.Length..end], out var field))
            problems.Error(field.At, problem[(end + 2)..], imported.Event.Id, field.Label);
        else
            problems.Error(imported.At, problem);
    }

    private static string Where(SourceSpot at) => at.Line is int line ? $"on line {line}" : $"at {at.Element}";
}
