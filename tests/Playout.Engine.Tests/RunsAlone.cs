namespace Playout.Engine.Tests;

/// <summary>
/// Tests that measure the whole process (managed heap size, real-time tick rates under injected faults) run after the
/// others, one at a time:
/// run beside other test classes they would measure those classes' allocations and CPU as their own.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
