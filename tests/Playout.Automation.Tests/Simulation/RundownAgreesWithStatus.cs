using Playout.Automation.AsRun;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// The rundown an operator's panel shows agrees with the automation: one item on air, the status's; the played ones before
/// it, none after; and nothing shown ahead of air that the as-run log has already given its final entry (aired, skipped).
/// Checked at each step that acted, and after cuts at most once a simulated minute (<see cref="SimState.Rundown"/>).
/// </summary>
internal sealed class RundownAgreesWithStatus : ISimInvariant
{
    public string Name => "the rundown agrees with the status and the as-run log";

    public SimFailure? Check(SimState state)
    {
        if (state.Rundown is not { } rundown)
            return null;
        var onAir = rundown.Items.Where(i => i.State == "onair").ToList();
        string? expected = state.Status.OnAir?.Key;
        if (onAir.Count != (expected is null ? 0 : 1) || expected is not null && onAir[0].Key != expected)
            return new SimFailure(Name, expected ?? "-", $"the rundown shows {onAir.Count} item(s) on air ({string.Join(", ", onAir.Select(i => i.Key))}) at {state.When(state.Now)}", []);
        int at = rundown.Items.ToList().FindIndex(i => i.State == "onair");
        if (at >= 0 && rundown.Items.Skip(at + 1).FirstOrDefault(i => i.State == "played") is { } late)
            return new SimFailure(Name, late.Key, $"a played item is shown after the one on air at {state.When(state.Now)}", []);
        var final = state.AsRun.Where(e => e.Status is AsRunStatus.Played or AsRunStatus.Truncated or AsRunStatus.Skipped or AsRunStatus.Failed
            && e.Reason != "the service stopped").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        if (rundown.Items.FirstOrDefault(i => i.State is "ready" or "cued" or "missing" && final.Contains(i.Key)) is { } again)
            return new SimFailure(Name, again.Key, $"shown {again.State} at {state.When(state.Now)} though its as-run entry is final",
                [.. state.EntriesOf(again.Key)]);
        return null;
    }
}
