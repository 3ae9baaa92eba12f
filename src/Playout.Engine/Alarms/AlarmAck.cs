namespace Playout.Engine.Alarms;

/// <summary>An operator has seen an alarm: who, when, and what they said.</summary>
public sealed record AlarmAck(string Who, DateTimeOffset At, string? Comment);
