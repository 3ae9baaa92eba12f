using System.Text.Json;

namespace Playout.Automation.Schedules;

/// <summary>
/// Whether two events are the same in every field, nested secondaries and children included (records compare
/// lists by reference, and an edit or an import builds new lists for unchanged events).
/// </summary>
public static class EventEquality
{
    public static bool Same(PrimaryEvent a, PrimaryEvent b) =>
        ReferenceEquals(a, b) || JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
