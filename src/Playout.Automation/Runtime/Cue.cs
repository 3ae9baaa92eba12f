using Playout.Automation.Schedules;
using Playout.Engine.Channels;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>
/// An item the automation has cued: its secondary events queued (and their graphics opened), and once it is within
/// the pre-roll window its producer, opened (and decoding) ahead of air, with the cut to air queued for its start
/// tick. Until the cut applies the automation owns the producer and the graphics and can re-time or withdraw everything.
/// </summary>
internal sealed class Cue(PlannedItem item)
{
    public PlannedItem Item { get; set; } = item;

    /// <summary>The item's producer; null until it is pre-rolled.</summary>
    public Producer? Producer { get; set; }

    /// <summary>The tick the cut is wanted on (null while the item waits untimed for an operator's take).</summary>
    public long? TakeAt { get; set; }

    /// <summary>The cut to air, once queued.</summary>
    public CueState? Take { get; set; }
    public Task<long>? TakeApplied { get; set; }
    public long TakeTick { get; set; }

    /// <summary>Graphics of the event's logo and graphics-take secondaries, by index in the event; null until opened.</summary>
    public IReadOnlyDictionary<int, Producer>? Graphics { get; set; }

    /// <summary>Queued secondary events by their index in the event; applied ones stay, so a re-time never sends one twice.</summary>
    public Dictionary<int, CueState> Secondaries { get; } = [];

    /// <summary>SCTE-35 cues already handed to the outputs, by index in the event.</summary>
    public HashSet<int> SentScte35 { get; } = [];

    /// <summary>Whether the cut has gone to air.</summary>
    public bool HasAired => TakeApplied is { IsCompletedSuccessfully: true } && Take!.HasApplied;

    /// <summary>Withdraws the queued secondary events that have not applied yet.</summary>
    public void WithdrawSecondaries()
    {
        foreach (var (index, secondary) in Secondaries.ToList())
        {
            if (secondary.Withdraw())
                Secondaries.Remove(index);
        }
    }

    /// <summary>Withdraws the cut and the secondaries; false (nothing withdrawn) when the cut has already applied.</summary>
    public bool Withdraw()
    {
        if (Take is { } take && !take.Withdraw())
            return false;
        Take = null;
        TakeApplied = null;
        WithdrawSecondaries();
        return true;
    }

    /// <summary>Closes, off the tick, the producer and the graphics no applied command has handed to a layer.</summary>
    public void Close(OffTickWork background)
    {
        if (Producer is { } producer && Take?.HasApplied != true)
            background.Dispose(producer);
        Producer = null;
        foreach (var (index, graphic) in Graphics ?? new Dictionary<int, Producer>())
        {
            if (!(Secondaries.TryGetValue(index, out var state) && state.HasApplied))
                background.Dispose(graphic);
        }
        Graphics = null;
    }
}
