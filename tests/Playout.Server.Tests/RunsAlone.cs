namespace Playout.Server.Tests;

/// <summary>
/// Tests that load the whole machine (CPU hogs that starve every other process) run after the others, one at a time: run beside
/// other test classes they would starve those too, and measure their load as their own. Real-time tests that hold every frame
/// to its time run here too, away from other services starting beside them.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
