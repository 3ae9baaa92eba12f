namespace Playout.Automation.Imports;

/// <summary>
/// A traffic system's CSV log: a header row naming the columns (case, spaces, '_' and '-' ignored; aliases in
/// docs/SCHEDULE-FORMAT.md), then one event a row. Rows become the import tree's events, so the native schema's
/// field rules apply; rows of one date make a day.
/// </summary>
internal static class CsvScheduleReader
{
    /// <summary>Header spelling (squashed) → schema field.</summary>
    private static readonly Dictionary<string, string> Columns = Aliases(
        ("date", ["date", "airdate", "broadcastdate", "day", "txdate"]),
        ("start", ["start", "starttime", "time", "airtime", "scheduledtime", "txtime"]),
        ("id", ["id", "eventid", "event", "eventno", "eventnumber"]),
        ("title", ["title", "name", "programme", "program", "description"]),
        ("source", ["source", "file", "filename", "housenumber", "houseno", "houseid", "materialid", "mediaid", "clip"]),
        ("duration", ["duration", "length", "dur"]),
        ("kind", ["type", "kind", "eventtype"]),
        ("timing", ["timing", "startmode"]),
        ("in", ["in", "som", "inpoint", "tcin"]),
        ("out", ["out", "eom", "outpoint", "tcout"]));

    public static ImportedDays Read(string text, EventMapper mapper, ImportProblems problems)
    {
        var days = new ImportedDays();
        if (CsvTable.Read(text, problems) is not { Count: > 0 } rows)
        {
            if (problems.ErrorCount == 0)
                problems.Error(SourceSpot.WholeFile, "the file is empty (expected a header row, then one event a row)");
            return days;
        }
        var header = Header(rows[0], problems);
        if (header is null)
            return days;
        foreach (var row in rows.Skip(1))
        {
            var (node, dateCell) = Row(row, header, problems);
            var imported = mapper.Map(node);
            if (dateCell is null)
            {
                problems.Error(node.At, "missing", imported?.Event.Id, header.Find(c => c.Key == "date")!.Label);
                continue;
            }
            var (date, error) = DateText.Parse(dateCell.Text!);
            if (error is not null)
                problems.Error(dateCell.At, error, imported?.Event.Id, header.Find(c => c.Key == "date")!.Label);
            else if (imported is not null)
                days.Day(date, node.At).Events.Add(imported);
        }
        return days;
    }

    private sealed record Column(string Key, string Label);

    /// <summary>Each column's schema field; null after reporting an unknown or repeated column, or a missing date or id column.</summary>
    private static List<Column>? Header(CsvRow row, ImportProblems problems)
    {
        int before = problems.ErrorCount;
        var columns = new List<Column>();
        for (int i = 0; i < row.Cells.Count; i++)
        {
            var label = row.Cells[i].Trim();
            var at = new SourceSpot(row.Line, i + 1);
            if (!Columns.TryGetValue(Squash(label), out var key))
                problems.Error(at, $"unknown column; accepted: {string.Join(", ", Columns.Values.Distinct())} (aliases in docs/SCHEDULE-FORMAT.md)", field: label);
            else if (columns.Find(c => c.Key == key) is { } earlier)
                problems.Error(at, $"names the same field ({key}) as column \"{earlier.Label}\"", field: label);
            columns.Add(new Column(key ?? "", label));
        }
        foreach (var required in new[] { "date", "id" })
        {
            if (!columns.Exists(c => c.Key == required))
                problems.Error(new SourceSpot(row.Line), "the header has no such column", field: required);
        }
        return problems.ErrorCount == before ? columns : null;
    }

    /// <summary>The row's event fields, and its date cell (the day it belongs to, not a field of the event).</summary>
    private static (MapNode Event, ScalarNode? Date) Row(CsvRow row, List<Column> columns, ImportProblems problems)
    {
        if (row.Cells.Count > columns.Count)
            problems.Error(new SourceSpot(row.Line, columns.Count + 1), $"{row.Cells.Count} cells, but the header has {columns.Count} columns");
        var entries = new List<MapEntry>();
        ScalarNode? date = null;
        for (int i = 0; i < Math.Min(row.Cells.Count, columns.Count); i++)
        {
            var text = row.Cells[i].Trim();
            var at = new SourceSpot(row.Line, i + 1);
            // Empty cells are absent fields: an empty start means the event follows.
            if (text.Length == 0)
                continue;
            if (columns[i].Key == "date")
                date = new ScalarNode(at, text);
            else
                entries.Add(new MapEntry(columns[i].Key, columns[i].Label, at, new ScalarNode(at, text)));
        }
        // A traffic log's rows are clips unless a type column says otherwise.
        var lineStart = new SourceSpot(row.Line, 1);
        if (!entries.Exists(e => e.Key == "kind"))
            entries.Add(new MapEntry("kind", lineStart, new ScalarNode(lineStart, "clip")));
        return (new MapNode(lineStart, entries), date);
    }

    private static string Squash(string header) =>
        new(header.Where(c => c is not (' ' or '_' or '-' or '.')).Select(char.ToLowerInvariant).ToArray());

    private static Dictionary<string, string> Aliases(params (string Key, string[] Names)[] fields) =>
        fields.SelectMany(f => f.Names.Select(n => (n, f.Key))).ToDictionary(p => p.n, p => p.Key, StringComparer.Ordinal);
}
