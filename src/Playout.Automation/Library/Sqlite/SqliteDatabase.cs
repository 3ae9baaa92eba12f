using SQLitePCL;

namespace Playout.Automation.Library.Sqlite;

/// <summary>
/// A small wrapper over one SQLite connection (SQLitePCL.raw): exec, prepared statements with bound parameters,
/// transactions and the schema's user_version. The connection is opened serialized (SQLite's full mutex), but a
/// statement belongs to one thread at a time; callers that share the database lock around their work.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private static readonly Lazy<bool> Initialised = new(() =>
    {
        // The bundle's provider has to be registered once per process before any raw call.
        Batteries_V2.Init();
        return true;
    });

    private readonly sqlite3 _db;

    private SqliteDatabase(sqlite3 db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (creating it if needed) the database file, waiting up to <paramref name="busyTimeout"/> for another process's lock.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static SqliteDatabase Open(string path, TimeSpan busyTimeout)
    {
        _ = Initialised.Value;
        int code = raw.sqlite3_open_v2(path, out var db,
            raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_FULLMUTEX, null);
        if (code != raw.SQLITE_OK)
        {
            string message = db is null ? raw.sqlite3_errstr(code).utf8_to_string() : raw.sqlite3_errmsg(db).utf8_to_string();
            db?.Dispose();
            throw new SqliteException(code, $"cannot open database '{path}': {message}");
        }
        raw.sqlite3_extended_result_codes(db, 1);
        raw.sqlite3_busy_timeout(db, (int)busyTimeout.TotalMilliseconds);
        return new SqliteDatabase(db, path);
    }

    /// <summary>Runs one or more statements that take no parameters and return no rows we need.</summary>
    public void Execute(string sql)
    {
        int code = raw.sqlite3_exec(_db, sql, null, null, out string? error);
        if (code != raw.SQLITE_OK)
            throw new SqliteException(code, $"{error ?? Message()} (in: {sql.Trim()})");
    }

    /// <summary>A statement to bind, step and dispose; one SQL statement only.</summary>
    public SqliteStatement Prepare(string sql)
    {
        int code = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        if (code != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw Error(code, sql);
        }
        return new SqliteStatement(this, statement, sql);
    }

    /// <summary>BEGIN IMMEDIATE: takes the write lock now, so a writer never fails half-way on another process's lock.</summary>
    public SqliteTransaction BeginTransaction()
    {
        Execute("BEGIN IMMEDIATE");
        return new SqliteTransaction(this);
    }

    /// <summary>PRAGMA user_version: the schema version this database was migrated to (0 for a new file).</summary>
    public int UserVersion
    {
        get
        {
            using var statement = Prepare("PRAGMA user_version");
            statement.Step();
            return (int)statement.GetInt64(0);
        }
        // PRAGMA takes no bound parameters; the value is an int, so formatting it in is safe.
        set => Execute($"PRAGMA user_version = {value}");
    }

    /// <summary>Rows changed by the last INSERT, UPDATE or DELETE.</summary>
    public int Changes => raw.sqlite3_changes(_db);

    internal SqliteException Error(int code, string sql) => new(code, $"{Message()} (in: {sql.Trim()})");

    private string Message() => raw.sqlite3_errmsg(_db).utf8_to_string();

    public void Dispose() => _db.Dispose();
}
