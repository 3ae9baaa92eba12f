using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Playout.ScriptWorker;

/// <summary>
/// Puts the whole worker at the lowest CPU priority, so a spinning script only gets CPU time the service's threads
/// (a channel's tick above all) leave over. On Linux a nice value belongs to a thread, not the process: every thread
/// there is now is lowered, and threads started later inherit it from the thread that starts them.
/// </summary>
internal static partial class LowPriority
{
    private const int PrioProcess = 0;
    private const int Lowest = 19;

    public static void Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            using var self = Process.GetCurrentProcess();
            self.PriorityClass = ProcessPriorityClass.Idle;
            return;
        }
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (uint.TryParse(Path.GetFileName(task), out uint thread) && SetPriority(PrioProcess, thread, Lowest) != 0)
                throw new InvalidOperationException($"could not lower the priority of thread {thread}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, uint who, int priority);
}
