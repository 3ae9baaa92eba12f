using Playout.Automation.Library;
using Microsoft.Data.Sqlite;
using Playout.Engine.Library;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Library;

public sealed class MediaCatalogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_new_catalogue_is_created_with_its_folder_and_the_current_schema_version()
    {
        string path = Path.Combine(_folder.Path, ".playout", "media.db");
        using (MediaCatalog.Open(path))
        {
        }
        using var database = OpenRaw(path);
        Assert.Equal(MediaCatalogSchema.Version, database.UserVersion());
    }

    [Fact]
    public void A_catalogue_from_a_newer_build_is_refused()
    {
        string path = _folder.File("media.db");
        using (var database = OpenRaw(path))
            database.SetUserVersion(MediaCatalogSchema.Version + 1);

        var error = Assert.Throws<InvalidOperationException>(() => MediaCatalog.Open(path));
        Assert.Contains($"schema version {MediaCatalogSchema.Version + 1}", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_fails_with_sqlites_message()
    {
        string path = _folder.Write("media.db", "this is not a SQLite database, just text long enough"u8.ToArray());

        var error = Assert.Throws<SqliteException>(() => MediaCatalog.Open(path));
        Assert.Contains("file is not a database", error.Message);
    }

    [Fact]
    public void Listing_searches_names_in_any_case_in_pages()
    {
        using var catalog = MediaCatalog.Open(_folder.File("media.db"));
        foreach (string name in new[] { "Promo_01.mxf", "promo_02.mxf", "news.mxf", "PROMO_03.mov", "50%_off.mp4" })
            Save(catalog, "/media/" + name);

        var first = catalog.List("promo", offset: 0, limit: 2);
        var second = catalog.List("promo", offset: 2, limit: 2);

        Assert.Equal(3, first.Total);
        Assert.Equal(["Promo_01.mxf", "promo_02.mxf"], first.Items.Select(e => e.Name));
        Assert.Equal(["PROMO_03.mov"], second.Items.Select(e => e.Name));
        Assert.Equal(["50%_off.mp4"], catalog.List("%").Items.Select(e => e.Name));
        Assert.Equal(5, catalog.List().Total);
    }

    [Theory]
    [InlineData("open.mxf")]
    [InlineData("OPEN")]
    [InlineData("news/open.mxf")]
    [InlineData("/media/news/open.mxf")]
    public void A_schedule_name_finds_the_file(string name)
    {
        using var catalog = MediaCatalog.Open(_folder.File("media.db"));
        Save(catalog, "/media/news/open.mxf");
        Save(catalog, "/media/news/open.v2.mxf");
        Save(catalog, "/media/reopen.mxf");

        Assert.Equal(["/media/news/open.mxf"], catalog.FindByName(name).Select(e => e.Path));
    }

    [Fact]
    public void Loudness_round_trips_with_silence_as_minus_infinity()
    {
        using var catalog = MediaCatalog.Open(_folder.File("media.db"));
        var info = new MediaInfo("wav", TimeSpan.FromSeconds(1), false, 0, 0, null, false, "", 2, 48000, "pcm_s16le");
        var stamp = new FileStamp(1000, DateTime.UtcNow);
        catalog.Save("/media/loud.wav", stamp, MediaProbeResult.Playable(info, null, new MediaLoudness(-17.25, -0.5)), DateTime.UtcNow);
        catalog.Save("/media/silent.wav", stamp, MediaProbeResult.Playable(info, null, new MediaLoudness(double.NegativeInfinity, double.NegativeInfinity)), DateTime.UtcNow);
        catalog.Save("/media/unmeasured.wav", stamp, MediaProbeResult.Playable(info, null), DateTime.UtcNow);

        Assert.Equal(new MediaLoudness(-17.25, -0.5), catalog.Get("/media/loud.wav")!.Loudness);
        Assert.Equal(new MediaLoudness(double.NegativeInfinity, double.NegativeInfinity), catalog.Get("/media/silent.wav")!.Loudness);
        Assert.Null(catalog.Get("/media/unmeasured.wav")!.Loudness);
    }

    [Fact]
    public void A_version_1_catalogue_gains_loudness_and_its_files_with_sound_are_probed_again()
    {
        string path = _folder.File("media.db");
        using (var database = OpenRaw(path))
        {
            MediaCatalogSchema.Migrate(database, path, upTo: 1);
            foreach (var (file, channels) in new[] { ("/media/with-sound.mxf", 2), ("/media/pictures.mxf", 0) })
            {
                using var insert = database.CreateCommand();
                insert.CommandText = "INSERT INTO media (path, name, size, modified, status, probed_at, container, has_video, width, height, " +
                    "interlaced, video_codec, audio_channels, audio_sample_rate, audio_codec) " +
                    $"VALUES ('{file}', '{Path.GetFileName(file)}', 5000, 1, 'ok', 1, 'mxf', 1, 1920, 1080, 0, 'h264', {channels}, 48000, 'pcm')";
                insert.ExecuteNonQuery();
            }
        }

        using var catalog = MediaCatalog.Open(path);

        var withSound = catalog.Get("/media/with-sound.mxf")!;
        Assert.Equal(-1, withSound.Size);
        Assert.Null(withSound.Loudness);
        Assert.Equal(5000, catalog.Get("/media/pictures.mxf")!.Size);
        Assert.Equal(2, catalog.Stamps().Count);
    }

    [Fact]
    public void Markers_an_operator_sets_win_over_the_scans_one_by_one_and_survive_a_new_probe_and_clearing_them_restores_the_scans()
    {
        using var catalog = MediaCatalog.Open(_folder.File("media.db"));
        var info = new MediaInfo("mp3", TimeSpan.FromSeconds(200), false, 0, 0, null, false, "", 2, 48000, "mp3");
        var found = new MediaMarkers(TimeSpan.FromSeconds(0.5), null, TimeSpan.FromSeconds(190), TimeSpan.FromSeconds(198));
        catalog.Save("/media/song.mp3", new FileStamp(1000, DateTime.UtcNow), MediaProbeResult.Playable(info, null) with { Markers = found }, DateTime.UtcNow);
        Assert.Equal(found, catalog.Get("/media/song.mp3")!.Markers);

        catalog.SetMarkers("/media/song.mp3", new MediaMarkers(Intro: TimeSpan.FromSeconds(12.5), Segue: TimeSpan.FromSeconds(186)));
        var set = new MediaMarkers(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(12.5), TimeSpan.FromSeconds(186), TimeSpan.FromSeconds(198));
        Assert.Equal(set, catalog.Get("/media/song.mp3")!.Markers);
        // Probed again (the file changed): the scan's markers are replaced, the operator's kept.
        var refound = found with { CueOut = TimeSpan.FromSeconds(197) };
        catalog.Save("/media/song.mp3", new FileStamp(1001, DateTime.UtcNow), MediaProbeResult.Playable(info, null) with { Markers = refound }, DateTime.UtcNow);
        Assert.Equal(set with { CueOut = TimeSpan.FromSeconds(197) }, catalog.Get("/media/song.mp3")!.Markers);

        catalog.SetMarkers("/media/song.mp3", new MediaMarkers());
        Assert.Equal(refound, catalog.Get("/media/song.mp3")!.Markers);
        Assert.Null(catalog.Get("/media/song.mp3")!.Set);
    }

    [Fact]
    public void A_version_2_catalogue_gains_markers_and_its_files_with_sound_are_probed_again()
    {
        string path = _folder.File("media.db");
        using (var database = OpenRaw(path))
        {
            MediaCatalogSchema.Migrate(database, path, upTo: 2);
            using var insert = database.CreateCommand();
            insert.CommandText = "INSERT INTO media (path, name, size, modified, status, probed_at, container, has_video, width, height, " +
                "interlaced, video_codec, audio_channels, audio_sample_rate, audio_codec, loudness_measured, loudness_lufs, true_peak_dbtp) " +
                "VALUES ('/media/song.mp3', 'song.mp3', 5000, 1, 'ok', 1, 'mp3', 0, 0, 0, 0, '', 2, 48000, 'mp3', 1, -14.5, -1)";
            insert.ExecuteNonQuery();
        }

        using var catalog = MediaCatalog.Open(path);

        var song = catalog.Get("/media/song.mp3")!;
        Assert.Equal((-1L, new MediaLoudness(-14.5, -1)), (song.Size, song.Loudness));
        Assert.Null(song.Markers);
    }

    /// <summary>The file as plain SQLite, not pooled so it is closed when disposed.</summary>
    private static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Save(MediaCatalog catalog, string path) =>
        catalog.Save(path, new FileStamp(1000, DateTime.UtcNow), MediaProbeResult.Unplayable("test entry"), DateTime.UtcNow);
}
