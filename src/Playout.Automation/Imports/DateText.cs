using System.Globalization;

namespace Playout.Automation.Imports;

/// <summary>Reads a broadcast date: ISO "2026-11-25", or "20261125" as traffic systems often write it.</summary>
internal static class DateText
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyyMMdd"];

    public static (DateOnly Value, string? Error) Parse(string text) =>
        DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (default, $"\"{text}\" is not a date (expected YYYY-MM-DD)");
}
