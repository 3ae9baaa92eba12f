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
