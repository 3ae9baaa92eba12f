using Playout.Media.Kernels;

namespace Playout.Engine.Producers;

/// <summary>
/// Graphics prepared from files, shared by every cue of the same file at the same place on the same raster: a logo
/// cued again (each programme, each break, each channel of one format) costs no decoding and no conversion. An entry
/// is found by the file's path and stamp (size, last write time), so a file replaced on disk is read again and its
/// old entries go. Beyond the memory budget the least recently used entries are dropped (graphics still on air keep
/// theirs: the producers hold them). A file is prepared once even when two cues ask at the same time.
/// </summary>
public sealed class GraphicsCache(long budgetBytes)
{
    private readonly Dictionary<Placement, Entry> _entries = [];
    private readonly Lock _lock = new();
    private long _used;
    private long _clock;

    /// <summary>Where and how a file's graphic is keyed: the entry's identity.</summary>
    public readonly record struct Placement(string Path, long Size, DateTime Modified, int X, int Y, int RasterWidth, int RasterHeight, ColorMatrix Matrix);

    /// <summary>The one cache the engine's graphics share.</summary>
    public static GraphicsCache Shared { get; } = new(256L << 20);

    /// <summary>Graphics prepared and kept so far (misses): a cue that found its graphic here added none.</summary>
    public long Prepared { get; private set; }

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    /// <summary>The cached graphic for <paramref name="placement"/>, prepared by <paramref name="prepare"/> the first time.</summary>
    public KeyedOverlay GetOrAdd(Placement placement, Func<KeyedOverlay> prepare)
    {
        Entry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(placement, out entry!))
            {
                // A new stamp for a path means the file changed: its older versions can never be asked for again.
                foreach (var stale in _entries.Keys.Where(k => k.Path == placement.Path && (k.Size, k.Modified) != (placement.Size, placement.Modified)).ToList())
                    Remove(stale);
                entry = new Entry(new Lazy<KeyedOverlay>(prepare, LazyThreadSafetyMode.ExecutionAndPublication));
                _entries.Add(placement, entry);
            }
            entry.LastUse = ++_clock;
        }
        KeyedOverlay overlay;
        try
        {
            overlay = entry.Overlay.Value;
        }
        catch
        {
            lock (_lock)
            {
                if (_entries.TryGetValue(placement, out var current) && ReferenceEquals(current, entry))
                    _entries.Remove(placement);
            }
            throw;
        }
        lock (_lock)
        {
            if (entry.Bytes == 0 && _entries.TryGetValue(placement, out var current) && ReferenceEquals(current, entry))
            {
                entry.Bytes = overlay.MemoryBytes;
                _used += entry.Bytes;
                Prepared++;
                Trim(placement);
            }
        }
        return overlay;
    }

    /// <summary>Drops least recently used entries (never <paramref name="keep"/>) until the budget holds.</summary>
    private void Trim(Placement keep)
    {
        while (_used > budgetBytes)
        {
            var oldest = _entries.Where(e => e.Value.Bytes > 0 && e.Key != keep).OrderBy(e => e.Value.LastUse).Select(e => (Placement?)e.Key).FirstOrDefault();
            if (oldest is not { } victim)
                return;
            Remove(victim);
        }
    }

    private void Remove(Placement placement)
    {
        if (_entries.Remove(placement, out var entry))
            _used -= entry.Bytes;
    }

    private sealed class Entry(Lazy<KeyedOverlay> overlay)
    {
        public Lazy<KeyedOverlay> Overlay { get; } = overlay;
        public long Bytes { get; set; }
        public long LastUse { get; set; }
    }
}
