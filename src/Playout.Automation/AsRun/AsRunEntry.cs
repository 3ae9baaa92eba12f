namespace Playout.Automation.AsRun;

/// <summary>
/// One line of a channel's as-run log: what was planned and what actually went to air. Times are given as wall
/// clock (UTC instants), time-of-day timecode and channel tick; durations as timecode and frames.
/// </summary>
public sealed record AsRunEntry(
    string Channel,
    DateOnly Day,
    string Key,
    string EventId,
    string Title,
    string Kind,
    string? Source,
    AsRunStatus Status,
    string? Reason,
    long? PlannedTick,
    DateTimeOffset? PlannedStart,
    string? PlannedTimecode,
    long PlannedFrames,
    long? ActualTick,
    DateTimeOffset? ActualStart,
    string? ActualTimecode,
    long ActualFrames,
    string ActualDuration);
