using System.Globalization;

namespace Playout.Media.Kernels;

/// <summary>
/// Whether a frame's output is written past the cache (non-temporal stores) or through it, decided once per frame by its
/// size: an output the last-level cache can hold is read from there by the next stage (a compositor's line, an encoder,
/// the next benchmark pass), so streaming it past the cache only adds the trip to memory; a larger one would evict
/// everything on its way, and streaming it saves the read-for-ownership of every line.
/// </summary>
public static class OutputStores
{
    /// <summary>When the cache's size cannot be read (not Linux): a common last-level cache of a server core complex.</summary>
    private const long UnknownCacheBytes = 32L << 20;

    /// <summary>The last-level cache's size, as the system reports it for the first CPU.</summary>
    public static long LastLevelCacheBytes { get; } = Read();

    /// <summary>Whether an output of <paramref name="bytes"/> is streamed past the cache: it is larger than the last-level cache.</summary>
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
