using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Mib;

/// <summary>How a writable scalar tests a new value (wrongType/wrongValue...) and commits it (false: commitFailed).</summary>
public sealed record ScalarWrite(Func<SnmpValue, ErrorStatus> Test, Func<SnmpValue, MibRequest, bool> Commit);
