namespace Playout.Automation.AsRun;

/// <summary>
/// One line of a channel's as-run log: what was planned and what actually went to air. Times are given as wall
/// clock (UTC instants), time-of-day timecode and channel tick; durations as timecode and frames. Each item has one
/// entry with one final status, except an item on air across a restart of the service: its second part is a
/// <paramref name="Continued"/> entry of the same key.
/// </summary>
/// <param name="Actions">Operators' actions on the item, who and when ("held by alice at 20:46:10:00"), or null.</param>
/// <param name="Continued">The item was on air when the service stopped, and this is the rest of it after the restart.</param>
/// <param name="Loudness">On an item's loudness note (status probe, kind loudness): its integrated loudness as it aired, LUFS.</param>
/// <param name="TruePeak">On an item's loudness note: its highest true peak as it aired, dBTP.</param>
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
    string ActualDuration,
    string? Actions = null,
    bool Continued = false,
    double? Loudness = null,
    double? TruePeak = null);
