using Microsoft.Data.Sqlite;

namespace Playout.Automation.Library;

/// <summary>
/// The few Microsoft.Data.Sqlite calls the catalogue repeats: a command in the connection's open transaction, parameters
/// bound by name ("$path", never formatted into the SQL, null as SQL NULL) and the schema's user_version.
/// </summary>
internal static class SqliteCommands
{
    /// <summary>A command on <paramref name="connection"/>; inside <paramref name="transaction"/> when one is open (Microsoft.Data.Sqlite requires it).</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Runs statements that take no parameters; returns the rows they changed.</summary>
    public static int Execute(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command(sql, transaction);
        return command.ExecuteNonQuery();
    }

    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>PRAGMA user_version: the schema version the database was migrated to (0 for a new file).</summary>
    public static int UserVersion(this SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command("PRAGMA user_version", transaction);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sets PRAGMA user_version (it takes no bound parameters; the value is an int, so formatting it in is safe).</summary>
    public static void SetUserVersion(this SqliteConnection connection, int version, SqliteTransaction? transaction = null) =>
        connection.Execute($"PRAGMA user_version = {version}", transaction);
}
