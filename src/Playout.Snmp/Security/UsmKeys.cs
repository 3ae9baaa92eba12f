using System.Security.Cryptography;
using System.Text;

namespace Playout.Snmp.Security;

/// <summary>RFC 3414 A.2 key derivation: a password expanded to 1 MB and hashed (Ku), then bound to an engine (Kul).</summary>
public static class UsmKeys
{
    private const int ExpandedLength = 1024 * 1024;

    /// <summary>net-snmp refuses passwords under 8 characters (RFC 3414 §11.2 recommends at least that); so do we.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>Ku: the hash of the password repeated to fill 1,048,576 bytes.</summary>
    public static byte[] PasswordToKey(UsmAuthProtocol protocol, string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        if (bytes.Length == 0)
            throw new ArgumentException("An SNMPv3 password must not be empty.", nameof(password));
        using var hash = IncrementalHash.CreateHash(protocol.Hash);
        var chunk = new byte[64];
        var index = 0;
        for (var done = 0; done < ExpandedLength; done += chunk.Length)
        {
            for (var i = 0; i < chunk.Length; i++)
                chunk[i] = bytes[index++ % bytes.Length];
            hash.AppendData(chunk);
        }
        return hash.GetHashAndReset();
    }

    /// <summary>Kul = H(Ku ‖ engineID ‖ Ku).</summary>
    public static byte[] Localize(UsmAuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> engineId)
    {
        using var hash = IncrementalHash.CreateHash(protocol.Hash);
        hash.AppendData(key);
        hash.AppendData(engineId);
        hash.AppendData(key);
        return hash.GetHashAndReset();
    }
}
