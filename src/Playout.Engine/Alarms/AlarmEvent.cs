namespace Playout.Engine.Alarms;

public enum AlarmEventKind
{
    Raised,
    Cleared,
    Acknowledged,
}

/// <summary>A change of an alarm, as its observers (log journal, as-run, SNMP traps, event streams) get it; <see cref="Alarm"/> is its state after the change.</summary>
public sealed record AlarmEvent(AlarmEventKind Kind, Alarm Alarm);
