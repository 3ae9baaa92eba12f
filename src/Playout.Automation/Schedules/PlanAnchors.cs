using System.Collections.Immutable;

namespace Playout.Automation.Schedules;

/// <summary>
/// What has happened on air that the schedule alone does not say: the tick each item actually started (or an
/// operator took it), the tick each came off air, items dropped from the running order (with the reason), and an item
/// held on air. The planner honours them over the schedule's own timing: what has aired stays where it aired.
/// </summary>
/// <param name="Starts">Actual (or taken) starts by item key.</param>
/// <param name="Skipped">Items that get no air time whatever the schedule says, with why: skipped by an operator, not taken, missed.</param>
/// <param name="Held">The item held on air (open-ended) while it is on air.</param>
/// <param name="Ends">Items that have come off air, by the tick they came off: they never extend or air again.</param>
public sealed record PlanAnchors(
    ImmutableDictionary<string, long> Starts,
    ImmutableDictionary<string, string> Skipped,
    string? Held,
    ImmutableDictionary<string, long> Ends)
{
    public static PlanAnchors None { get; } = new(ImmutableDictionary<string, long>.Empty, ImmutableDictionary<string, string>.Empty, null,
        ImmutableDictionary<string, long>.Empty);
}
