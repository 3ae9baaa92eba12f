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
                if (!imported.Clean)
                    continue;
                foreach (var problem in ScheduleValidator.Check(e, devices ?? UncheckedDevices.Instance, inBlock: false, sources))
                    problems.Error(imported.At, problem);
            }
        }
    }

    private static string Where(SourceSpot at) => at.Line is int line ? $"on line {line}" : $"at {at.Element}";
}
