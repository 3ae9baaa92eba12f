using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Security.Cryptography;
using Playout.Snmp.Data;

namespace Playout.Snmp.Security;

/// <summary>The incoming half of USM's cryptography (RFC 3414 §3.2 steps 6 and 8), for requests we serve and replies we await.</summary>
public static class UsmMessageReader
{
    /// <summary>True when msgAuthenticationParameters is the MAC of the whole datagram (with it zeroed) under <paramref name="authKey"/>.</summary>
    public static bool Authentic(ReadOnlySpan<byte> datagram, UsmSecurityParameters usm, UsmAuthProtocol auth, ReadOnlySpan<byte> authKey)
    {
        if (usm.AuthParameters.Length != auth.MacLength || usm.AuthParametersOffset < 0)
            return false;
        var copy = datagram.ToArray();
        copy.AsSpan(usm.AuthParametersOffset, auth.MacLength).Clear();
        Span<byte> mac = stackalloc byte[auth.MacLength];
        auth.ComputeMac(authKey, copy, mac);
        return CryptographicOperations.FixedTimeEquals(mac, usm.AuthParameters);
    }

    /// <summary>The decrypted ScopedPDU of an authPriv message, or null when it does not decrypt to one (a decryption error).</summary>
    public static ScopedPdu? Decrypt(SnmpV3Message message, ReadOnlySpan<byte> privKey)
    {
        var usm = message.Usm;
        if (usm.PrivParameters.Length != AesCfbPrivacy.SaltLength)
            return null;
        try
        {
            var reader = new AsnReader(message.Data, AsnEncodingRules.BER);
            if (!reader.TryReadPrimitiveOctetString(out var cipher))
                return null;
            var salt = BinaryPrimitives.ReadUInt64BigEndian(usm.PrivParameters);
            var plain = AesCfbPrivacy.Decrypt(privKey, usm.EngineBoots, usm.EngineTime, salt, cipher.Span);
            return ScopedPdu.Decode(plain);
        }
        catch (Exception e) when (e is AsnContentException or SnmpDecodeException)
        {
            return null;
        }
    }

    /// <summary>The ScopedPDU of a message without privacy, or null when msgData is not one.</summary>
    public static ScopedPdu? Plaintext(SnmpV3Message message)
    {
        try { return ScopedPdu.Decode(message.Data); }
        catch (Exception e) when (e is AsnContentException or SnmpDecodeException) { return null; }
    }
}
