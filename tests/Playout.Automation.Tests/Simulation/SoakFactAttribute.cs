namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// A test that runs only when PLAYOUT_SIM_RUN is set, as `./playout soak automation` sets it: a long run, or one on a new
/// random seed each time, which the default test run (pinned seeds) must not depend on.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute(string reason)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLAYOUT_SIM_RUN")))
            Skip = $"{reason} (run it: PLAYOUT_SIM_RUN=1, or ./playout soak automation)";
    }
}
