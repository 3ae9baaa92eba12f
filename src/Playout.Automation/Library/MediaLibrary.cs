using Microsoft.Extensions.Logging;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using Playout.Engine.Library;

namespace Playout.Automation.Library;

/// <summary>
/// The media library, the one entry point to it: the catalogue (<see cref="MediaCatalog"/>), scanned once before the
/// channels go on air so the schedules know their clips' lengths, then watched for changes; each scan re-plans the
/// automated channels and re-runs the 24-hour missing-media check (<see cref="MediaWatch"/>).
/// </summary>
public sealed class MediaLibrary : IAsyncDisposable
{
    private readonly MediaLibraryOptions _options;
    private readonly ILogger _log;
    private MediaScanner? _scanner;
    private IReadOnlyList<MediaWatchChannel> _channels = [];
    private MediaWatch? _watch;

    private MediaLibrary(MediaCatalog catalog, MediaLibraryOptions options, ILogger log)
    {
        Catalog = catalog;
        _options = options;
        _log = log;
    }

    public MediaCatalog Catalog { get; }

    /// <summary>Opens the catalogue and brings it up to date with the folders (only new or changed files are probed).</summary>
    public static async Task<MediaLibrary> Open(MediaLibraryOptions options, ILogger log, CancellationToken stop)
    {
        var catalog = MediaCatalog.Open(options.Database);
        var library = new MediaLibrary(catalog, options, log);
        try
        {
            // Files present at start are taken as they are (the settle time guards files still arriving while watched).
            await using var first = new MediaScanner(catalog, options.Scanner with { SettleTime = TimeSpan.Zero }, log);
            log.LogInformation("media library {Database}: scanning {Folders}", catalog.Path, string.Join(", ", options.Scanner.Folders));
            await first.ScanAsync(new Progress<ScanProgress>(p =>
            {
                if (p.Done % 50 == 0 && p.Done > 0)
                    log.LogInformation("media library: {Done}/{Total} probed", p.Done, p.Total);
            }), stop);
            return library;
        }
        catch
        {
            await library.DisposeAsync();
            throw;
        }
    }

    /// <summary>A clip's length and markers from the catalogue (null: not catalogued, of unknown length, or a network source).</summary>
    public MediaTimes? TimesOf(PrimaryEvent e) =>
        e.Source is { } source && !Engine.MediaUrl.IsNetwork(source) && Catalog.Get(_options.Resolve(source)) is { Duration: { } length } entry
            ? new MediaTimes(length, entry.Markers) : null;

    /// <summary>The measured loudness of the file at <paramref name="path"/> (already resolved); null when not catalogued or not measured.</summary>
    public MediaLoudness? LoudnessAt(string path) => Catalog.Get(path)?.Loudness;

    /// <summary>The markers in force for the file at <paramref name="path"/> (already resolved); null when none.</summary>
    public MediaMarkers? MarkersAt(string path) => Catalog.Get(path)?.Markers;

    /// <summary>A media file's length from the catalogue, by its name in the media folder (or its path).</summary>
    public TimeSpan? LengthOf(string source) => Engine.MediaUrl.IsNetwork(source) ? null : Catalog.Get(_options.Resolve(source))?.Duration;

    /// <summary>
    /// Sets an operator's markers on a catalogued file, by its name in the media folder (or its path), over those the scan
    /// found, and lays the automated channels' schedules out anew with them; null when the file is not catalogued.
    /// </summary>
    /// <exception cref="ArgumentException">The markers are outside the file or out of order (the message names the marker).</exception>
    public MediaEntry? SetMarkers(string source, MediaMarkers markers)
    {
        string path = _options.Resolve(source);
        if (Catalog.Get(path) is not { } entry)
            return null;
        if (markers.Over(entry.Found).Problem(entry.Duration) is { } problem)
            throw new ArgumentException($"{source}: {problem}");
        Catalog.SetMarkers(path, markers);
        foreach (var channel in _channels)
            channel.Automation.Invalidate();
        return Catalog.Get(path);
    }

    /// <summary>
    /// Whether a clip's or still's file is not there to play: not in the catalogue, or unplayable (the rundown's "missing"
    /// state); live sources, colours and network streams never are.
    /// </summary>
    public bool IsMissing(PrimaryEvent e) =>
        e.Kind is PrimaryKind.Clip or PrimaryKind.Still && e.Source is { } source && !Engine.MediaUrl.IsNetwork(source)
        && MediaMissingCheck.Check([new MediaCheckItem(e.Id, e.DisplayName, DateTimeOffset.UnixEpoch, _options.Resolve(source))], Catalog)
            .Any(f => f.Problem is MediaProblem.Missing or MediaProblem.Unplayable);

    /// <summary>Watches the folders from now on, and checks the channels' next 24 hours after every scan and every minute.</summary>
    public void Watch(IReadOnlyList<MediaWatchChannel> channels, AlarmBoard alarms)
    {
        _channels = channels;
        var watch = _watch = new MediaWatch(channels, Catalog, _options.Resolve, alarms, _log);
        _scanner = new MediaScanner(Catalog, _options.Scanner, _log);
        _scanner.Scanned += summary =>
        {
            if (summary.Probed == 0 && summary.Removed == 0)
                return;
            foreach (var channel in channels)
                channel.Automation.Invalidate();
            watch.Check();
        };
        _scanner.Start();
    }

    /// <summary>Re-runs the missing-media check soon, off the caller's thread (after a schedule edit).</summary>
    public void Recheck()
    {
        if (_watch is { } watch)
            ThreadPool.QueueUserWorkItem(_ => watch.Check());
    }

    public async ValueTask DisposeAsync()
    {
        _watch?.Dispose();
        if (_scanner is not null)
            await _scanner.DisposeAsync();
        Catalog.Dispose();
    }
}
