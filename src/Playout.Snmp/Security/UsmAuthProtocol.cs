using System.Security.Cryptography;

namespace Playout.Snmp.Security;

/// <summary>
/// A USM authentication protocol: HMAC-SHA-96 (RFC 3414, SHA-1 truncated to 12 bytes) or
/// usmHMAC192SHA256AuthProtocol (RFC 7860, SHA-256 truncated to 24 bytes).
/// </summary>
public sealed class UsmAuthProtocol
{
    public static readonly UsmAuthProtocol Sha1 = new("SHA", HashAlgorithmName.SHA1, keyLength: 20, macLength: 12);
    public static readonly UsmAuthProtocol Sha256 = new("SHA-256", HashAlgorithmName.SHA256, keyLength: 32, macLength: 24);

    private UsmAuthProtocol(string name, HashAlgorithmName hash, int keyLength, int macLength)
    {
        Name = name;
        Hash = hash;
        KeyLength = keyLength;
        MacLength = macLength;
    }

    /// <summary>The name net-snmp's <c>-a</c> option and this project's configuration use.</summary>
    public string Name { get; }

    public HashAlgorithmName Hash { get; }

    /// <summary>Length of a localised key (the hash's output).</summary>
    public int KeyLength { get; }

    /// <summary>Length of msgAuthenticationParameters: the truncated HMAC.</summary>
    public int MacLength { get; }

    /// <summary>Parses a configured protocol name ("SHA", "SHA1", "SHA-1", "SHA-256", "SHA256"); null when unknown.</summary>
    public static UsmAuthProtocol? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "SHA" or "SHA1" or "SHA-1" => Sha1,
        "SHA256" or "SHA-256" => Sha256,
        _ => null,
    };

    /// <summary>Writes the truncated HMAC of <paramref name="message"/> under <paramref name="localizedKey"/> into <paramref name="mac"/>.</summary>
    public void ComputeMac(ReadOnlySpan<byte> localizedKey, ReadOnlySpan<byte> message, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[KeyLength];
        if (Hash == HashAlgorithmName.SHA1)
            HMACSHA1.HashData(localizedKey, message, full);
        else
            HMACSHA256.HashData(localizedKey, message, full);
        full[..MacLength].CopyTo(mac);
    }

    public override string ToString() => Name;
}
