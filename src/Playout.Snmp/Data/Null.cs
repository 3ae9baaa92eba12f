using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>The NULL-bodied values: a request's placeholder and the three RFC 3416 exceptions. One instance each.</summary>
public sealed class Null : SnmpValue
{
    public static readonly Null Instance = new(Asn1Tag.Null, "NULL");
    public static readonly Null NoSuchObject = new(SnmpTags.NoSuchObject, "noSuchObject");
    public static readonly Null NoSuchInstance = new(SnmpTags.NoSuchInstance, "noSuchInstance");
    public static readonly Null EndOfMibView = new(SnmpTags.EndOfMibView, "endOfMibView");

    private readonly Asn1Tag _tag;
    private readonly string _name;

    private Null(Asn1Tag tag, string name) => (_tag, _name) = (tag, name);

    internal override void Write(AsnWriter writer) => writer.WriteNull(_tag);

    public override string ToString() => _name;
}
