using Playout.Devices.Profiles;
using Playout.Snmp.Data;

namespace Playout.Devices.Transmitter;

/// <summary>An OID in a profile: dotted decimal text; anything else is a located profile error.</summary>
internal sealed class OidJson() : ProfileTextJson<Oid>("an OID is written as a string (\"1.3.6.1...\")")
{
    protected override Oid Parse(string text)
    {
        var oid = Oid.Parse(text);
        return oid.Length >= 2 ? oid : throw new ProfileFieldException($"'{text}' is too short for an OID");
    }

    protected override string Text(Oid value) => value.ToString();
}
