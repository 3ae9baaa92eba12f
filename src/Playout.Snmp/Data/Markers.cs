using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>The NULL-bodied values: a request's placeholder and the three RFC 3416 exceptions. One instance each.</summary>
public sealed class Null : SnmpValue
{
    public static readonly Null Instance = new(Asn1Tag.Null, "NULL", isException: false);
    public static readonly Null NoSuchObject = new(SnmpTags.NoSuchObject, "noSuchObject", isException: true);
    public static readonly Null NoSuchInstance = new(SnmpTags.NoSuchInstance, "noSuchInstance", isException: true);
    public static readonly Null EndOfMibView = new(SnmpTags.EndOfMibView, "endOfMibView", isException: true);

    private readonly Asn1Tag _tag;
    private readonly string _name;
    private readonly bool _isException;

    private Null(Asn1Tag tag, string name, bool isException) => (_tag, _name, _isException) = (tag, name, isException);

    public override bool IsException => _isException;

    internal override void Write(AsnWriter writer) => writer.WriteNull(_tag);

    public override string ToString() => _name;
}
