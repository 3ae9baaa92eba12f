using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Mib;

/// <summary>
/// A conceptual table registered at its entry OID. Rows come from a provider (a snapshot per request), each
/// named by its index; instance <c>entry.column.index</c>. GETNEXT walks column by column, each column in
/// index order, as SNMP orders a table (RFC 2578 §7.7).
/// </summary>
public sealed class MibTable<TRow> : IMibObject
{
    private readonly Func<IEnumerable<TRow>> _rows;
    private readonly Func<TRow, Oid> _index;
    private readonly MibColumn<TRow>[] _columns;

    public MibTable(Oid entry, Func<IEnumerable<TRow>> rows, Func<TRow, Oid> index, IEnumerable<MibColumn<TRow>> columns)
    {
        Root = entry;
        _rows = rows;
        _index = index;
        _columns = columns.OrderBy(column => column.Id).ToArray();
        if (_columns.Length == 0) throw new ArgumentException($"table {entry} has no accessible columns", nameof(columns));
    }

    public Oid Root { get; }

    public SnmpValue Get(Oid instance, MibRequest request)
    {
        if (!TryColumn(instance, out var column)) return Null.NoSuchObject;
        var rows = Rows(request);
        var at = Find(rows, instance.Skip(Root.Length + 1));
        return at >= 0 ? column.Read(rows[at].Row) : Null.NoSuchInstance;
    }

    public (Oid Instance, SnmpValue Value)? Next(Oid after, MibRequest request)
    {
        var rows = Rows(request);
        if (rows.Length == 0) return null;
        var first = 0;
        Oid rowAfter = default;
        if (after.StartsWith(Root) && after.Length > Root.Length)
        {
            var id = after[Root.Length];
            while (first < _columns.Length && _columns[first].Id < id) first++;
            if (first < _columns.Length && _columns[first].Id == id) rowAfter = after.Skip(Root.Length + 1);
        }
        else if (after > Root) return null;
        for (var c = first; c < _columns.Length; c++)
        {
            // The first row whose index sorts after rowAfter (an empty rowAfter: the column's first row).
            var at = Find(rows, rowAfter);
            var next = at >= 0 ? at + 1 : ~at;
            if (next < rows.Length)
            {
                var column = _columns[c];
                return (Root.Append(column.Id).Append(rows[next].Index), column.Read(rows[next].Row));
            }
            rowAfter = default;
        }
        return null;
    }

    public SetOutcome PrepareSet(Oid instance, SnmpValue value, MibRequest request)
    {
        if (!TryColumn(instance, out var column) || column.Write is not { } write) return SetOutcome.Fail(ErrorStatus.NotWritable);
        var rows = Rows(request);
        var at = Find(rows, instance.Skip(Root.Length + 1));
        if (at < 0) return SetOutcome.Fail(ErrorStatus.NoCreation);
        var row = rows[at].Row;
        var error = write.Test(row, value);
        return error != ErrorStatus.NoError ? SetOutcome.Fail(error) : SetOutcome.Ready(() => write.Commit(row, value, request));
    }

    private bool TryColumn(Oid instance, out MibColumn<TRow> column)
    {
        column = null!;
        if (instance.Length <= Root.Length + 1 || !instance.StartsWith(Root)) return false;
        var id = instance[Root.Length];
        var at = Array.FindIndex(_columns, c => c.Id == id);
        if (at < 0) return false;
        column = _columns[at];
        return true;
    }

    private (Oid Index, TRow Row)[] Rows(MibRequest request) => request.Snapshot(this, () =>
    {
        var rows = _rows().Select(row => (Index: _index(row), Row: row)).ToArray();
        Array.Sort(rows, (a, b) => a.Index.CompareTo(b.Index));
        return rows;
    });

    /// <summary>Binary search by index: the row's position, or the complement of where it would go.</summary>
    private static int Find((Oid Index, TRow Row)[] rows, Oid index)
    {
        int low = 0, high = rows.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var order = rows[mid].Index.CompareTo(index);
            if (order == 0) return mid;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return ~low;
    }
}
