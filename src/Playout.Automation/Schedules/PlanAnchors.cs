using System.Collections.Immutable;

namespace Playout.Automation.Schedules;

/// <summary>
/// What has happened on air that the schedule alone does not say: the tick each item actually started (or an
/// operator took it), items an operator skipped, and an item held on air. The planner honours them over the
/// schedule's own timing.
/// </summary>
public sealed record PlanAnchors(
    ImmutableDictionary<string, long> Starts,
    ImmutableHashSet<string> Skipped,
    string? Held)
{
    public static PlanAnchors None { get; } = new(ImmutableDictionary<string, long>.Empty, ImmutableHashSet<string>.Empty, null);
}
