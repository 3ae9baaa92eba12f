namespace Playout.Engine.Clocks;

/// <summary>
/// The time a clock reads: the machine's monotonic timer (in <see cref="System.Diagnostics.Stopwatch"/> ticks, which deadlines
/// are in), the system's UTC clock (disciplined by NTP; it may be stepped), and a precise wait. Tests step a fake one.
/// </summary>
public interface ITimeSource
{
    /// <summary>The monotonic timer now, in <see cref="System.Diagnostics.Stopwatch.Frequency"/> ticks per second.</summary>
    long Timestamp();

    DateTimeOffset UtcNow();

    /// <summary>Returns once <see cref="Timestamp"/> has reached <paramref name="timestamp"/>.</summary>
    void WaitUntil(long timestamp);

    /// <summary>Whether <see cref="Timestamp"/> is the machine's own timer, which other threads can wait on (a test's fake is not).</summary>
    bool IsMachineTimer => false;
}
