using Playout.Snmp.Data;

namespace Playout.Snmp.Security;

/// <summary>The two whole-tree views a community grants: everything readable, and optionally everything writable.</summary>
public sealed class AccessView : IAccessView
{
    public static readonly AccessView ReadOnly = new(write: false);
    public static readonly AccessView ReadWrite = new(write: true);

    private readonly bool _write;

    private AccessView(bool write) => _write = write;

    public bool CanRead(Oid instance) => true;

    public bool CanWrite(Oid instance) => _write;
}
