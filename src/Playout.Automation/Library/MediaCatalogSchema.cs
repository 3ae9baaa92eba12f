using Microsoft.Data.Sqlite;

namespace Playout.Automation.Library;

/// <summary>
/// The catalogue's tables, as migrations: migration n takes a database from user_version n to n + 1. A shipped
/// migration never changes; a new schema is a new entry at the end.
/// </summary>
internal static class MediaCatalogSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE media (
            id                INTEGER PRIMARY KEY,
            path              TEXT    NOT NULL UNIQUE,
            name              TEXT    NOT NULL,           -- the file name, for search and lookup by name
            size              INTEGER NOT NULL,
            modified          INTEGER NOT NULL,           -- last write time, UTC .NET ticks
            status            TEXT    NOT NULL CHECK (status IN ('ok', 'unplayable')),
            error             TEXT,
            probed_at         INTEGER NOT NULL,           -- UTC .NET ticks
            container         TEXT,                       -- NULL: FFmpeg could not open the file
            duration_us       INTEGER,
            has_video         INTEGER,
            width             INTEGER,
            height            INTEGER,
            frame_rate_num    INTEGER,
            frame_rate_den    INTEGER,
            interlaced        INTEGER,
            video_codec       TEXT,
            audio_channels    INTEGER,
            audio_sample_rate INTEGER,
            audio_codec       TEXT,
            thumbnail         BLOB                        -- JPEG
        );
        CREATE INDEX media_name ON media (name COLLATE NOCASE);
        """,
        """
        ALTER TABLE media ADD COLUMN loudness_measured INTEGER NOT NULL DEFAULT 0;  -- 1: the two below were measured
        ALTER TABLE media ADD COLUMN loudness_lufs     REAL;                       -- integrated (EBU R128); NULL: silent
        ALTER TABLE media ADD COLUMN true_peak_dbtp    REAL;                       -- NULL: digital silence
        -- Files with sound catalogued before loudness was measured count as changed, so the next scan measures them.
        UPDATE media SET size = -1 WHERE status = 'ok' AND audio_channels > 0;
        """,
        """
        ALTER TABLE media ADD COLUMN cue_in_us  INTEGER;  -- where the sound starts, fades and ends, found with the loudness
        ALTER TABLE media ADD COLUMN segue_us   INTEGER;
        ALTER TABLE media ADD COLUMN cue_out_us INTEGER;
        -- Markers an operator set, by path: kept when the file is probed again (the scan's own are replaced).
        CREATE TABLE markers (
            path       TEXT PRIMARY KEY,
            cue_in_us  INTEGER,
            intro_us   INTEGER,
            segue_us   INTEGER,
            cue_out_us INTEGER
        );
        UPDATE media SET size = -1 WHERE status = 'ok' AND audio_channels > 0;
        """,
    ];

    public static int Version => Migrations.Length;

    /// <param name="upTo">The version to stop at (the latest unless a test makes an older catalogue).</param>
    /// <exception cref="InvalidOperationException">The database was made by a newer build (a schema this one does not know).</exception>
    public static void Migrate(SqliteConnection connection, string path, int? upTo = null)
    {
        int version = connection.UserVersion();
        if (version > Version)
            throw new InvalidOperationException(
                $"media catalogue '{path}' has schema version {version}; this build knows up to {Version}");
        for (; version < (upTo ?? Version); version++)
        {
            // Each step and its version number commit together, so a crash never leaves a half-migrated file.
            // BEGIN IMMEDIATE (not deferred): the write lock is taken now, so a step never fails half-way on another process's lock.
            using var transaction = connection.BeginTransaction(deferred: false);
            connection.Execute(Migrations[version], transaction);
            connection.SetUserVersion(version + 1, transaction);
            transaction.Commit();
        }
    }
}
