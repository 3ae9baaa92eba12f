using Playout.Snmp.Data;

namespace Playout.Snmp.Security;

/// <summary>
/// What a principal may see and change, object instance by object instance (VACM's read and write views).
/// The dispatcher asks it for every variable binding: an instance outside the read view does not exist
/// for that principal (noSuchObject, skipped by GETNEXT); a SET outside the write view gets noAccess.
/// </summary>
public interface IAccessView
{
    bool CanRead(Oid instance);

    bool CanWrite(Oid instance);
}
