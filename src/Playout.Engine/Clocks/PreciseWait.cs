using System.Diagnostics;
using Playout.Interop;

namespace Playout.Engine.Clocks;

/// <summary>
/// Waits for a <see cref="Stopwatch"/> timestamp: sleeps until shortly before it, then spins the rest, because a sleep
/// overshoots. On Linux the sleep is the kernel's microsecond timer, so the spin is the last 0.2 ms; elsewhere sleeps
/// are whole milliseconds and overshoot by up to one, so the spin is the last 2 ms.
/// </summary>
public static class PreciseWait
{
    private static readonly long SpinTicks = Stopwatch.Frequency / (MonotonicSleep.IsAvailable ? 5000 : 500);

    public static void Until(long timestamp)
    {
        while (true)
        {
            long remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
                return;
            if (remaining > SpinTicks)
            {
                if (MonotonicSleep.IsAvailable)
                    MonotonicSleep.Until(timestamp - SpinTicks);
                else
                    Thread.Sleep(TimeSpan.FromSeconds((double)(remaining - SpinTicks) / Stopwatch.Frequency));
            }
            else
                Thread.SpinWait(20);
        }
    }
}
