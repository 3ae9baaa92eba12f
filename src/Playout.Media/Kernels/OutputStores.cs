using System.Globalization;

namespace Playout.Media.Kernels;

/// <summary>
/// Whether a frame's output is written past the cache (non-temporal stores) or through it, decided once per frame by the
/// bytes the pass moves: when what it reads and what it writes fit in the last-level cache together, the output is read
/// from there by the next stage (a compositor's line, an encoder, the next benchmark pass), so streaming it past the cache
/// only adds the trip to memory; when they do not, the first lines written are evicted before the pass ends anyway, and
/// streaming saves the read-for-ownership of every line (a 2160p v210 pack reads 33 MB and writes 22 MB: 1.2× its floor
/// through the cache, 0.85× streamed, bench/RESULTS.md).
/// </summary>
public static class OutputStores
{
    /// <summary>When the cache's size cannot be read (not Linux): a common last-level cache of a server core complex.</summary>
    private const long UnknownCacheBytes = 32L << 20;

    /// <summary>The last-level cache's size, as the system reports it for the first CPU.</summary>
    public static long LastLevelCacheBytes { get; } = Read();

    /// <summary>Whether a pass that reads and writes <paramref name="bytes"/> in all streams its output: they exceed the last-level cache.</summary>
    public static bool Streams(long bytes) => bytes > LastLevelCacheBytes;

    private static long Read()
    {
        const string caches = "/sys/devices/system/cpu/cpu0/cache";
        try
        {
            if (!Directory.Exists(caches))
                return UnknownCacheBytes;
            var largest = Directory.GetDirectories(caches, "index*")
                .Select(index => (Level: Number(File.ReadAllText(Path.Combine(index, "level"))), Size: Size(File.ReadAllText(Path.Combine(index, "size")))))
                .Where(c => c.Size > 0).MaxBy(c => c.Level);
            return largest.Size > 0 ? largest.Size : UnknownCacheBytes;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return UnknownCacheBytes;
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
