namespace Playout.Automation.Tests.Simulation;

/// <summary>An operator's action or an edit as the simulation made it: when, what, on which item, and whether it was accepted.</summary>
internal sealed record SimDone(long Tick, SimAction Action, string? Key, bool Ok, string Result);
