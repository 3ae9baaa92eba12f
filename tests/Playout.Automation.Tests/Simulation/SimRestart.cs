using Playout.Automation.AsRun;

namespace Playout.Automation.Tests.Simulation;

/// <summary>A restart of the service: the tick it stopped at and the entries the stopping automation wrote for the item then on air.</summary>
internal sealed record SimRestart(long Tick, IReadOnlyList<AsRunEntry> Stopped);
