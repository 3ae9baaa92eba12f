using System.Collections.Immutable;

namespace Playout.Automation.Schedules;

/// <summary>
/// A channel's schedule: one <see cref="DaySchedule"/> per broadcast day. Immutable: an edit makes a new
/// schedule with a higher <see cref="Version"/>, and the automation swaps it in whole, so a reader (the
/// automation, a script, the REST API) never sees half an edit.
/// </summary>
public sealed class ChannelSchedule
{
    private ChannelSchedule(ImmutableSortedDictionary<DateOnly, DaySchedule> days, IReadOnlyList<PrimaryEvent>? template, long version)
    {
        Days = days;
        Template = template;
        Version = version;
    }

    public static ChannelSchedule Empty { get; } = new(ImmutableSortedDictionary<DateOnly, DaySchedule>.Empty, null, 0);

    public ImmutableSortedDictionary<DateOnly, DaySchedule> Days { get; }

    /// <summary>The default day: the events of every day that has no schedule of its own (null: such days are empty).</summary>
    public IReadOnlyList<PrimaryEvent>? Template { get; }

    public long Version { get; }

    /// <summary>The day's own schedule, or null.</summary>
    public DaySchedule? this[DateOnly date] => Days.GetValueOrDefault(date);

    /// <summary>What plays on <paramref name="date"/>: its own schedule, else the template, else nothing.</summary>
    public DaySchedule? DayOrTemplate(DateOnly date) => this[date] ?? (Template is { } events ? new DaySchedule(date, events) : null);

    /// <summary>This schedule with <paramref name="day"/> added or replacing the day of the same date.</summary>
    public ChannelSchedule With(DaySchedule day) => new(Days.SetItem(day.Date, day), Template, Version + 1);

    /// <summary>This schedule with every day of <paramref name="days"/> added or replaced.</summary>
    public ChannelSchedule With(IEnumerable<DaySchedule> days) =>
        new(Days.SetItems(days.Select(d => KeyValuePair.Create(d.Date, d))), Template, Version + 1);

    public ChannelSchedule Without(DateOnly date) => new(Days.Remove(date), Template, Version + 1);

    /// <summary>This schedule with <paramref name="events"/> as the default day (null: none).</summary>
    public ChannelSchedule WithTemplate(IReadOnlyList<PrimaryEvent>? events) => new(Days, events, Version + 1);

    /// <summary>
    /// This schedule numbered as a saved one was (<paramref name="version"/>), so versions only grow across restarts;
    /// never lower than its own.
    /// </summary>
    public ChannelSchedule Resumed(long version) => new(Days, Template, Math.Max(version, Version));

    /// <summary>Where the event with this id is: its day and index, or null.</summary>
    public (DaySchedule Day, int Index)? Find(string id)
    {
        foreach (var day in Days.Values)
        {
            for (int i = 0; i < day.Events.Count; i++)
            {
                if (day.Events[i].Id == id)
                    return (day, i);
            }
        }
        return null;
    }
}
