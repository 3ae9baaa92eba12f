using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>
/// A value in a variable binding. One sealed subtype per SNMP wire type; each writes its own BER and
/// <see cref="SnmpValueCodec"/> reads them back by tag.
/// </summary>
public abstract class SnmpValue
{
    private protected SnmpValue() { }

    internal abstract void Write(AsnWriter writer);
}
