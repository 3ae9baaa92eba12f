using Playout.Automation.AsRun;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// An item's as-run entry is final: once logged skipped it is never logged again (skipped twice, or aired after all), and
/// once it aired it is never logged skipped.
/// </summary>
internal sealed class FinalStatusNeverChanges : ISimInvariant
{
    public string Name => "no entry changes status after it is final";

    public SimFailure? Check(SimState state)
    {
        foreach (var entry in state.NewEntries.Where(e => !e.Key.EndsWith("@filler", StringComparison.Ordinal)))
        {
            var before = state.Before(entry).ToList();
            if (before.Any(e => e.Status == AsRunStatus.Skipped))
                return new SimFailure(Name, entry.Key, $"logged {Status(entry)} after it was logged skipped", [.. before, entry]);
            if (entry.Status == AsRunStatus.Skipped && before.Count > 0)
                return new SimFailure(Name, entry.Key, $"logged skipped after it was logged {Status(before[^1])}", [.. before, entry]);
        }
        return null;
    }

    private static string Status(AsRunEntry e) => e.Status.ToString().ToLowerInvariant();
}
