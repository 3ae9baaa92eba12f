using Playout.Automation.Schedules;

namespace Playout.Server.Hosting;

/// <summary>A channel run from a schedule (docs/AUTOMATION.md). Paths are relative to the configuration file.</summary>
public sealed record AutomationConfig
{
    /// <summary>A schedule file (YAML, JSON, CSV traffic log, BXF) loaded at start when the channel has no saved schedule yet.</summary>
    public string? Schedule { get; init; }

    /// <summary>A schedule file whose (first) day is the default day: it plays on every day that has no schedule of its own.</summary>
    public string? Template { get; init; }

    /// <summary>The time zone of the schedule's times of day (IANA name, e.g. "Asia/Ho_Chi_Minh").</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>When the broadcast day starts, local time (HH:MM[:SS]).</summary>
    public string DayStart { get; init; } = "06:00";

    /// <summary>The layer primary events play on, and the default layer of logos and graphics.</summary>
    public int Layer { get; init; } = 10;
    public int GraphicsLayer { get; init; } = 20;

    /// <summary>How far ahead events are pre-rolled (and SCTE-35 sent).</summary>
    public double LookaheadSeconds { get; init; } = 8;

    /// <summary>How many minutes before the schedule runs out an alarm warns of it (0: no warning; filler on air with nothing next always alarms).</summary>
    public double EndWarningMinutes { get; init; } = 30;

    /// <summary>
    /// The silence failover: a folder of media (or one file) in the media folder played, looping in name order, over a
    /// programme silent for the silence probe's time, until the next item goes to air (docs/RADIO.md). Null: none.
    /// </summary>
    public string? Fallback { get; init; }

    internal TimeSpan EndWarning => TimeSpan.FromMinutes(EndWarningMinutes);

    internal TimeZoneInfo Zone(string where) =>
        ZoneProblem() is { } problem ? throw new ConfigException($"{where}.timeZone: {problem}") : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    internal TimeSpan DayStartTime(string where) =>
        DayStartProblem() is { } problem ? throw new ConfigException($"{where}.dayStart: {problem}") : TimeSpan.Parse(DayStart, System.Globalization.CultureInfo.InvariantCulture);

    private string? ZoneProblem() => ZoneProblem(TimeZone);

    /// <summary>Why <paramref name="zone"/> is no time zone this machine knows, or null.</summary>
    internal static string? ZoneProblem(string zone) => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)
        ? null : $"unknown time zone '{zone}' (an IANA name such as Europe/London)";

    private string? DayStartProblem() =>
        TimeSpan.TryParse(DayStart, System.Globalization.CultureInfo.InvariantCulture, out var time) && time >= TimeSpan.Zero && time < TimeSpan.FromDays(1)
            ? null : $"'{DayStart}' is not a time of day (HH:MM or HH:MM:SS)";

    internal void Validate(string where, ConfigProblems problems)
    {
        if (ZoneProblem() is { } zone)
            problems.Add($"{where}.timeZone", zone);
        if (DayStartProblem() is { } dayStart)
            problems.Add($"{where}.dayStart", dayStart);
        if (Layer < 0 || GraphicsLayer < 0)
            problems.Add(where, "layers must not be negative");
        if (LookaheadSeconds is < 1 or > 600)
            problems.Add($"{where}.lookaheadSeconds", $"between 1 and 600 seconds; got {LookaheadSeconds}");
        if (!(EndWarningMinutes >= 0 && EndWarningMinutes <= ScheduleSettings.MaxEndWarning.TotalMinutes))
            problems.Add($"{where}.endWarningMinutes", $"{EndWarningMinutes} is not a number of minutes from 0 to {ScheduleSettings.MaxEndWarning.TotalMinutes}");
    }
}
