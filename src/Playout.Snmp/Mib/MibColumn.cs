using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Mib;

/// <summary>How a writable column tests a new value for a row and commits it (false: commitFailed).</summary>
public sealed record ColumnWrite<TRow>(Func<TRow, SnmpValue, ErrorStatus> Test, Func<TRow, SnmpValue, MibRequest, bool> Commit);

/// <summary>
/// An accessible column of a table (index columns are not-accessible in SMIv2 and so are not listed).
/// <paramref name="Id"/> is its sub-identifier under the entry.
/// </summary>
public sealed record MibColumn<TRow>(uint Id, Func<TRow, SnmpValue> Read, ColumnWrite<TRow>? Write = null);
