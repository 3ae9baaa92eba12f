using Playout.Automation.Schedules;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>
/// An item the automation has pre-rolled: its producer, opened (and decoding) ahead of air, and the commands queued
/// for it — the cut to air at its start tick and its secondary events. Until the cut applies the automation owns
/// the producer and can re-time or withdraw everything.
/// </summary>
internal sealed class Cue(PlannedItem item, Producer producer)
{
    public PlannedItem Item { get; set; } = item;
    public Producer Producer { get; } = producer;

    /// <summary>The cut to air (null while the item waits untimed for an operator's take).</summary>
    public CueState? Take { get; set; }
    public Task<long>? TakeApplied { get; set; }
    public long TakeTick { get; set; }

    public List<CueState> Secondaries { get; } = [];

    /// <summary>SCTE-35 cues already handed to the outputs.</summary>
    public HashSet<SecondaryEvent> SentScte35 { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Withdraws the queued secondary events (those already applied stay done).</summary>
    public void WithdrawSecondaries()
    {
        foreach (var secondary in Secondaries)
            secondary.Withdraw();
        Secondaries.Clear();
    }
}
