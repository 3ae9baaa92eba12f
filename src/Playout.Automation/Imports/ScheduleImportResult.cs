using Playout.Automation.Schedules;

namespace Playout.Automation.Imports;

/// <summary>
/// What an import gave: every day of the file, or, when anything in it is wrong, no day at all and the errors
/// (all-or-nothing, so loading an invalid file changes nothing on air).
/// </summary>
/// <param name="Days">The file's days in file order; empty whenever <see cref="Errors"/> is not.</param>
/// <param name="Errors">Every problem found, up to the options' cap.</param>
/// <param name="Warnings">What was read but left out (a BXF non-primary event the service cannot play); never a reason to refuse.</param>
/// <param name="ErrorsTruncated">More errors were found than <see cref="Errors"/> holds.</param>
public sealed record ScheduleImportResult(
    string File,
    IReadOnlyList<DaySchedule> Days,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ImportError> Warnings,
    bool ErrorsTruncated)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>Top-level events over all days (a block counts once).</summary>
    public int EventCount => Days.Sum(d => d.Events.Count);
}
