namespace Playout.Automation.Library.Sqlite;

/// <summary>A SQLite call failed; the message carries SQLite's own message and the statement or file involved.</summary>
public sealed class SqliteException : Exception
{
    internal SqliteException(int resultCode, string message)
        : base($"{message} [SQLite code {resultCode}]") => ResultCode = resultCode;

    /// <summary>SQLite's (extended) result code, e.g. 19 (SQLITE_CONSTRAINT) or 11 (SQLITE_CORRUPT).</summary>
    public int ResultCode { get; }
}
