namespace Playout.Engine.Alarms;

public enum AlarmSeverity
{
    Warning,
    Major,
    Critical,
}

/// <summary>An active condition an operator must see: what (<see cref="Source"/>), how bad, why, since when.</summary>
/// <param name="Source">Stable key of the condition, e.g. "channel 1/clock" or "channel 1/layer 10/producer"; raising it again updates it.</param>
public sealed record Alarm(string Source, AlarmSeverity Severity, string Message, DateTimeOffset RaisedAt);
