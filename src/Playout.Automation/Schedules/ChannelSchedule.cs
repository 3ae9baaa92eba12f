using System.Collections.Immutable;

namespace Playout.Automation.Schedules;

/// <summary>
/// A channel's schedule: one <see cref="DaySchedule"/> per broadcast day. Immutable: an edit makes a new
/// schedule with a higher <see cref="Version"/>, and the automation swaps it in whole, so a reader (the
/// automation, a script, the REST API) never sees half an edit.
/// </summary>
public sealed class ChannelSchedule
{
    private ChannelSchedule(ImmutableSortedDictionary<DateOnly, DaySchedule> days, long version)
    {
        Days = days;
        Version = version;
    }

    public static ChannelSchedule Empty { get; } = new(ImmutableSortedDictionary<DateOnly, DaySchedule>.Empty, 0);

    public ImmutableSortedDictionary<DateOnly, DaySchedule> Days { get; }
    public long Version { get; }

    public DaySchedule? this[DateOnly date] => Days.GetValueOrDefault(date);

    /// <summary>This schedule with <paramref name="day"/> added or replacing the day of the same date.</summary>
    public ChannelSchedule With(DaySchedule day) => new(Days.SetItem(day.Date, day), Version + 1);

    /// <summary>This schedule with every day of <paramref name="days"/> added or replaced.</summary>
    public ChannelSchedule With(IEnumerable<DaySchedule> days) => new(Days.SetItems(days.Select(d => KeyValuePair.Create(d.Date, d))), Version + 1);

    public ChannelSchedule Without(DateOnly date) => new(Days.Remove(date), Version + 1);

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
