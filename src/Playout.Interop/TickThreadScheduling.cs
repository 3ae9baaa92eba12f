using System.Runtime.InteropServices;

namespace Playout.Interop;

/// <summary>
/// Raises the calling thread's share of the CPU above the service's other threads (its HTTP, AMCP and SNMP handlers),
/// so a burst of control traffic on a small machine does not delay a channel's tick. Linux schedules ordinary threads by
/// their nice value, per thread, and <see cref="Thread.Priority"/> does not set it there; Windows takes the thread priority.
/// Lowering a nice value needs root or CAP_SYS_NICE (a systemd unit's <c>AmbientCapabilities=CAP_SYS_NICE</c>).
/// </summary>
public static partial class TickThreadScheduling
{
    /// <summary>The nice value the tick threads ask for on Linux: well ahead of the default 0, short of the kernel's own threads.</summary>
    public const int TickNice = -10;

    /// <summary>Raises the calling thread; returns null when done, else why not (the thread runs at normal priority).</summary>
    public static string? RaiseCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Highest;
            return null;
        }
        if (SetPriority(PrioProcess, GetTid(), TickNice) == 0)
            return null;
        int error = Marshal.GetLastSystemError();
        return $"could not raise the tick thread to nice {TickNice} ({Marshal.GetPInvokeErrorMessage(error)}); it runs at normal priority " +
            "(run the service as root or give it CAP_SYS_NICE)";
    }

    /// <summary>The calling thread's nice value (Linux), for tests and status.</summary>
    public static int CurrentNice() => GetPriority(PrioProcess, GetTid());

    private const int PrioProcess = 0;

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}
