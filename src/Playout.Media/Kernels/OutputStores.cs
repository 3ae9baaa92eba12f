using System.Globalization;

namespace Playout.Media.Kernels;

/// <summary>
/// Whether a frame's output is written past the cache (non-temporal stores) or through it, decided once per frame by the
/// bytes the pass moves: when what it reads and what it writes fit in the last-level cache together, the output is read
/// from there by the next stage (a compositor's line, an encoder, the next benchmark pass), so streaming it past the cache
/// only adds the trip to memory; when they do not, the first lines written are evicted before the pass ends anyway, and
/// streaming saves the read-for-ownership of every line (a 2160p v210 pack reads 33 MB and writes 22 MB: 1.2× its floor
/// through the cache, 0.85× streamed, bench/RESULTS.md). Where the last-level cache is no faster to write into than memory
/// (<see cref="StoreProbe"/>, timed once a process), only what the core's own cache holds is written through a cache.
/// </summary>
public static class OutputStores
{
    /// <summary>When the cache's size cannot be read (not Linux): a common last-level cache of a server core complex.</summary>
    private const long UnknownCacheBytes = 32L << 20;

    /// <summary>When the core's own cache's size cannot be read: a common server core's level 2.</summary>
    private const long UnknownCoreCacheBytes = 1L << 20;

    /// <summary>The last-level cache's size, as the system reports it for the first CPU.</summary>
    public static long LastLevelCacheBytes { get; } = Read(level: null, UnknownCacheBytes);

    /// <summary>The first CPU's level-2 cache, its own on every server core of the last decade.</summary>
    public static long CoreCacheBytes { get; } = Read(level: 2, UnknownCoreCacheBytes);

    private static readonly Lazy<bool> LastLevelKeepsUp = new(TimeLastLevel);

    /// <summary>Whether writing through the last-level cache is faster than writing to memory (timed on first use, about 20 ms).</summary>
    public static bool LastLevelCacheKeepsUp => LastLevelKeepsUp.Value;

    /// <summary>The most bytes a pass may move and still write through the cache.</summary>
    public static long CachedUpTo => CachedLimit(LastLevelCacheBytes, CoreCacheBytes, LastLevelCacheKeepsUp);

    /// <summary>The choice in words (timing the cache first if that is not done yet), for the service's log and the benchmarks' headers.</summary>
    public static string Decision() =>
        $"Frame passes write through the cache up to {CachedUpTo >> 10} KiB (last level {LastLevelCacheBytes >> 20} MiB, " +
        $"{(LastLevelCacheKeepsUp ? "faster to write than memory" : "no faster to write than memory")}), and stream beyond";

    /// <summary>Whether a pass that reads and writes <paramref name="bytes"/> in all streams its output.</summary>
    public static bool Streams(long bytes) => bytes > CachedUpTo;

    /// <summary>The last-level cache's size where writing through it pays, else the core's own cache's.</summary>
    internal static long CachedLimit(long lastLevel, long core, bool lastLevelKeepsUp) => lastLevelKeepsUp ? lastLevel : Math.Min(core, lastLevel);

    /// <summary>Copies a quarter of the last-level cache (at most 8 MiB, a 1080p frame's pass) each way, five rounds.</summary>
    private static bool TimeLastLevel() =>
        !StoreProbe.IsSupported || KeepsUp(() => StoreProbe.Measure((int)Math.Min(8L << 20, LastLevelCacheBytes / 4) & ~63, rounds: 5));

    /// <summary>Whether the cache was as fast to write through as streaming past it, by <paramref name="measure"/>'s timing.</summary>
    internal static bool KeepsUp(Func<(TimeSpan Cached, TimeSpan Streamed)> measure)
    {
        try
        {
            var (cached, streamed) = measure();
            return cached <= streamed;
        }
        catch (OutOfMemoryException)
        {
            // No 16 MiB to time with: the last level's size decides, as where nothing can be timed.
            return true;
        }
    }

    /// <summary>The size of a cache level the system lists for the first CPU (null: the last level).</summary>
    private static long Read(int? level, long unknown)
    {
        const string caches = "/sys/devices/system/cpu/cpu0/cache";
        try
        {
            if (!Directory.Exists(caches))
                return unknown;
            var levels = Directory.GetDirectories(caches, "index*")
                .Select(index => (Level: Number(File.ReadAllText(Path.Combine(index, "level"))), Size: Size(File.ReadAllText(Path.Combine(index, "size")))))
                .Where(c => c.Size > 0).ToList();
            if (levels.Count == 0)
                return unknown;
            int wanted = level ?? levels.Max(c => c.Level);
            return levels.Where(c => c.Level == wanted).Select(c => c.Size).DefaultIfEmpty(unknown).Max();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return unknown;
        }
    }

    private static int Number(string text) => int.Parse(text.Trim(), CultureInfo.InvariantCulture);

    /// <summary>"32768K" (the kernel's form), "16M" or plain bytes.</summary>
    private static long Size(string text)
    {
        text = text.Trim();
        long unit = text.EndsWith('K') ? 1L << 10 : text.EndsWith('M') ? 1L << 20 : 1;
        return long.Parse(unit == 1 ? text : text[..^1], CultureInfo.InvariantCulture) * unit;
    }
}
