using Microsoft.Extensions.Logging;
using Playout.Automation.Library;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>
/// The service's media library: the catalogue (state/media.db), scanned once before the channels go on air so
/// the schedules know their clips' lengths, then watched for changes; each scan re-plans the automated channels
/// and re-runs the 24-hour missing-media check.
/// </summary>
public sealed class MediaLibrary : IAsyncDisposable
{
    private readonly ServiceConfig _service;
    private readonly MediaScannerOptions _options;
    private readonly ILogger _log;
    private MediaScanner? _scanner;
    private MediaWatch? _watch;

    private MediaLibrary(ServiceConfig service, MediaCatalog catalog, MediaScannerOptions options, ILogger log)
    {
        _service = service;
        Catalog = catalog;
        _options = options;
        _log = log;
    }

    public MediaCatalog Catalog { get; }

    /// <summary>Opens the catalogue and brings it up to date with the folders (only new or changed files are probed).</summary>
    public static async Task<MediaLibrary> Open(ServiceConfig service, ILogger log, CancellationToken stop)
    {
        var config = service.MediaLibrary;
        var catalog = MediaCatalog.Open(service.CatalogPath);
        var options = new MediaScannerOptions { Folders = [service.MediaPath("."), .. config.Folders.Select(service.FilePath)] };
        var library = new MediaLibrary(service, catalog, options, log);
        // Files present at start are taken as they are (the settle time guards files still arriving while watched).
        await using var first = new MediaScanner(catalog, options with { SettleTime = TimeSpan.Zero }, log);
        log.LogInformation("media library {Database}: scanning {Folders}", catalog.Path, string.Join(", ", options.Folders));
        await first.ScanAsync(new Progress<ScanProgress>(p =>
        {
            if (p.Done % 50 == 0 && p.Done > 0)
                log.LogInformation("media library: {Done}/{Total} probed", p.Done, p.Total);
        }), stop);
        return library;
    }

    /// <summary>A clip's length from the catalogue (null: not catalogued, or a network source).</summary>
    public TimeSpan? LengthOf(PrimaryEvent e) => e.Source is { } source ? LengthOf(source) : null;

    /// <summary>A media file's length from the catalogue, by its name in the media folder (or its path).</summary>
    public TimeSpan? LengthOf(string source) => Engine.MediaUrl.IsNetwork(source) ? null : Catalog.Get(_service.MediaPath(source))?.Duration;

    /// <summary>Watches the folders from now on, and checks the channels' next 24 hours after every scan and every minute.</summary>
    public void Watch(IReadOnlyList<ChannelRuntime> channels, AlarmBoard alarms)
    {
        var watch = _watch = new MediaWatch(channels, Catalog, _service, alarms, _log);
        _scanner = new MediaScanner(Catalog, _options, _log);
        _scanner.Scanned += summary =>
        {
            if (summary.Probed == 0 && summary.Removed == 0)
                return;
            foreach (var channel in channels)
                channel.Automation?.Automation.Invalidate();
            watch.Check();
        };
        _scanner.Start();
    }

    public async ValueTask DisposeAsync()
    {
        _watch?.Dispose();
        if (_scanner is not null)
            await _scanner.DisposeAsync();
        Catalog.Dispose();
    }
}
