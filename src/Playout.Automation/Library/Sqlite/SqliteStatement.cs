using SQLitePCL;

namespace Playout.Automation.Library.Sqlite;

/// <summary>
/// A prepared statement. Parameters are bound by name ("$path"), never formatted into the SQL; columns are read
/// by index from the current row after <see cref="Step"/> returned true.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly sqlite3_stmt _statement;
    private readonly string _sql;

    internal SqliteStatement(SqliteDatabase database, sqlite3_stmt statement, string sql)
    {
        _database = database;
        _statement = statement;
        _sql = sql;
    }

    public SqliteStatement Bind(string name, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, Index(name)) : raw.sqlite3_bind_text(_statement, Index(name), value));

    public SqliteStatement Bind(string name, long? value) =>
        Check(value is { } number ? raw.sqlite3_bind_int64(_statement, Index(name), number) : raw.sqlite3_bind_null(_statement, Index(name)));

    public SqliteStatement Bind(string name, double? value) =>
        Check(value is { } number ? raw.sqlite3_bind_double(_statement, Index(name), number) : raw.sqlite3_bind_null(_statement, Index(name)));

    public SqliteStatement Bind(string name, byte[]? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, Index(name)) : raw.sqlite3_bind_blob(_statement, Index(name), value));

    /// <summary>Runs the statement to its next row: true with a row to read, false when done.</summary>
    /// <exception cref="SqliteException">SQLite's error (constraint, busy, corrupt, …) with the statement.</exception>
    public bool Step()
    {
        int code = raw.sqlite3_step(_statement);
        return code switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw _database.Error(code, _sql),
        };
    }

    /// <summary>Runs a statement that returns no rows; returns the rows it changed.</summary>
    public int Execute()
    {
        while (Step())
        {
        }
        return _database.Changes;
    }

    /// <summary>Makes the statement ready to run again; bindings are kept until bound anew.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public long? GetInt64OrNull(int column) => IsNull(column) ? null : GetInt64(column);

    public double GetDouble(int column) => raw.sqlite3_column_double(_statement, column);

    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string() ?? "";

    public string? GetStringOrNull(int column) => IsNull(column) ? null : GetString(column);

    public byte[]? GetBlobOrNull(int column) => IsNull(column) ? null : raw.sqlite3_column_blob(_statement, column).ToArray();

    public void Dispose() => _statement.Dispose();

    private int Index(string name)
    {
        int index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"the statement has no parameter {name} (in: {_sql.Trim()})", nameof(name));
    }

    private SqliteStatement Check(int code) => code == raw.SQLITE_OK ? this : throw _database.Error(code, _sql);
}
