using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Playout.Interop;

/// <summary>
/// Sleeps to a <see cref="Stopwatch"/> timestamp with the kernel's absolute monotonic timer (clock_nanosleep), to the
/// microsecond rather than the millisecond <see cref="Thread.Sleep(int)"/> rounds to. On Linux a Stopwatch timestamp is
/// CLOCK_MONOTONIC in nanoseconds, the clock this sleeps on.
/// </summary>
public static partial class MonotonicSleep
{
    private const int ClockMonotonic = 1, TimerAbsolute = 1, Interrupted = 4;

    /// <summary>Whether <see cref="Until"/> works here: Linux, with Stopwatch counting nanoseconds.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    /// <summary>Returns at <paramref name="timestamp"/> or, by the kernel's timer slack (about 50 µs), after it.</summary>
    /// <exception cref="PlatformNotSupportedException">Not <see cref="IsAvailable"/>.</exception>
    public static void Until(long timestamp)
    {
        if (!IsAvailable)
            throw new PlatformNotSupportedException("clock_nanosleep on CLOCK_MONOTONIC needs Linux");
        var at = new TimeSpec(timestamp / 1_000_000_000, timestamp % 1_000_000_000);
        // A signal (the runtime's own, e.g. for a GC suspension) interrupts the sleep; the deadline is absolute, so sleep on.
        while (ClockNanosleep(ClockMonotonic, TimerAbsolute, in at, 0) == Interrupted)
        {
        }
    }

    /// <summary>
    /// Makes the calling thread's sleeps end on time: Linux lets a sleep run on by the thread's timer slack (50 µs by default)
    /// to batch wake-ups, longer than the gaps between a video flow's packet bursts. Returns whether the kernel took it.
    /// </summary>
    public static bool SetFineTimerSlack() => IsAvailable && Prctl(PrSetTimerSlack, 1) == 0;

    private const int PrSetTimerSlack = 29;

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int Prctl(int option, nuint value);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);

    /// <returns>0, or the error number itself (not through errno).</returns>
    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in TimeSpec request, nint remaining);
}
