namespace Playout.Automation.Schedules;

/// <summary>
/// The largest values a schedule may hold (docs/SCHEDULE-FORMAT.md, "Limits"): far above any real schedule, low
/// enough that a runaway or hostile file cannot fill the status page, the as-run log or memory.
/// </summary>
public static class ScheduleLimits
{
    public const int IdLength = 128;
    public const int TitleLength = 512;
    public const int SourceLength = 2048;

    /// <summary>A device's and a device command's name, and an argument's name.</summary>
    public const int NameLength = 128;

    /// <summary>A device command argument's value.</summary>
    public const int ValueLength = 2048;

    /// <summary>Top-level events in a day (a day of 5-second spots is 17,280).</summary>
    public const int EventsPerDay = 20_000;

    public const int ChildrenPerBlock = 1_000;
    public const int SecondariesPerEvent = 100;
    public const int ArgumentsPerCommand = 32;
    public const int DaysPerSchedule = 400;
}
