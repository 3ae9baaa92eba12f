using Playout.Snmp.Data;

namespace Playout.Snmp.Security;

/// <summary>What a principal (a v2c community or a v3 user) may do: read the objects in one view, write those in another.</summary>
public sealed record SnmpAccess(SnmpView ReadView, SnmpView WriteView) : IAccessView
{
    /// <summary>No access at all.</summary>
    public static readonly SnmpAccess None = new(SnmpView.Empty, SnmpView.Empty);

    public bool CanRead(Oid oid) => ReadView.Contains(oid);

    public bool CanWrite(Oid oid) => WriteView.Contains(oid);
}
