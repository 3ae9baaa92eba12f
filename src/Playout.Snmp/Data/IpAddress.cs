using System.Formats.Asn1;

namespace Playout.Snmp.Data;

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
