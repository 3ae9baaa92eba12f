using Playout.Automation.Library.Sqlite;
using Playout.Engine.Library;
using Playout.Media.Formats;

namespace Playout.Automation.Library;

/// <summary>
/// The media library's catalogue: one row per media file with what a probe found and a thumbnail, in a SQLite
/// file. Safe for several threads (the scanner writes while the API reads): every call holds the catalogue's lock
/// for its few statements. Another process may read the same file meanwhile (WAL journal), e.g. `playout media list`.
/// </summary>
public sealed class MediaCatalog : IDisposable
{
    private const string EntryColumns =
        "path, size, modified, status, error, probed_at, container, duration_us, has_video, width, height, " +
        "frame_rate_num, frame_rate_den, interlaced, video_codec, audio_channels, audio_sample_rate, audio_codec, thumbnail IS NOT NULL";

    private readonly SqliteDatabase _database;
    private readonly Lock _lock = new();

    private MediaCatalog(SqliteDatabase database) => _database = database;

    /// <summary>The database file's path.</summary>
    public string Path => _database.Path;

    /// <summary>Opens the catalogue at <paramref name="path"/>, creating the file (and its folder) or migrating its schema as needed.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    /// <exception cref="InvalidOperationException">The file was made by a newer build.</exception>
    public static MediaCatalog Open(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        var database = SqliteDatabase.Open(full, TimeSpan.FromSeconds(5));
        try
        {
            database.Execute("PRAGMA journal_mode = WAL");
            MediaCatalogSchema.Migrate(database);
            return new MediaCatalog(database);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>The entry for a file, by its path (made absolute against the current directory); null when not catalogued.</summary>
    public MediaEntry? Get(string path)
    {
        lock (_lock)
        {
            using var statement = _database.Prepare($"SELECT {EntryColumns} FROM media WHERE path = $path");
            statement.Bind("$path", System.IO.Path.GetFullPath(path));
            return statement.Step() ? Read(statement) : null;
        }
    }

    /// <summary>
    /// Entries a schedule's media name can mean: a file name ("promo.mxf"), a name without its extension ("promo"),
    /// or the end of a path ("news/open.mxf"); letter case is ignored, as schedules from other systems often differ.
    /// </summary>
    public IReadOnlyList<MediaEntry> FindByName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string tail = name.Replace('\\', '/').Trim('/');
        string file = tail[(tail.LastIndexOf('/') + 1)..];
        var candidates = new List<MediaEntry>();
        lock (_lock)
        {
            using var statement = _database.Prepare(
                $"SELECT {EntryColumns} FROM media WHERE name = $file COLLATE NOCASE OR name LIKE $stem ESCAPE '\\' ORDER BY path");
            statement.Bind("$file", file).Bind("$stem", EscapeLike(file) + ".%");
            while (statement.Step())
                candidates.Add(Read(statement));
        }
        return candidates.Where(entry => Matches(entry.Path.Replace('\\', '/'), tail)).ToList();
    }

    /// <summary>Entries whose file name contains <paramref name="search"/> (any case; all when null or empty), ordered by name.</summary>
    public MediaPage List(string? search = null, int offset = 0, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        string pattern = "%" + EscapeLike(search ?? "") + "%";
        var items = new List<MediaEntry>();
        lock (_lock)
        {
            using (var statement = _database.Prepare(
                $"SELECT {EntryColumns} FROM media WHERE name LIKE $pattern ESCAPE '\\' ORDER BY name COLLATE NOCASE, path LIMIT $limit OFFSET $offset"))
            {
                statement.Bind("$pattern", pattern).Bind("$limit", (long)limit).Bind("$offset", (long)offset);
                while (statement.Step())
                    items.Add(Read(statement));
            }
            using var count = _database.Prepare("SELECT COUNT(*) FROM media WHERE name LIKE $pattern ESCAPE '\\'");
            count.Bind("$pattern", pattern).Step();
            return new MediaPage(items, (int)count.GetInt64(0));
        }
    }

    /// <summary>The file's thumbnail (JPEG); null when it is not catalogued or has none.</summary>
    public byte[]? GetThumbnail(string path)
    {
        lock (_lock)
        {
            using var statement = _database.Prepare("SELECT thumbnail FROM media WHERE path = $path");
            statement.Bind("$path", System.IO.Path.GetFullPath(path));
            return statement.Step() ? statement.GetBlobOrNull(0) : null;
        }
    }

    /// <summary>Records (or replaces) a file's probe.</summary>
    internal void Save(string path, FileStamp stamp, MediaProbeResult probe, DateTime probedAt)
    {
        var info = probe.Info;
        lock (_lock)
        {
            using var statement = _database.Prepare(
                """
                INSERT INTO media (path, name, size, modified, status, error, probed_at, container, duration_us, has_video, width, height,
                                   frame_rate_num, frame_rate_den, interlaced, video_codec, audio_channels, audio_sample_rate, audio_codec, thumbnail)
                VALUES ($path, $name, $size, $modified, $status, $error, $probed, $container, $duration, $video, $width, $height,
                        $rateNum, $rateDen, $interlaced, $videoCodec, $channels, $sampleRate, $audioCodec, $thumbnail)
                ON CONFLICT (path) DO UPDATE SET
                    size = excluded.size, modified = excluded.modified, status = excluded.status, error = excluded.error,
                    probed_at = excluded.probed_at, container = excluded.container, duration_us = excluded.duration_us,
                    has_video = excluded.has_video, width = excluded.width, height = excluded.height,
                    frame_rate_num = excluded.frame_rate_num, frame_rate_den = excluded.frame_rate_den, interlaced = excluded.interlaced,
                    video_codec = excluded.video_codec, audio_channels = excluded.audio_channels,
                    audio_sample_rate = excluded.audio_sample_rate, audio_codec = excluded.audio_codec, thumbnail = excluded.thumbnail
                """);
            statement.Bind("$path", path).Bind("$name", System.IO.Path.GetFileName(path))
                .Bind("$size", stamp.Size).Bind("$modified", stamp.Modified.Ticks)
                .Bind("$status", probe.IsPlayable ? "ok" : "unplayable").Bind("$error", probe.Error)
                .Bind("$probed", probedAt.Ticks)
                .Bind("$container", info?.Container)
                .Bind("$duration", info?.Duration is { } duration ? (long)duration.TotalMicroseconds : null)
                .Bind("$video", info is null ? null : info.HasVideo ? 1L : 0L)
                .Bind("$width", (long?)info?.Width).Bind("$height", (long?)info?.Height)
                .Bind("$rateNum", info?.FrameRate?.Numerator).Bind("$rateDen", info?.FrameRate?.Denominator)
                .Bind("$interlaced", info is null ? null : info.Interlaced ? 1L : 0L)
                .Bind("$videoCodec", info?.VideoCodec)
                .Bind("$channels", (long?)info?.AudioChannels).Bind("$sampleRate", (long?)info?.AudioSampleRate)
                .Bind("$audioCodec", info?.AudioCodec)
                .Bind("$thumbnail", probe.Thumbnail);
            statement.Execute();
        }
    }

    /// <summary>The size and time every catalogued file had when probed, by path.</summary>
    internal Dictionary<string, FileStamp> Stamps()
    {
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        lock (_lock)
        {
            using var statement = _database.Prepare("SELECT path, size, modified FROM media");
            while (statement.Step())
                stamps[statement.GetString(0)] = new FileStamp(statement.GetInt64(1), new DateTime(statement.GetInt64(2), DateTimeKind.Utc));
        }
        return stamps;
    }

    /// <summary>Removes the entries of files that are gone, in one transaction.</summary>
    internal void Remove(IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0)
            return;
        lock (_lock)
        {
            using var transaction = _database.BeginTransaction();
            using (var statement = _database.Prepare("DELETE FROM media WHERE path = $path"))
            {
                foreach (string path in paths)
                {
                    statement.Reset();
                    statement.Bind("$path", path).Execute();
                }
            }
            transaction.Commit();
        }
    }

