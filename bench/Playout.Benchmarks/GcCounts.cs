namespace Playout.Benchmarks;

/// <summary>
/// The process's garbage collections so far and the time they paused every thread: a tick that stalled while the CPU had
/// room is a pause or the host's, and these tell which.
/// </summary>
/// <param name="Gen0">Collections of any generation (each collects generation 0).</param>
/// <param name="Gen1">Those that collected generation 1 (or 2).</param>
/// <param name="Gen2">Those that collected generation 2.</param>
internal readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcCounts operator -(GcCounts after, GcCounts before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused);

    public override string ToString() =>
        $"garbage collections: {Gen0} ({Gen1} of generation 1 or 2, {Gen2} of 2); threads paused {Paused.TotalMilliseconds:0.0} ms in all";
}
