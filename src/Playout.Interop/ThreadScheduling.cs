using System.Runtime.InteropServices;

namespace Playout.Interop;

/// <summary>
/// Sets how the calling thread shares the CPU with the service's other threads, by <see cref="ThreadPriority"/>: a channel's
/// tick highest, its decoders above its HTTP, AMCP and SNMP handlers, its probes and preview below them, so a burst of
/// control traffic on a small machine does not delay a tick. Linux schedules ordinary threads by their nice value, per
/// thread, and <see cref="Thread.Priority"/> does not set it there, so this sets the nice value (<see cref="NiceOf"/>);
/// elsewhere it sets <see cref="Thread.Priority"/>. Lowering a nice value (above normal) needs root or CAP_SYS_NICE (a
/// systemd unit's <c>AmbientCapabilities=CAP_SYS_NICE</c>); raising it never does.
/// </summary>
public static partial class ThreadScheduling
{
    /// <summary>The nice value each priority maps to on Linux: the highest well ahead of the default 0, short of the kernel's own threads.</summary>
    public static int NiceOf(ThreadPriority priority) => priority switch
    {
        ThreadPriority.Highest => -10,
        ThreadPriority.AboveNormal => -5,
        ThreadPriority.BelowNormal => 5,
        ThreadPriority.Lowest => 10,
        _ => 0,
    };

    /// <summary>Sets the calling thread's priority; returns null when done, else why not (the thread keeps the priority it had).</summary>
    public static string? SetCurrentThread(ThreadPriority priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = priority;
            return null;
        }
        int nice = NiceOf(priority);
        if (SetPriority(PrioProcess, GetTid(), nice) == 0)
            return null;
        string error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastSystemError());
        return $"could not set thread '{Thread.CurrentThread.Name}' to nice {nice} ({error}); it runs at normal priority " +
            "(run the service as root or give it CAP_SYS_NICE)";
    }

    private const int PrioProcess = 0;

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}
