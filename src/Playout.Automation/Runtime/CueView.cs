namespace Playout.Automation.Runtime;

/// <summary>What the rundown shows of a cue: whether its producer is pre-rolled, and which of its secondary events are queued or done.</summary>
/// <param name="Secondaries">By index in the event: true once applied, false while queued.</param>
internal sealed record CueView(bool PreRolled, IReadOnlyDictionary<int, bool> Secondaries)
{
    public static CueView Of(Cue cue) =>
        new(cue.Producer is not null, cue.Secondaries.ToDictionary(s => s.Key, s => s.Value.HasApplied));
}