    public void Dispose()
    {
        lock (_lock)
            _database.Dispose();
    }

    private static MediaEntry Read(SqliteStatement row)
    {
        MediaInfo? info = row.IsNull(6) ? null : new MediaInfo(
            row.GetString(6),
            row.GetInt64OrNull(7) is { } duration ? TimeSpan.FromMicroseconds(duration) : null,
            row.GetInt64(8) != 0,
            (int)row.GetInt64(9),
            (int)row.GetInt64(10),
            row.GetInt64OrNull(11) is { } numerator && row.GetInt64OrNull(12) is { } denominator ? new Rational(numerator, denominator) : null,
            row.GetInt64(13) != 0,
            row.GetString(14),
            (int)row.GetInt64(15),
            (int)row.GetInt64(16),
            row.GetString(17));
        return new MediaEntry(
            row.GetString(0),
            row.GetInt64(1),
            new DateTime(row.GetInt64(2), DateTimeKind.Utc),
            row.GetString(3) == "ok" ? MediaStatus.Ok : MediaStatus.Unplayable,
            row.GetStringOrNull(4),
            new DateTime(row.GetInt64(5), DateTimeKind.Utc),
            info,
            row.GetInt64(18) != 0);
    }

    /// <summary>Does a catalogued path answer a schedule's name: its end, or its end without the extension?</summary>
    private static bool Matches(string path, string name) =>
        EndsWithSegments(path, name) || EndsWithSegments(System.IO.Path.ChangeExtension(path, null), name);

    private static bool EndsWithSegments(string path, string tail) =>
        path.EndsWith(tail, StringComparison.OrdinalIgnoreCase)
        && (path.Length == tail.Length || path[path.Length - tail.Length - 1] == '/');

    /// <summary>Makes LIKE take % and _ in a search literally.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
