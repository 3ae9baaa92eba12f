using System.Formats.Asn1;

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
