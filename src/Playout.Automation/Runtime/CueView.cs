namespace Playout.Automation.Runtime;

/// <summary>What the rundown shows of a cue: whether its producer is pre-rolled, and which of its secondary events are queued or done.</summary>
/// <param name="Secondaries">By index in the event: true once applied, false while queued.</param>
internal sealed record CueView(bool PreRolled, IReadOnlyDictionary<int, bool> Secondaries)
{
    private static readonly Dictionary<int, bool> NoSecondaries = [];
    private static readonly CueView Opened = new(true, NoSecondaries), Waiting = new(false, NoSecondaries);

    /// <summary>The view of <paramref name="cue"/>; made every pump step, so the common cue (no secondary queued) allocates nothing.</summary>
    public static CueView Of(Cue cue) => cue.Secondaries.Count == 0 ? cue.Producer is not null ? Opened : Waiting
        : new(cue.Producer is not null, cue.Secondaries.ToDictionary(s => s.Key, s => s.Value.HasApplied));
}
