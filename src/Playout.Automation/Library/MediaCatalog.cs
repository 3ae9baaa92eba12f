using Microsoft.Data.Sqlite;
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
        "frame_rate_num, frame_rate_den, interlaced, video_codec, audio_channels, audio_sample_rate, audio_codec, thumbnail IS NOT NULL, " +
        "loudness_measured, loudness_lufs, true_peak_dbtp, media.cue_in_us, media.segue_us, media.cue_out_us, " +
        "markers.cue_in_us, markers.intro_us, markers.segue_us, markers.cue_out_us";

    /// <summary>Entries with the markers an operator set.</summary>
    private const string Entries = "media LEFT JOIN markers USING (path)";

    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    private MediaCatalog(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file's path.</summary>
    public string Path { get; }

    /// <summary>Opens the catalogue at <paramref name="path"/>, creating the file (and its folder) or migrating its schema as needed.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database (SQLite's message).</exception>
    /// <exception cref="InvalidOperationException">The file was made by a newer build.</exception>
    public static MediaCatalog Open(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Not pooled: disposing the catalogue closes the file (tests and `playout media` delete or replace it after).
            Pooling = false,
            // How long a statement waits for another process's lock before failing.
            DefaultTimeout = 5,
        }.ToString());
        try
        {
            connection.Open();
            connection.Execute("PRAGMA journal_mode = WAL");
            MediaCatalogSchema.Migrate(connection, full);
            return new MediaCatalog(connection, full);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The entry for a file, by its path (made absolute against the current directory); null when not catalogued.</summary>
    public MediaEntry? Get(string path)
    {
        lock (_lock)
        {
            using var command = _connection.Command($"SELECT {EntryColumns} FROM {Entries} WHERE path = $path")
                .Bind("$path", System.IO.Path.GetFullPath(path));
            using var reader = command.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
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
            using var command = _connection.Command(
                    $"SELECT {EntryColumns} FROM {Entries} WHERE name = $file COLLATE NOCASE OR name LIKE $stem ESCAPE '\\' ORDER BY path")
                .Bind("$file", file).Bind("$stem", EscapeLike(file) + ".%");
            using var reader = command.ExecuteReader();
            while (reader.Read())
                candidates.Add(Read(reader));
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
            using (var command = _connection.Command(
                    $"SELECT {EntryColumns} FROM {Entries} WHERE name LIKE $pattern ESCAPE '\\' ORDER BY name COLLATE NOCASE, path LIMIT $limit OFFSET $offset")
                .Bind("$pattern", pattern).Bind("$limit", limit).Bind("$offset", offset))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    items.Add(Read(reader));
            }
            using var count = _connection.Command("SELECT COUNT(*) FROM media WHERE name LIKE $pattern ESCAPE '\\'").Bind("$pattern", pattern);
            return new MediaPage(items, Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Each file with a thumbnail and the thumbnail's size in bytes (for AMCP's THUMBNAIL LIST), ordered by path.</summary>
    public IReadOnlyList<(string Path, long Size)> ThumbnailSizes()
    {
        var sizes = new List<(string, long)>();
        lock (_lock)
        {
            using var command = _connection.Command("SELECT path, length(thumbnail) FROM media WHERE thumbnail IS NOT NULL ORDER BY path");
            using var reader = command.ExecuteReader();
            while (reader.Read())
                sizes.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return sizes;
    }

    /// <summary>The file's thumbnail (JPEG); null when it is not catalogued or has none.</summary>
    public byte[]? GetThumbnail(string path)
    {
        lock (_lock)
        {
            using var command = _connection.Command("SELECT thumbnail FROM media WHERE path = $path")
                .Bind("$path", System.IO.Path.GetFullPath(path));
            return command.ExecuteScalar() as byte[];
        }
    }

    /// <summary>Records (or replaces) a file's probe.</summary>
    internal void Save(string path, FileStamp stamp, MediaProbeResult probe, DateTime probedAt)
    {
        var info = probe.Info;
        lock (_lock)
        {
            using var command = _connection.Command(
                """
                INSERT INTO media (path, name, size, modified, status, error, probed_at, container, duration_us, has_video, width, height,
                                   frame_rate_num, frame_rate_den, interlaced, video_codec, audio_channels, audio_sample_rate, audio_codec, thumbnail,
                                   loudness_measured, loudness_lufs, true_peak_dbtp, cue_in_us, segue_us, cue_out_us)
                VALUES ($path, $name, $size, $modified, $status, $error, $probed, $container, $duration, $video, $width, $height,
                        $rateNum, $rateDen, $interlaced, $videoCodec, $channels, $sampleRate, $audioCodec, $thumbnail,
                        $measured, $lufs, $truePeak, $cueIn, $segue, $cueOut)
                ON CONFLICT (path) DO UPDATE SET
                    size = excluded.size, modified = excluded.modified, status = excluded.status, error = excluded.error,
                    probed_at = excluded.probed_at, container = excluded.container, duration_us = excluded.duration_us,
                    has_video = excluded.has_video, width = excluded.width, height = excluded.height,
                    frame_rate_num = excluded.frame_rate_num, frame_rate_den = excluded.frame_rate_den, interlaced = excluded.interlaced,
                    video_codec = excluded.video_codec, audio_channels = excluded.audio_channels,
                    audio_sample_rate = excluded.audio_sample_rate, audio_codec = excluded.audio_codec, thumbnail = excluded.thumbnail,
                    loudness_measured = excluded.loudness_measured, loudness_lufs = excluded.loudness_lufs, true_peak_dbtp = excluded.true_peak_dbtp,
                    cue_in_us = excluded.cue_in_us, segue_us = excluded.segue_us, cue_out_us = excluded.cue_out_us
                """);
            command.Bind("$path", path).Bind("$name", System.IO.Path.GetFileName(path))
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
                .Bind("$thumbnail", probe.Thumbnail)
                .Bind("$measured", probe.Loudness is null ? 0L : 1L)
                .Bind("$lufs", Finite(probe.Loudness?.Integrated)).Bind("$truePeak", Finite(probe.Loudness?.TruePeak))
                .Bind("$cueIn", Microseconds(probe.Markers?.CueIn)).Bind("$segue", Microseconds(probe.Markers?.Segue))
                .Bind("$cueOut", Microseconds(probe.Markers?.CueOut));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Sets the markers an operator gives <paramref name="path"/> (made absolute), over those the scan found: each one set here
    /// wins, each null leaves the scan's; all null forgets them. They are kept when the file is probed again.
    /// </summary>
    public void SetMarkers(string path, MediaMarkers markers)
    {
        lock (_lock)
        {
            using var command = markers.IsEmpty
                ? _connection.Command("DELETE FROM markers WHERE path = $path")
                : _connection.Command(
                    """
                    INSERT INTO markers (path, cue_in_us, intro_us, segue_us, cue_out_us) VALUES ($path, $cueIn, $intro, $segue, $cueOut)
                    ON CONFLICT (path) DO UPDATE SET cue_in_us = excluded.cue_in_us, intro_us = excluded.intro_us,
                        segue_us = excluded.segue_us, cue_out_us = excluded.cue_out_us
                    """)
                    .Bind("$cueIn", Microseconds(markers.CueIn)).Bind("$intro", Microseconds(markers.Intro))
                    .Bind("$segue", Microseconds(markers.Segue)).Bind("$cueOut", Microseconds(markers.CueOut));
            command.Bind("$path", System.IO.Path.GetFullPath(path)).ExecuteNonQuery();
        }
    }

    /// <summary>The size and time every catalogued file had when probed, by path.</summary>
    internal Dictionary<string, FileStamp> Stamps()
    {
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        lock (_lock)
        {
            using var command = _connection.Command("SELECT path, size, modified FROM media");
            using var reader = command.ExecuteReader();
            while (reader.Read())
                stamps[reader.GetString(0)] = new FileStamp(reader.GetInt64(1), new DateTime(reader.GetInt64(2), DateTimeKind.Utc));
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
            using var transaction = _connection.BeginTransaction(deferred: false);
            using (var command = _connection.Command("DELETE FROM media WHERE path = $path", transaction).Bind("$path", null))
            {
                foreach (string path in paths)
                {
                    command.Parameters["$path"].Value = path;
                    command.ExecuteNonQuery();
                }
            }
            transaction.Commit();
        }
    }

    public void Dispose()
    {
        lock (_lock)
            _connection.Dispose();
    }

    private static MediaEntry Read(SqliteDataReader row)
    {
        MediaInfo? info = row.IsDBNull(6) ? null : new MediaInfo(
            row.GetString(6),
            row.IsDBNull(7) ? null : TimeSpan.FromMicroseconds(row.GetInt64(7)),
            row.GetInt64(8) != 0,
            (int)row.GetInt64(9),
            (int)row.GetInt64(10),
            row.IsDBNull(11) || row.IsDBNull(12) ? null : new Rational(row.GetInt64(11), row.GetInt64(12)),
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
            row.IsDBNull(4) ? null : row.GetString(4),
            new DateTime(row.GetInt64(5), DateTimeKind.Utc),
            info,
            row.GetInt64(18) != 0,
            row.GetInt64(19) == 0 ? null : new MediaLoudness(Level(row, 20), Level(row, 21)))
        {
            Found = Markers(new MediaMarkers(Time(row, 22), null, Time(row, 23), Time(row, 24))),
            Set = Markers(new MediaMarkers(Time(row, 25), Time(row, 26), Time(row, 27), Time(row, 28))),
        };
    }

    private static MediaMarkers? Markers(MediaMarkers markers) => markers.IsEmpty ? null : markers;

    private static TimeSpan? Time(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : TimeSpan.FromMicroseconds(row.GetInt64(column));

    private static long? Microseconds(TimeSpan? time) => time is { } t ? (long)t.TotalMicroseconds : null;

    /// <summary>Silence (−∞) is stored as NULL.</summary>
    private static double? Finite(double? level) => level is { } value && double.IsFinite(value) ? value : null;

    private static double Level(SqliteDataReader row, int column) => row.IsDBNull(column) ? double.NegativeInfinity : row.GetDouble(column);

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
