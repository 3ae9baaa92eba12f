using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Playout.Snmp.Security;

/// <summary>
/// Builds outgoing SNMPv3 messages under USM (RFC 3414 §3.1): encrypts the ScopedPDU with AES-CFB and a fresh salt when the
/// level has privacy, then fills msgAuthenticationParameters with the HMAC of the whole message (computed over zeros there).
/// Used for responses, reports, traps and informs alike.
/// </summary>
public sealed class UsmMessageWriter
{
    // RFC 3826 §3.1.2.1: a 64-bit integer salt, started at a random value and incremented for every message.
    private long _salt = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>The authoritative engine of a message: its ID, boots and time (ours for responses and traps, the receiver's for informs).</summary>
    public readonly record struct Authority(byte[] EngineId, int Boots, int Time);

    public byte[] Write(int msgId, int maxSize, UsmSecurityLevel level, bool reportable, Authority authority,
        byte[] userName, UsmAuthProtocol? auth, UsmKeySet keys, ScopedPdu scopedPdu)
    {
        var plain = scopedPdu.Encode();
        byte[] data;
        byte[] privParameters = [];
        if (level == UsmSecurityLevel.AuthPriv)
        {
            var salt = (ulong)Interlocked.Increment(ref _salt);
            privParameters = new byte[AesCfbPrivacy.SaltLength];
            BinaryPrimitives.WriteUInt64BigEndian(privParameters, salt);
            var cipher = AesCfbPrivacy.Encrypt(keys.PrivKey!, authority.Boots, authority.Time, salt, plain);
            var writer = new AsnWriter(AsnEncodingRules.BER);
            writer.WriteOctetString(cipher);
            data = writer.Encode();
        }
        else
        {
            data = plain;
        }

        var authenticated = level != UsmSecurityLevel.NoAuthNoPriv;
        var usm = new UsmSecurityParameters(authority.EngineId, authority.Boots, authority.Time, userName,
            authenticated ? new byte[auth!.MacLength] : [], privParameters);
        var message = new SnmpV3Message(msgId, maxSize, SnmpV3Message.FlagsFor(level, reportable), SnmpV3Message.UsmSecurityModel, usm, data);
        var encoded = message.Encode();
        if (authenticated)
        {
            // Decoding our own output finds where the zero placeholder landed.
            var offset = SnmpV3Message.Decode(encoded).Usm.AuthParametersOffset;
            auth!.ComputeMac(keys.AuthKey, encoded, encoded.AsSpan(offset, auth.MacLength));
        }
        return encoded;
    }
}
