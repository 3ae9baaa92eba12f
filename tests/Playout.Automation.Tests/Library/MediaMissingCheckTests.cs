using Playout.Automation.Library;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Library;

public sealed class MediaMissingCheckTests(TestMedia media) : IClassFixture<TestMedia>, IDisposable
{
    private static readonly DateTimeOffset Evening = new(2025, 3, 14, 20, 0, 0, TimeSpan.FromHours(1));
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Missing_unplayable_and_short_media_are_reported_by_item_start_and_file()
    {
        string clip = TestMedia.CopyTo(media.Clip, _folder.Path, "media/promo.mp4");
        string broken = TestMedia.CopyTo(media.Broken, _folder.Path, "media/trailer.mp4");
        using var catalog = MediaCatalog.Open(_folder.File("media.db"));
        await new MediaScanner(catalog, new MediaScannerOptions { Folders = [_folder.File("media")], SettleTime = TimeSpan.Zero }).ScanAsync();
        MediaCheckItem[] items =
        [
            new("e1", "Promo", Evening, "promo.mp4", TimeSpan.FromSeconds(2)),
            new("e2", "Promo by path", Evening.AddMinutes(1), clip),
            new("e3", "Evening news", Evening.AddMinutes(2), "NEWS_2000"),
            new("e4", "Film trailer", Evening.AddMinutes(3), "trailer"),
            new("e5", "Long promo", Evening.AddMinutes(4), "promo", TimeSpan.FromSeconds(10)),
            new("e6", "Live feed", Evening.AddMinutes(5), "srt://10.0.0.1:9000"),
            new("e7", "Gone by path", Evening.AddMinutes(6), "/nowhere/film.mxf"),
        ];

        var findings = MediaMissingCheck.Check(items, catalog);

        Assert.Equal(["e3", "e4", "e5", "e7"], findings.Select(f => f.Item.Id));
        Assert.Equal([MediaProblem.Missing, MediaProblem.Unplayable, MediaProblem.TooShort, MediaProblem.Missing], findings.Select(f => f.Problem));
        Assert.Equal("'Evening news' (id e3) at 2025-03-14 20:02:00 +01:00: media 'NEWS_2000' is not in the media library", findings[0].Message);
        Assert.Null(findings[0].Path);
        Assert.Equal(broken, findings[1].Path);
        Assert.StartsWith($"'Film trailer' (id e4) at 2025-03-14 20:03:00 +01:00: file '{broken}' is unplayable: ", findings[1].Message);
        Assert.Contains("Invalid data", findings[1].Message);
        Assert.Contains($"file '{clip}' runs 2", findings[2].Message);
        Assert.EndsWith("shorter than the 10 s planned", findings[2].Message);
        Assert.Contains("media '/nowhere/film.mxf' is not in the media library", findings[3].Message);
    }
}
