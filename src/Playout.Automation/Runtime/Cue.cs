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

    /// <summary>Queued secondary events by their index in the event; applied ones stay, so a re-time never sends one twice.</summary>
    public Dictionary<int, CueState> Secondaries { get; } = [];

    /// <summary>Withdraws the queued secondary events that have not applied yet.</summary>
    public void WithdrawSecondaries()
    {
        foreach (var (index, secondary) in Secondaries.ToList())
        {
            if (secondary.Withdraw())
                Secondaries.Remove(index);
        }
    }

    /// <summary>SCTE-35 cues already handed to the outputs, by index in the event.</summary>
    public HashSet<int> SentScte35 { get; } = [];

}
