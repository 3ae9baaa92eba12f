namespace Playout.Automation.Schedules;

/// <summary>Which edge of its primary event a secondary event's offset counts from.</summary>
public enum EventAnchor
{
    Start,
    End,
}
