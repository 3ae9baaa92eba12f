using Playout.Automation.AsRun;

namespace Playout.Automation.Tests.Simulation;

/// <summary>An operator's action or an edit as the simulation made it: when, what, on which item, and whether it was accepted.</summary>
internal sealed record SimDone(long Tick, SimAction Action, string? Key, bool Ok, string Result);

/// <summary>A restart of the service: the tick it stopped at and the entries the stopping automation wrote for the item then on air.</summary>
internal sealed record SimRestart(long Tick, IReadOnlyList<AsRunEntry> Stopped);
