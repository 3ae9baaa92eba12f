using System.Globalization;
using System.Text;

namespace Playout.Automation.AsRun;

/// <summary>As-run entries as CSV (RFC 4180: comma-separated, quoted where needed, one header row).</summary>
public static class AsRunCsv
{
    private static readonly string[] Header =
    [
        "channel", "day", "event_id", "title", "kind", "source", "status", "reason",
        "planned_start_utc", "planned_timecode", "planned_frames", "actual_start_utc", "actual_timecode", "actual_frames", "actual_duration",
        "operator_actions", "continued", "loudness_lufs", "true_peak_dbtp",
    ];

    public static string Write(IEnumerable<AsRunEntry> entries)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var e in entries)
        {
            AppendRow(csv,
            [
                e.Channel, e.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.EventId, e.Title, e.Kind, e.Source,
                e.Status.ToString().ToLowerInvariant(), e.Reason,
                Instant(e.PlannedStart), e.PlannedTimecode, e.PlannedFrames.ToString(CultureInfo.InvariantCulture),
                Instant(e.ActualStart), e.ActualTimecode, e.ActualFrames.ToString(CultureInfo.InvariantCulture), e.ActualDuration,
                e.Actions, e.Continued ? "true" : "false", Figure(e.Loudness), Figure(e.TruePeak),
            ]);
        }
        return csv.ToString();
    }

    private static string? Figure(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);

    private static string? Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder csv, IReadOnlyList<string?> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                csv.Append(',');
            var field = fields[i] ?? "";
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                csv.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
            else
                csv.Append(field);
        }
        csv.Append("\r\n");
    }
}
