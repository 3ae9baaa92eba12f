namespace Playout.Automation.Schedules;

/// <summary>The live edits: each makes a new schedule (or throws <see cref="ScheduleEditException"/> naming what is wrong).</summary>
public static class ScheduleEdits
{
    /// <summary>Inserts <paramref name="e"/> into day <paramref name="date"/> after event <paramref name="afterId"/> (null: first).</summary>
    public static ChannelSchedule Insert(ChannelSchedule schedule, DateOnly date, PrimaryEvent e, string? afterId)
    {
        var events = Events(schedule, date);
        if (events.Any(x => x.Id == e.Id))
            throw new ScheduleEditException($"{date:yyyy-MM-dd} already has an event {e.Id}");
        events.Insert(afterId is null ? 0 : IndexOf(events, date, afterId) + 1, e);
        return schedule.With(new DaySchedule(date, events));
    }

    /// <summary>Moves event <paramref name="id"/> to just after <paramref name="afterId"/> (null: first) in the same day.</summary>
    public static ChannelSchedule Move(ChannelSchedule schedule, DateOnly date, string id, string? afterId)
    {
        var events = Events(schedule, date);
        var e = events[IndexOf(events, date, id)];
        events.Remove(e);
        events.Insert(afterId is null ? 0 : IndexOf(events, date, afterId) + 1, e);
        return schedule.With(new DaySchedule(date, events));
    }

    public static ChannelSchedule Delete(ChannelSchedule schedule, DateOnly date, string id)
    {
        var events = Events(schedule, date);
        events.RemoveAt(IndexOf(events, date, id));
        return schedule.With(new DaySchedule(date, events));
    }

    /// <summary>Replaces event <paramref name="id"/> with <paramref name="e"/> (which may carry a new id).</summary>
    public static ChannelSchedule Replace(ChannelSchedule schedule, DateOnly date, string id, PrimaryEvent e)
    {
        var events = Events(schedule, date);
        int index = IndexOf(events, date, id);
        if (e.Id != id && events.Any(x => x.Id == e.Id))
            throw new ScheduleEditException($"{date:yyyy-MM-dd} already has an event {e.Id}");
        events[index] = e;
        return schedule.With(new DaySchedule(date, events));
    }

    /// <summary>The day's events to edit: its own, or the default day's when it has none (editing such a day gives it a schedule of its own).</summary>
    private static List<PrimaryEvent> Events(ChannelSchedule schedule, DateOnly date) => [.. schedule.DayOrTemplate(date)?.Events ?? []];

    private static int IndexOf(List<PrimaryEvent> events, DateOnly date, string id)
    {
        int index = events.FindIndex(x => x.Id == id);
        return index >= 0 ? index : throw new ScheduleEditException($"{date:yyyy-MM-dd} has no event {id}");
    }
}
