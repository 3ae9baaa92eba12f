using System.Runtime.CompilerServices;
using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Media.Formats;

namespace Playout.Automation.Tests.Imports;

internal static class ImportTestSupport
{
    public static ScheduleImportResult Import(string fileName, string text, Rational? rate = null) =>
        ScheduleImporter.Import(fileName, text, new ScheduleImportOptions(rate ?? new Rational(25)));

    public static ScheduleImportResult Sample(string name) =>
        ScheduleImporter.Load(SamplePath(name), new ScheduleImportOptions(new Rational(25)));

    public static PrimaryEvent Event(ScheduleImportResult result, string id) => result.Days.Single().Events.Single(e => e.Id == id);

    /// <summary>A sample from configs/schedules, found from this source file (test binaries may be built outside the repository).</summary>
    public static string SamplePath(string name, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "configs", "schedules", name));

    /// <summary>The one error at <paramref name="line"/> naming <paramref name="field"/>; fails listing every error otherwise.</summary>
    public static ImportError ErrorAt(ScheduleImportResult result, int line, string? field, string messagePart)
    {
        Assert.False(result.Ok);
        Assert.Empty(result.Days);
        var matches = result.Errors.Where(e => e.Line == line && e.Field == field && e.Message.Contains(messagePart, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one error on line {line}, field {field}, containing '{messagePart}'; got:\n{string.Join("\n", result.Errors)}");
        return matches[0];
    }
}
