namespace Playout.Automation.Imports;

/// <summary>
/// One problem in an imported file, located as precisely as its format allows, e.g.
/// <c>schedule.yaml, line 14, column 15, event "news", field duration: "1:00:xx" is not a duration</c>.
/// </summary>
/// <param name="File">The file's name as the caller gave it (a path, or an upload's name).</param>
/// <param name="Message">What is wrong, and where it helps, what is expected.</param>
/// <param name="Line">1-based line; null when the problem is the file as a whole.</param>
/// <param name="Column">1-based column, where the format knows it (YAML, JSON).</param>
/// <param name="Element">The XML element path (BXF), e.g. "BxfMessage/BxfData/Schedule/ScheduledEvent[3]/EventData".</param>
/// <param name="Event">The id of the event the problem is in, when known.</param>
/// <param name="Field">The field at fault: a schema key, a CSV column as the header writes it, or an XML element.</param>
public sealed record ImportError(
    string File,
    string Message,
    int? Line = null,
    int? Column = null,
    string? Element = null,
    string? Event = null,
    string? Field = null)
{
    public override string ToString()
    {
        var parts = new List<string> { File };
        if (Element is not null)
            parts.Add(Element);
        if (Line is int line)
            parts.Add(Column is int column ? $"line {line}, column {column}" : $"line {line}");
        if (Event is not null)
            parts.Add($"event \"{Event}\"");
        if (Field is not null)
            parts.Add($"field {Field}");
        return $"{string.Join(", ", parts)}: {Message}";
    }
}
