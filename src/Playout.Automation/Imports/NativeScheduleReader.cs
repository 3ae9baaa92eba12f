namespace Playout.Automation.Imports;

/// <summary>
/// The native schedule schema (docs/SCHEDULE-FORMAT.md), the same for YAML and JSON: the root is one day
/// (<c>date</c>, <c>events</c>) or <c>days</c>, a list of them.
/// </summary>
internal static class NativeScheduleReader
{
    private static readonly IReadOnlyList<string> RootKeys = ["days"];
    private static readonly IReadOnlyList<string> DayKeys = ["date", "events"];

    public static ImportedDays Read(ImportNode root, EventMapper mapper, ImportProblems problems)
    {
        var days = new ImportedDays();
        if (root is MapNode map && map.Entries.Any(e => e.Key == "days"))
        {
            var f = new FieldReader(map, RootKeys, problems);
            f.CheckKeys();
            foreach (var day in f.List("days") ?? [])
                ReadDay(day, days, mapper, problems);
        }
        else
            ReadDay(root, days, mapper, problems);
        return days;
    }

    private static void ReadDay(ImportNode node, ImportedDays days, EventMapper mapper, ImportProblems problems)
    {
        if (node is not MapNode map)
        {
            problems.Error(node.At, $"expected a day (a mapping with date and events), found {node.What}");
            return;
        }
        var f = new FieldReader(map, DayKeys, problems);
        f.CheckKeys();
        f.Require("date");
        f.Require("events");
        var date = f.Value("date", DateText.Parse);
        // Events are mapped even under a bad date, so their own errors are found in the same pass.
        var events = (f.List("events") ?? []).Select(mapper.Map).OfType<ImportedEvent>().ToList();
        if (date is not DateOnly d)
            return;
        if (days.Find(d) is { } earlier)
            problems.Error(map.At, $"day {d:yyyy-MM-dd} is given twice (first on line {earlier.At.Line})", field: "date");
        else
            days.Day(d, map.At).Events.AddRange(events);
    }
}
