using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>The item on air: when it actually went, its cue (producer, secondaries), and the first failure its producer reported there.</summary>
internal sealed record OnAirItem(PlannedItem Item, long Tick, Cue Cue)
{
    public string? Failure { get; set; }
}
