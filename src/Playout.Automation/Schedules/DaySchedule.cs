namespace Playout.Automation.Schedules;

/// <summary>One broadcast day's primary events, in running order. The day starts at the channel's day start on <paramref name="Date"/>.</summary>
public sealed record DaySchedule(DateOnly Date, IReadOnlyList<PrimaryEvent> Events);
