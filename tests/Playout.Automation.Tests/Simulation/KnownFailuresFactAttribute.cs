namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// A test skipped with <paramref name="reason"/> (it fails on the code as it stands, for reasons reported elsewhere) unless
/// PLAYOUT_SIM_RUN is set, as `./playout soak automation` sets it; remove it once the failures are fixed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KnownFailuresFactAttribute : FactAttribute
{
    public KnownFailuresFactAttribute(string reason)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLAYOUT_SIM_RUN")))
            Skip = $"{reason} (run it anyway: PLAYOUT_SIM_RUN=1, or ./playout soak automation)";
    }
}
