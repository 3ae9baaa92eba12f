namespace Playout.Engine.Alarms;

/// <summary>How the board damps flapping conditions.</summary>
/// <param name="HoldOff">A condition must stay raised this long before it becomes an alarm (0: at once); one that clears sooner is never seen.</param>
/// <param name="ClearDelay">A cleared condition's alarm stays this long; raised again meanwhile, it is the same alarm, not a new one.</param>
/// <param name="RestartGrace">After a restart, an alarm that was active when the service stopped stays this long for its source to raise it
/// again (it keeps its id); one not raised again by then is cleared.</param>
/// <param name="KeepCleared">The most cleared, unacknowledged alarms kept listed; beyond it, the oldest are dropped.</param>
public sealed record AlarmDamping(TimeSpan HoldOff, TimeSpan ClearDelay, TimeSpan RestartGrace, int KeepCleared = 1000)
{
    public static readonly AlarmDamping None = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(30));
}
