using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Mib;

/// <summary>A scalar object: one instance, <c>Root.0</c>, read on every request.</summary>
public sealed class MibScalar(Oid root, Func<SnmpValue> read, ScalarWrite? write = null) : IMibObject
{
    private readonly Oid _instance = root.Append(0);

    public Oid Root { get; } = root;

    public SnmpValue Get(Oid instance, MibRequest request) => instance == _instance ? read() : Null.NoSuchInstance;

    public (Oid Instance, SnmpValue Value)? Next(Oid after, MibRequest request) =>
        after < _instance ? (_instance, read()) : null;

    public SetOutcome PrepareSet(Oid instance, SnmpValue value, MibRequest request)
    {
        if (write is null) return SetOutcome.Fail(ErrorStatus.NotWritable);
        if (instance != _instance) return SetOutcome.Fail(ErrorStatus.NoCreation);
        var error = write.Test(value);
        return error != ErrorStatus.NoError ? SetOutcome.Fail(error) : SetOutcome.Ready(() => write.Commit(value, request));
    }
}
