using System.Formats.Asn1;
using System.Text;

namespace Playout.Snmp.Data;

/// <summary>The octet-string-shaped types share their encoding and differ only by tag.</summary>
public abstract class BytesValue : SnmpValue, IEquatable<BytesValue>
{
    private readonly byte[] _bytes;

    private protected BytesValue(ReadOnlySpan<byte> bytes) => _bytes = bytes.ToArray();

    public ReadOnlySpan<byte> Bytes => _bytes;

    private protected abstract Asn1Tag Tag { get; }

    internal override void Write(AsnWriter writer) => writer.WriteOctetString(_bytes, Tag);

    public bool Equals(BytesValue? other) => other is not null && other.GetType() == GetType() && other.Bytes.SequenceEqual(Bytes);
    public override bool Equals(object? obj) => Equals(obj as BytesValue);
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(GetType());
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}

/// <summary>OCTET STRING (also DisplayString as UTF-8).</summary>
public sealed class OctetString(ReadOnlySpan<byte> bytes) : BytesValue(bytes)
{
    public OctetString(string text) : this(Encoding.UTF8.GetBytes(text)) { }

    private protected override Asn1Tag Tag => Asn1Tag.PrimitiveOctetString;

    public string Text => Encoding.UTF8.GetString(Bytes);

    public override string ToString() => $"STRING: {Text}";
}

/// <summary>Opaque: arbitrary BER wrapped in an octet string.</summary>
public sealed class Opaque(ReadOnlySpan<byte> bytes) : BytesValue(bytes)
{
    private protected override Asn1Tag Tag => SnmpTags.Opaque;

    public override string ToString() => $"Opaque: {Convert.ToHexString(Bytes)}";
}

/// <summary>IpAddress: exactly four octets, network order.</summary>
public sealed class IpAddress : BytesValue
{
    public IpAddress(ReadOnlySpan<byte> bytes) : base(bytes)
    {
        if (bytes.Length != 4) throw new SnmpDecodeException($"IpAddress has {bytes.Length} octets, not 4");
    }

    private protected override Asn1Tag Tag => SnmpTags.IpAddress;

    public override string ToString() => $"IpAddress: {string.Join('.', Bytes.ToArray())}";
}
