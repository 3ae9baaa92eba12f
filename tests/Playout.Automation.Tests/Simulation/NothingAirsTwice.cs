using Playout.Automation.AsRun;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// An item (a key: one event of one day, one pass of a block's child) goes to air once. The one exception is the item on
/// air when the service restarted: its entry ends "the service stopped" and it may join again after the restart (and
/// again after each further restart that stops it).
/// </summary>
internal sealed class NothingAirsTwice : ISimInvariant
{
    public string Name => "nothing airs twice unless scheduled twice";

    public SimFailure? Check(SimState state)
    {
        foreach (var entry in state.NewEntries.Where(e => Aired(e.Status) && !e.Key.EndsWith("@filler", StringComparison.Ordinal)))
        {
            var before = state.Before(entry).Where(e => Aired(e.Status)).ToList();
            if (before.Count == 0)
                continue;
            // A continuation: every earlier airing was stopped by a restart (one after another, as restarts follow each
            // other), and this one starts after the last of them.
            var restarts = before.Select(b => state.Restarts.FirstOrDefault(r => r.Stopped.Any(s => ReferenceEquals(s, b)))).ToList();
            if (restarts.All(r => r is not null) && entry.ActualTick >= restarts[^1]!.Tick)
                continue;
            return new SimFailure(Name, entry.Key, $"aired again at {state.When(entry.ActualTick ?? 0)} ({before.Count} earlier airing(s))", [.. before, entry]);
        }
        return null;
    }

    public static bool Aired(AsRunStatus status) => status is AsRunStatus.Played or AsRunStatus.Truncated or AsRunStatus.Failed;
}
