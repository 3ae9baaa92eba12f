using System.Diagnostics;

namespace Playout.Engine.Clocks;

/// <summary>Waits for a <see cref="Stopwatch"/> timestamp: sleeps until shortly before it, then spins, because a plain sleep overshoots by up to a millisecond.</summary>
public static class PreciseWait
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 500;

    public static void Until(long timestamp)
    {
        while (true)
        {
            long remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
                return;
            if (remaining > SpinTicks)
                Thread.Sleep(TimeSpan.FromSeconds((double)(remaining - SpinTicks) / Stopwatch.Frequency));
            else
                Thread.SpinWait(20);
        }
    }
}
