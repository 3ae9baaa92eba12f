using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>
/// An operator's insert while a block is on air: <see cref="Item"/> (an item of its own, not in the schedule) shows alone
/// from tick <see cref="Start"/> until <see cref="End"/>, while the block runs on underneath; <see cref="Who"/> asked for it.
/// </summary>
internal sealed record BreakIn(PlannedItem Item, long Start, long End, string Block, string Who);
