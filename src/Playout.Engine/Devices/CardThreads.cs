namespace Playout.Engine.Devices;

/// <summary>Scheduling for a card driver's own threads (the engine keeps its platform binding to itself).</summary>
public static class CardThreads
{
    /// <summary>
    /// Raises the calling thread as a real-time channel's tick is (nice −10 on Linux, where <c>Thread.Priority</c> sets
    /// nothing; the highest thread priority on Windows): for a thread that stands for the card's interrupts, which nothing on
    /// the host delays. Returns null when done, else why not (the thread keeps the priority it had).
    /// </summary>
    public static string? RaiseAsInterrupt() => Interop.ThreadScheduling.SetCurrentThread(ThreadPriority.Highest);
}
