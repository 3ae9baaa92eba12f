namespace Playout.Automation.Schedules;

/// <summary>How a primary event's start is decided.</summary>
public enum TimingMode
{
    /// <summary>Straight after the event before it.</summary>
    Follow,

    /// <summary>A hard start at a time of day (wall clock or time-of-day timecode), frame-exact; cuts an overrunning event before it.</summary>
    Fixed,

    /// <summary>Cued, then held until an operator takes it.</summary>
    Manual,
}
