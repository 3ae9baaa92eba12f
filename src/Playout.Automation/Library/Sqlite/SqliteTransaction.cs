namespace Playout.Automation.Library.Sqlite;

/// <summary>An open transaction: <see cref="Commit"/> keeps its changes; disposing without committing rolls them back.</summary>
internal sealed class SqliteTransaction(SqliteDatabase database) : IDisposable
{
    private bool _done;

    public void Commit()
    {
        database.Execute("COMMIT");
        _done = true;
    }

    public void Dispose()
    {
        if (_done)
            return;
        _done = true;
        database.Execute("ROLLBACK");
    }
}
