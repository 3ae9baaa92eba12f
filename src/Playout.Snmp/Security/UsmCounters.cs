using Playout.Snmp.Data;
using Playout.Snmp.Mib;

namespace Playout.Snmp.Security;

/// <summary>
/// The counters SNMPv3 reports carry: usmStats (RFC 3414 §5, 1.3.6.1.6.3.15.1.1), snmpMPDStats (RFC 3412 §5,
/// 1.3.6.1.6.3.11.2.1) and snmpUnknownContexts (RFC 3415, 1.3.6.1.6.3.12.1.5). Counter32: kept as uint, incremented atomically.
/// </summary>
public sealed class UsmCounters
{
    public static readonly Oid UnsupportedSecLevelsOid = Oid.Parse("1.3.6.1.6.3.15.1.1.1.0");
    public static readonly Oid NotInTimeWindowsOid = Oid.Parse("1.3.6.1.6.3.15.1.1.2.0");
    public static readonly Oid UnknownUserNamesOid = Oid.Parse("1.3.6.1.6.3.15.1.1.3.0");
    public static readonly Oid UnknownEngineIdsOid = Oid.Parse("1.3.6.1.6.3.15.1.1.4.0");
    public static readonly Oid WrongDigestsOid = Oid.Parse("1.3.6.1.6.3.15.1.1.5.0");
    public static readonly Oid DecryptionErrorsOid = Oid.Parse("1.3.6.1.6.3.15.1.1.6.0");
    public static readonly Oid UnknownSecurityModelsOid = Oid.Parse("1.3.6.1.6.3.11.2.1.1.0");
    public static readonly Oid InvalidMsgsOid = Oid.Parse("1.3.6.1.6.3.11.2.1.2.0");
    public static readonly Oid UnknownPduHandlersOid = Oid.Parse("1.3.6.1.6.3.11.2.1.3.0");
    public static readonly Oid UnknownContextsOid = Oid.Parse("1.3.6.1.6.3.12.1.5.0");

    private readonly uint[] _counts = new uint[10];

    /// <summary>Every counter with its instance OID, in OID order (for the MIB tree).</summary>
    public IReadOnlyList<(Oid Oid, Func<uint> Read)> All =>
        Oids.Select((oid, i) => (oid, (Func<uint>)(() => Volatile.Read(ref _counts[i])))).OrderBy(c => c.oid).ToArray();

    private static readonly Oid[] Oids =
    [
        UnsupportedSecLevelsOid, NotInTimeWindowsOid, UnknownUserNamesOid, UnknownEngineIdsOid, WrongDigestsOid,
        DecryptionErrorsOid, UnknownSecurityModelsOid, InvalidMsgsOid, UnknownPduHandlersOid, UnknownContextsOid,
    ];

    public uint UnsupportedSecLevels => Read(UnsupportedSecLevelsOid);
    public uint NotInTimeWindows => Read(NotInTimeWindowsOid);
    public uint UnknownUserNames => Read(UnknownUserNamesOid);
    public uint UnknownEngineIds => Read(UnknownEngineIdsOid);
    public uint WrongDigests => Read(WrongDigestsOid);
    public uint DecryptionErrors => Read(DecryptionErrorsOid);
    public uint UnknownSecurityModels => Read(UnknownSecurityModelsOid);
    public uint InvalidMsgs => Read(InvalidMsgsOid);

    /// <summary>Counts one event of <paramref name="counter"/> (one of the OIDs above) and returns the new value.</summary>
    public uint Increment(Oid counter) => Interlocked.Increment(ref _counts[Index(counter)]);

    public uint Read(Oid counter) => Volatile.Read(ref _counts[Index(counter)]);

    /// <summary>Serves every counter as a Counter32 scalar (SNMP-USER-BASED-SM-MIB usmStats, SNMP-MPD-MIB, SNMP-VIEW-BASED-ACM-MIB).</summary>
    public void Register(MibTree tree)
    {
        foreach (var (oid, read) in All)
            tree.Register(new MibScalar(new Oid(oid.Arcs[..^1]), () => new Counter32(read())));
    }

    private static int Index(Oid counter)
    {
        var index = Array.IndexOf(Oids, counter);
        return index >= 0 ? index : throw new ArgumentException($"{counter} is not an SNMPv3 statistics counter", nameof(counter));
    }
}
