namespace Playout.Automation.Schedules;

/// <summary>An edit that cannot be made as asked (an event id that is not in the day, an index out of range).</summary>
public sealed class ScheduleEditException(string message) : Exception(message);
