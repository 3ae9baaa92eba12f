using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;

namespace Playout.HwSim.Snmp;

/// <summary>
/// One object instance of a profile, a scalar's <c>.0</c> or a table column's row (<c>.1</c>), registered as a subtree of
/// its own. A SET of an Integer32 is decoded by <paramref name="write"/> into the commit to run, or null (wrongValue).
/// </summary>
internal sealed class ProfileObject(Oid instance, Func<SnmpValue> read, Func<int, Func<bool>?>? write) : IMibObject
{
    public Oid Root => instance;

    public SnmpValue Read() => read();

    public SnmpValue Get(Oid oid, MibRequest request) => oid == instance ? read() : Null.NoSuchInstance;

    public (Oid Instance, SnmpValue Value)? Next(Oid after, MibRequest request) => after < instance ? (instance, read()) : null;

    public SetOutcome PrepareSet(Oid oid, SnmpValue value, MibRequest request)
    {
        if (write is null) return SetOutcome.Fail(ErrorStatus.NotWritable);
        if (oid != instance) return SetOutcome.Fail(ErrorStatus.NoCreation);
        if (value is not Integer32 number) return SetOutcome.Fail(ErrorStatus.WrongType);
        return write(number.Value) is { } commit ? SetOutcome.Ready(commit) : SetOutcome.Fail(ErrorStatus.WrongValue);
    }
}
