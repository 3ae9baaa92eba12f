using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Playout.Snmp.Security;

/// <summary>
/// snmpEngineID in the RFC 3411 §5 form: the enterprise number with its top bit set, format 5 (octets, administratively
/// assigned), then 12 random bytes chosen once per installation.
/// </summary>
public static class SnmpEngineId
{
    /// <summary>The documentation enterprise (RFC 5612) until a PEN is registered.</summary>
    public const uint DefaultEnterprise = 32473;

    private const byte OctetsFormat = 5;
    private const int RandomLength = 12;

    public static byte[] Create(uint enterprise) => Create(enterprise, RandomNumberGenerator.GetBytes(RandomLength));

    public static byte[] Create(uint enterprise, ReadOnlySpan<byte> data)
    {
        var id = new byte[5 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(id, enterprise | 0x8000_0000);
        id[4] = OctetsFormat;
        data.CopyTo(id.AsSpan(5));
        return id;
    }

    /// <summary>RFC 3411: 5 to 32 bytes. Anything else is not an engine ID.</summary>
    public static bool IsValid(ReadOnlySpan<byte> id) => id.Length is >= 5 and <= 32;

    /// <summary>The enterprise an RFC 3411 engine ID names (its top bit set), or null for another form.</summary>
    public static uint? Enterprise(ReadOnlySpan<byte> id) =>
        id.Length >= 5 && (id[0] & 0x80) != 0 ? BinaryPrimitives.ReadUInt32BigEndian(id) & 0x7FFF_FFFF : null;

    /// <summary>The same engine ID's data under another enterprise number.</summary>
    public static byte[] WithEnterprise(ReadOnlySpan<byte> id, uint enterprise) => Create(enterprise, id[5..]);
}
