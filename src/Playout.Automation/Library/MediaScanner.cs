using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Library;

namespace Playout.Automation.Library;

/// <summary>
/// Keeps the catalogue in step with the media folders: finds media files, probes the new and changed ones (size or
/// write time differ from the catalogue's), drops the entries of files that are gone. Scans run on the thread pool,
/// one at a time, never on a channel's tick thread. <see cref="Start"/> scans once and then again whenever a watched
/// folder changes (debounced) and every <see cref="MediaScannerOptions.RescanInterval"/>.
/// </summary>
public sealed class MediaScanner : IAsyncDisposable
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    private readonly MediaCatalog _catalog;
    private readonly MediaScannerOptions _options;
    private readonly Func<string, MediaProbeResult> _probe;
    private readonly ILogger _logger;
    private readonly HashSet<string> _extensions;
    private readonly SemaphoreSlim _scanLock = new(1, 1);
    // Never disposed: a watcher event may still release it while the scanner is being disposed, and a SemaphoreSlim
    // whose wait handle is never asked for holds nothing to free.
    private readonly SemaphoreSlim _changed = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <summary>Files seen new or changed but not yet settled: the stamp they had and when it was first seen. Used under the scan lock.</summary>
    private readonly Dictionary<string, (FileStamp Stamp, DateTime Seen)> _unsettled = new(StringComparer.Ordinal);
    private Task? _watching;

    /// <param name="probe">Probes one file; <see cref="MediaProbe.Probe"/> unless a test counts the calls.</param>
    public MediaScanner(MediaCatalog catalog, MediaScannerOptions options, ILogger? logger = null, Func<string, MediaProbeResult>? probe = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _probe = probe ?? (path => MediaProbe.Probe(path, options.ThumbnailWidth, options.MeasureLoudness));
        _extensions = new HashSet<string>(options.Extensions.Select(e => e.StartsWith('.') ? e : "." + e), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Raised (on a pool thread) after every scan that finished.</summary>
    public event Action<ScanSummary>? Scanned;

    /// <summary>The last finished scan; null before the first.</summary>
    public ScanSummary? LastScan { get; private set; }

    /// <summary>Scans the folders once; waits for a scan already running to finish first.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; files probed so far stay catalogued.</exception>
    public async Task<ScanSummary> ScanAsync(IProgress<ScanProgress>? progress = null, CancellationToken cancellation = default)
    {
        await _scanLock.WaitAsync(cancellation).ConfigureAwait(false);
        ScanSummary summary;
        try
        {
            summary = await Task.Run(() => Scan(progress, cancellation), cancellation).ConfigureAwait(false);
        }
        finally
        {
            _scanLock.Release();
        }
        LastScan = summary;
        _logger.LogInformation("Media scan: {Summary}", summary);
        Scanned?.Invoke(summary);
        return summary;
    }

    /// <summary>Scans now in the background, then watches the folders and rescans after changes until disposed.</summary>
    /// <param name="progress">Told about every scan's probing.</param>
    public void Start(IProgress<ScanProgress>? progress = null)
    {
        if (_watching is not null)
            throw new InvalidOperationException("the media scanner is already started");
        foreach (string folder in Roots().Where(Directory.Exists))
            _watchers.Add(Watch(folder));
        _watching = Task.Run(() => WatchAsync(progress, _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var watcher in _watchers)
            watcher.Dispose();
        if (_watching is not null)
            await _watching.ConfigureAwait(false);
        _stop.Dispose();
        _scanLock.Dispose();
    }

    private ScanSummary Scan(IProgress<ScanProgress>? progress, CancellationToken cancellation)
    {
        long started = Stopwatch.GetTimestamp();
        var roots = Roots();
        var missing = roots.Where(root => !Directory.Exists(root)).ToList();
        var present = roots.Except(missing).ToList();
        var found = Find(present, cancellation);

        // Only entries under folders that are there now go: an unmounted share must not empty the catalogue.
        var known = _catalog.Stamps();
        var gone = known.Keys.Where(path => !found.ContainsKey(path) && present.Any(root => IsUnder(path, root))).ToList();
        _catalog.Remove(gone);
        foreach (string path in _unsettled.Keys.Where(path => !found.ContainsKey(path)).ToList())
            _unsettled.Remove(path);

        var now = DateTime.UtcNow;
        var toProbe = new List<(string Path, FileStamp Stamp)>();
        int unchanged = 0, deferred = 0;
        foreach (var (path, stamp) in found.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            if (known.TryGetValue(path, out var catalogued) && catalogued == stamp)
                unchanged++;
            else if (Settled(path, stamp, now))
                toProbe.Add((path, stamp));
            else
                deferred++;
        }

        int probed = 0, unplayable = 0;
        for (int i = 0; i < toProbe.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (path, stamp) = toProbe[i];
            var result = _probe(path);
            // A file that changed while it was probed was still being written: what the probe saw is not the file.
            if (Stamp(path) != stamp)
            {
                deferred++;
                continue;
            }
            _unsettled.Remove(path);
            _catalog.Save(path, stamp, result, DateTime.UtcNow);
            probed++;
            if (!result.IsPlayable)
            {
                unplayable++;
                _logger.LogWarning("Media {Path} is unplayable: {Error}", path, result.Error);
            }
            progress?.Report(new ScanProgress(i + 1, toProbe.Count, path, result.Error));
        }
        return new ScanSummary(found.Count, probed, unplayable, unchanged, gone.Count, deferred, missing, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Media files under the folders with their current size and time, by full path.</summary>
    private Dictionary<string, FileStamp> Find(IReadOnlyList<string> roots, CancellationToken cancellation)
    {
        var found = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (string root in roots)
        {
            foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", Recursive))
            {
                cancellation.ThrowIfCancellationRequested();
                if (_extensions.Contains(file.Extension))
                    found.TryAdd(file.FullName, FileStamp.Of(file));
            }
        }
        return found;
    }

    /// <summary>
    /// Has the file stopped changing? Yes when its write time is older than the settle time; otherwise (being
    /// written, or a clock ahead of ours on a share) when a scan at least the settle time ago saw the same size and time.
    /// </summary>
    private bool Settled(string path, FileStamp stamp, DateTime now)
    {
        var settle = _options.SettleTime;
        if (settle <= TimeSpan.Zero || (now - stamp.Modified >= settle && stamp.Modified <= now))
            return true;
        if (_unsettled.TryGetValue(path, out var seen) && seen.Stamp == stamp)
            return now - seen.Seen >= settle;
        _unsettled[path] = (stamp, now);
        return false;
    }

    private static FileStamp? Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? FileStamp.Of(file) : null;
    }

    private List<string> Roots() =>
        _options.Folders.Select(folder => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))).Distinct(StringComparer.Ordinal).ToList();

    private static bool IsUnder(string path, string root) =>
        path.StartsWith(root, StringComparison.Ordinal) && path.Length > root.Length && path[root.Length] == Path.DirectorySeparatorChar;

    private async Task WatchAsync(IProgress<ScanProgress>? progress, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            ScanSummary? summary = null;
            try
            {
                summary = await ScanAsync(progress, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // A disk or database error fails this scan only; the next change or the periodic rescan tries again.
                _logger.LogError(error, "Media scan failed");
            }
            // Files waiting to settle are looked at again as soon as they may have.
            var wait = summary is { Deferred: > 0 } ? _options.SettleTime : _options.RescanInterval;
            try
            {
                if (await _changed.WaitAsync(wait, stop).ConfigureAwait(false))
                {
                    while (await _changed.WaitAsync(_options.Debounce, stop).ConfigureAwait(false))
                    {
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
        };
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Changed(e.OldFullPath);
            Changed(e.FullPath);
        };
        // An overflowed watcher has lost events: rescan everything.
        watcher.Error += (_, e) =>
        {
            _logger.LogWarning(e.GetException(), "Watching {Folder} lost changes; rescanning", folder);
            Signal();
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Media files and folders (a folder moved in or out) matter; other files (the catalogue's own, say) do not.</summary>
    private void Changed(string path)
    {
        string extension = Path.GetExtension(path);
        if (extension.Length == 0 || _extensions.Contains(extension))
            Signal();
    }

    private void Signal()
    {
        if (!_stop.IsCancellationRequested)
            _changed.Release();
    }
}
