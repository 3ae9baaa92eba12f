using Playout.Automation.Schedules;

namespace Playout.Automation.Imports;

/// <summary>An event as read from a file: where it starts, where each of its fields is, and whether they mapped without error.</summary>
/// <param name="Fields">Schema key → what the file calls the field and where its value is, for the model checks' errors.</param>
/// <param name="Clean">False when a field was reported; the model checks then wait until it is fixed (they would repeat it).</param>
internal sealed record ImportedEvent(PrimaryEvent Event, SourceSpot At, IReadOnlyDictionary<string, (string Label, SourceSpot At)> Fields, bool Clean);

/// <summary>One day as read from a file.</summary>
internal sealed record ImportedDay(DateOnly Date, SourceSpot At, List<ImportedEvent> Events)
{
    public DaySchedule ToSchedule() => new(Date, Events.Select(e => e.Event).ToList());
}

/// <summary>The days of a file in the order they first appear; rows or events of one date join that day.</summary>
internal sealed class ImportedDays
{
    private readonly List<ImportedDay> _days = [];

    public IReadOnlyList<ImportedDay> Days => _days;

    public ImportedDay? Find(DateOnly date) => _days.Find(d => d.Date == date);

    /// <summary>The day of this date, begun at <paramref name="at"/> if it is new.</summary>
    public ImportedDay Day(DateOnly date, SourceSpot at)
    {
        if (Find(date) is { } day)
            return day;
        day = new ImportedDay(date, at, []);
        _days.Add(day);
        return day;
    }
}
