using Playout.Automation.AsRun;

namespace Playout.Automation.Tests.Simulation;

/// <summary>An invariant that did not hold: which, about which item, what happened, and the as-run lines involved.</summary>
internal sealed record SimFailure(string Invariant, string Key, string What, IReadOnlyList<AsRunEntry> Lines);

/// <summary>Thrown by a simulated run whose invariant failed; its message says everything needed to replay and read it.</summary>
internal sealed class SimFailureException(string message) : Exception(message);
