namespace Playout.TestSupport;

/// <summary>Managed bytes that steady-state work allocates on the calling thread.</summary>
public static class Allocations
{
    /// <summary>
    /// The fewest bytes <paramref name="work"/> allocates in any of <paramref name="runs"/> measured runs, after one
    /// warm-up run. The runtime's one-off work while code warms (tiered compilation's call counting, a lock's first
    /// contention) lands in one run, late on a loaded machine; an allocation the work itself makes shows in every run.
    /// </summary>
    public static long LeastOf(Action work, int runs = 3)
    {
        work();
        long least = long.MaxValue;
        for (int run = 0; run < runs; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            work();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
