using Playout.Automation.Library;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Library;

public sealed class MediaScannerTests(TestMedia media) : IClassFixture<TestMedia>, IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly TempDirectory _state = new();
    private readonly CountingProbe _probe = new();

    private string Media => _folder.Path;

    public void Dispose()
    {
        _folder.Dispose();
        _state.Dispose();
    }

    [Fact]
    public async Task A_scan_catalogues_every_media_file_below_the_folders_with_what_the_probe_found()
    {
        string clip = TestMedia.CopyTo(media.Clip, Media, "news/clip.mp4");
        string sound = TestMedia.CopyTo(media.Sound, Media, "sound.wav");
        string broken = TestMedia.CopyTo(media.Broken, Media, "broken.mp4");
        File.WriteAllText(Path.Combine(Media, "notes.txt"), "not media");
        TestMedia.CopyTo(media.Clip, Media, ".hidden/clip.mp4");
        using var catalog = OpenCatalog();
        var progress = new List<ScanProgress>();

        var summary = await Scanner(catalog).ScanAsync(new SynchronousProgress(progress.Add));

        Assert.Equal((3, 3, 1, 0, 0), (summary.Files, summary.Probed, summary.Unplayable, summary.Unchanged, summary.Removed));
        var entry = catalog.Get(clip)!;
        Assert.Equal(MediaStatus.Ok, entry.Status);
        Assert.Equal(new FileInfo(clip).Length, entry.Size);
        Assert.Equal(new FileInfo(clip).LastWriteTimeUtc, entry.Modified);
        Assert.Equal(2.0, entry.Duration!.Value.TotalSeconds, 0.1);
        Assert.Equal((320, 180, 2), (entry.Info!.Width, entry.Info.Height, entry.Info.AudioChannels));
        Assert.True(entry.HasThumbnail);
        Assert.Equal(0xFFD8, catalog.GetThumbnail(clip)![0] << 8 | catalog.GetThumbnail(clip)![1]);
        Assert.Equal(MediaStatus.Ok, catalog.Get(sound)!.Status);
        Assert.False(catalog.Get(sound)!.HasThumbnail);
        var bad = catalog.Get(broken)!;
        Assert.Equal(MediaStatus.Unplayable, bad.Status);
        Assert.Contains("Invalid data", bad.Error);
        Assert.Null(bad.Info);
        Assert.Equal([1, 2, 3], progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(3, p.Total));
        Assert.Equal([broken, clip, sound], progress.Select(p => p.Current));
    }

    [Fact]
    public async Task A_rescan_probes_only_new_and_changed_files_and_drops_deleted_ones()
    {
        string first = TestMedia.CopyTo(media.Clip, Media, "a.mp4");
        string second = TestMedia.CopyTo(media.Clip, Media, "b.mp4");
        string third = TestMedia.CopyTo(media.Sound, Media, "c.wav");
        using var catalog = OpenCatalog();
        var scanner = Scanner(catalog);
        await scanner.ScanAsync();
        Assert.Equal(3, _probe.Probed.Count);
        _probe.Clear();

        var unchanged = await scanner.ScanAsync();
        Assert.Empty(_probe.Probed);
        Assert.Equal(3, unchanged.Unchanged);

        TestMedia.CopyTo(media.Interlaced, Media, "b.mp4");
        File.SetLastWriteTimeUtc(third, File.GetLastWriteTimeUtc(third).AddMinutes(-1));
        File.Delete(first);
        string added = TestMedia.CopyTo(media.Sound, Media, "d.wav");
        var changed = await scanner.ScanAsync();

        Assert.Equal([second, third, added], _probe.Probed.Order(StringComparer.Ordinal));
        Assert.Equal((3, 3, 0, 1), (changed.Files, changed.Probed, changed.Unchanged, changed.Removed));
        Assert.Null(catalog.Get(first));
        Assert.True(catalog.Get(second)!.Info!.Interlaced);
        Assert.Equal(3, catalog.List().Total);
    }

    [Fact]
    public async Task The_catalogue_survives_reopening()
    {
        string clip = TestMedia.CopyTo(media.Clip, Media, "clip.mp4");
        using (var catalog = OpenCatalog())
            await Scanner(catalog).ScanAsync();
        _probe.Clear();

        using var reopened = OpenCatalog();
        Assert.Equal(2.0, reopened.Get(clip)!.Duration!.Value.TotalSeconds, 0.1);
        Assert.NotNull(reopened.GetThumbnail(clip));
        var summary = await Scanner(reopened).ScanAsync();
        Assert.Equal(1, summary.Unchanged);
        Assert.Empty(_probe.Probed);
    }

    [Fact]
    public async Task A_file_still_being_written_is_left_for_a_later_scan()
    {
        string clip = TestMedia.CopyTo(media.Clip, Media, "arriving.mp4");
        File.SetLastWriteTimeUtc(clip, DateTime.UtcNow);
        using var catalog = OpenCatalog();

        var summary = await Scanner(catalog, settle: TimeSpan.FromHours(1)).ScanAsync();

        Assert.Equal((1, 0), (summary.Deferred, summary.Probed));
        Assert.Empty(_probe.Probed);
        Assert.Null(catalog.Get(clip));
    }

    [Fact]
    public async Task A_missing_folder_keeps_its_entries()
    {
        string clip = TestMedia.CopyTo(media.Clip, Path.Combine(Media, "share"), "clip.mp4");
        using var catalog = OpenCatalog();
        var options = new MediaScannerOptions { Folders = [Path.Combine(Media, "share")], SettleTime = TimeSpan.Zero };
        await new MediaScanner(catalog, options).ScanAsync();
        Directory.Move(Path.Combine(Media, "share"), Path.Combine(Media, "unmounted"));

        var summary = await new MediaScanner(catalog, options).ScanAsync();

        Assert.Equal([Path.Combine(Media, "share")], summary.MissingFolders);
        Assert.Equal(0, summary.Removed);
        Assert.NotNull(catalog.Get(clip));
    }

    [Fact]
    public async Task A_cancelled_scan_stops_between_files()
    {
        TestMedia.CopyTo(media.Clip, Media, "a.mp4");
        TestMedia.CopyTo(media.Clip, Media, "b.mp4");
        using var catalog = OpenCatalog();
        using var cancel = new CancellationTokenSource();
        var scanner = Scanner(catalog);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            scanner.ScanAsync(new SynchronousProgress(_ => cancel.Cancel()), cancel.Token));

        Assert.Single(_probe.Probed);
        Assert.Equal(1, catalog.List().Total);
    }

    [Fact]
    public async Task A_file_copied_into_a_watched_folder_is_catalogued()
    {
        TestMedia.CopyTo(media.Sound, Media, "already.wav");
        // Settled before the scanner starts (a loaded machine can reach the first scan within the settle time).
        File.SetLastWriteTimeUtc(Path.Combine(Media, "already.wav"), DateTime.UtcNow.AddMinutes(-1));
        using var catalog = OpenCatalog();
        await using var scanner = Scanner(catalog, settle: TimeSpan.FromMilliseconds(300), debounce: TimeSpan.FromMilliseconds(200));
        var firstScan = NextScan(scanner, _ => true);
        scanner.Start();
        await firstScan.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, catalog.List().Total);

        string clip = Path.Combine(Media, "incoming", "new.mp4");
        var appeared = NextScan(scanner, _ => catalog.Get(clip) is not null);
        TestMedia.CopyTo(media.Clip, Media, "incoming/new.mp4");
        await appeared.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(MediaStatus.Ok, catalog.Get(clip)!.Status);
        Assert.Equal(new FileInfo(clip).Length, catalog.Get(clip)!.Size);

        var gone = NextScan(scanner, _ => catalog.Get(clip) is null);
        File.Delete(clip);
        await gone.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Completes after the first scan that ends with <paramref name="done"/> true.</summary>
    private static Task NextScan(MediaScanner scanner, Func<ScanSummary, bool> done)
    {
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        scanner.Scanned += summary =>
        {
            if (done(summary))
                completed.TrySetResult();
        };
        return completed.Task;
    }

    private MediaCatalog OpenCatalog() => MediaCatalog.Open(_state.File("media.db"));

    private MediaScanner Scanner(MediaCatalog catalog, TimeSpan? settle = null, TimeSpan? debounce = null) =>
        new(catalog, new MediaScannerOptions
        {
            Folders = [Media],
            SettleTime = settle ?? TimeSpan.Zero,
            Debounce = debounce ?? TimeSpan.FromSeconds(2),
        }, probe: _probe.Probe);

    /// <summary>Reports on the scanning thread, in order (Progress&lt;T&gt; posts to the pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
