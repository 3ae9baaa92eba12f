namespace Playout.Server.Tests;

/// <summary>
/// Tests that load the whole machine (CPU hogs that starve every other process) run after the others, one at a time: run beside
/// other test classes they would starve those too, and measure their load as their own.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
