namespace Playout.Automation.Schedules;

/// <summary>How a channel's schedule maps onto its day and its stage.</summary>
/// <param name="DayStart">When a broadcast day begins (local time); a fixed time before it falls on the next calendar morning.</param>
/// <param name="TimeZone">The time zone the schedule's times of day are in (DST-aware).</param>
/// <param name="ProgrammeLayer">The layer primary events play on.</param>
/// <param name="GraphicsLayer">The default layer of logo and graphics secondary events.</param>
/// <param name="Filler">What fills gaps and holds: a colour, "bars", or a still picture's path.</param>
/// <param name="Lookahead">How far ahead events are cued (secondary events queued, SCTE-35 sent); producers open within the shorter pre-roll window.</param>
/// <param name="EndWarning">How long before the schedule runs out an alarm warns of it (zero: no warning).</param>
public sealed record ScheduleSettings(
    TimeSpan DayStart,
    TimeZoneInfo TimeZone,
    int ProgrammeLayer = 10,
    int GraphicsLayer = 20,
    string Filler = "black",
    TimeSpan? Lookahead = null,
    TimeSpan? EndWarning = null)
{
    public static ScheduleSettings Default { get; } = new(TimeSpan.FromHours(6), TimeZoneInfo.Utc);

    /// <summary>Cueing window; at least the SCTE-35 pre-roll.</summary>
    public TimeSpan CueAhead => Lookahead ?? TimeSpan.FromSeconds(8);

    /// <summary>The end-of-schedule warning window, at most <see cref="MaxEndWarning"/> (the running plan must cover it).</summary>
    public TimeSpan EndWarningWindow => EndWarning is { } window ? (window < MaxEndWarning ? window : MaxEndWarning) : TimeSpan.FromMinutes(30);

    /// <summary>The longest end-of-schedule warning window (the running plan is laid out six hours ahead).</summary>
    public static readonly TimeSpan MaxEndWarning = TimeSpan.FromHours(5);
}
