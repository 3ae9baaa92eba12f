using Playout.Automation.Schedules;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>The item on air: when it actually went, and the first failure its producer reported while there.</summary>
internal sealed record OnAirItem(PlannedItem Item, long Tick, Producer Producer)
{
    public string? Failure { get; set; }
}
